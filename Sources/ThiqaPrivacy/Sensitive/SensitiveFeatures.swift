/// What the lexicon says about one word: the categories it is a fact or topic term of, and the cues it carries.
struct SensitiveMarks: OptionSet, Sendable, Hashable {
    let rawValue: UInt64

    static let factShift: UInt64 = 0
    static let topicShift: UInt64 = 9
    static let person = SensitiveMarks(rawValue: 1 << 18)
    static let procedural = SensitiveMarks(rawValue: 1 << 19)
    static let benign = SensitiveMarks(rawValue: 1 << 20)
    static let link = SensitiveMarks(rawValue: 1 << 21)
    static let locative = SensitiveMarks(rawValue: 1 << 22)
    static let copula = SensitiveMarks(rawValue: 1 << 23)
    /// Inside a procedural phrase ("how do I", "comment je"): the pronoun there is generic, not a person cue.
    static let generic = SensitiveMarks(rawValue: 1 << 24)
    static let pronoun = SensitiveMarks(rawValue: 1 << 25)
    /// An identity or travel document, or what reads one (passport, card, visa, gates, renewal).
    static let document = SensitiveMarks(rawValue: 1 << 26)
    /// A practitioner (doctor, GP, tbib, ⴰⵟⴱⵉⴱ): benign as the sender's own job, not when the doctor speaks to
    /// or about the person ("le médecin m'a dit", "الطبيب قال", "tbib gal li").
    static let practitioner = SensitiveMarks(rawValue: 1 << 27)
    /// What a practitioner does to a person: says, tells, gives, prescribes, finds.
    static let reporting = SensitiveMarks(rawValue: 1 << 28)
    /// An Arabic word with a glued locative ("فالحبس", "فالإضراب"): read as "in …" for prison and strike terms.
    static let gluedLocative = SensitiveMarks(rawValue: 1 << 29)
    /// A benign cue that gives a cause ("because of the strike", "بسبب"): it explains a topic away (a strike that
    /// delayed the sender), not a condition ("lost her sight because of diabetes").
    static let causal = SensitiveMarks(rawValue: 1 << 30)
    /// A benign cue that makes the terms a subject of study (a school report, statistics): several conditions
    /// named there are not several facts.
    static let study = SensitiveMarks(rawValue: 1 << 31)
    /// An animal or a vet ("mon chat", "الكلب ديالي", "ⴰⵎⵓⵛⵛ ⵉⵏⵓ"): an illness next to it is the animal's, and the
    /// possessive belongs to the animal, not to a person's health.
    static let animal = SensitiveMarks(rawValue: 1 << 32)
    /// A lawyer or notary ("je suis avocate", "ana mo7ami", "ⵏⴽⴽⵉ ⴷ ⴰⵎⵃⴰⵎⵉ"): courts, files and prisons in the message
    /// are their work, not a case of the sender's; but "mon avocat", "lmo7ami dyali" is the sender's own lawyer.
    static let counsel = SensitiveMarks(rawValue: 1 << 33)
    /// A lawyer's client ("mon client", "ملف موكلي"): only a lawyer has one.
    static let client = SensitiveMarks(rawValue: 1 << 34)

    static func fact(_ category: SensitiveCategory) -> SensitiveMarks { SensitiveMarks(rawValue: 1 << (factShift + UInt64(category.index))) }
    static func topic(_ category: SensitiveCategory) -> SensitiveMarks { SensitiveMarks(rawValue: 1 << (topicShift + UInt64(category.index))) }

    var factCategories: UInt32 { UInt32((self.rawValue >> Self.factShift) & 0x1FF) }
    var topicCategories: UInt32 { UInt32((self.rawValue >> Self.topicShift) & 0x1FF) }
}

/// The compiled lexicon: exact words and phrases keyed by their first word, and prefix stems.
struct SensitiveMatcher: Sendable {
    struct Phrase: Sendable {
        var rest: [WordKey]
        var marks: SensitiveMarks
    }

    let words: WordTable<[Phrase]>
    let stems: WordTable<SensitiveMarks>
    /// Stem lengths present in `stems`, so a word's prefixes are hashed once and looked up only at these lengths.
    let stemLengths: [Bool]

    static let shared = SensitiveMatcher()

    private init() {
        var words: [WordKey: [Phrase]] = [:]
        var stems: [WordKey: SensitiveMarks] = [:]
        var lengths = [Bool](repeating: false, count: 16)
        func addStem(_ stem: [UInt32], _ marks: SensitiveMarks) {
            guard stem.count >= 4, stem.count < lengths.count else { return }
            stems[WordKey(folded: stem), default: []].formUnion(marks)
            lengths[stem.count] = true
        }
        func add(_ list: String, _ marks: SensitiveMarks) {
            for raw in list.split(separator: "|") {
                let entry = String(raw.drop(while: { $0 == " " || $0 == "\n" }).reversed().drop(while: { $0 == " " || $0 == "\n" }).reversed())
                guard !entry.isEmpty else { continue }
                if entry.hasSuffix("*") {
                    let stem = Self.foldedScalars(String(entry.dropLast()))
                    addStem(stem, marks)
                    if stem.contains(where: { Script.of($0) == .latin || Script.of($0) == .tifinagh }) {
                        let canonical = SensitiveSpelling.canonical(stem)
                        if canonical != stem { addStem(canonical, marks) }
                    }
                    continue
                }
                let norm = NormalizedText(entry)
                let tokens = norm.tokenize()
                guard let firstToken = tokens.first else { continue }
                let rest = tokens.dropFirst().map(\.key)
                var firstKeys = [firstToken.key]
                // The entry is also found under its canonical spelling and its Amazigh stem (SensitiveSpelling),
                // so `sokar` finds `ssukkar` and `ⵙⵙⵓⴽⴽⴰⵔ`, `ittuḥkm` finds `ḥkm`.
                if firstToken.script == .latin || firstToken.script == .tifinagh {
                    let folded = norm.folded(firstToken)
                    let canonical = SensitiveSpelling.canonical(folded)
                    if canonical != folded, canonical.count >= 3 { firstKeys.append(WordKey(folded: canonical)) }
                    if let core = SensitiveSpelling.amazighCore(canonical) { firstKeys.append(WordKey(folded: core)) }
                }
                for first in firstKeys {
                    if let index = words[first]?.firstIndex(where: { $0.rest == rest }) {
                        words[first]![index].marks.formUnion(marks)
                    } else {
                        words[first, default: []].append(Phrase(rest: rest, marks: marks))
                    }
                }
            }
        }
        for category in SensitiveCategory.allCases {
            add(SensitiveLexicon.facts[category] ?? "", .fact(category))
            add(SensitiveLexicon.topics[category] ?? "", .topic(category))
        }
        add(SensitiveLexicon.person, .person)
        add(SensitiveLexicon.procedural, .procedural)
        add(SensitiveLexicon.benign, .benign)
        add(SensitiveLexicon.link, .link)
        add(SensitiveLexicon.locative, .locative)
        add(SensitiveLexicon.copula, .copula)
        add(SensitiveLexicon.pronoun, .pronoun)
        add(SensitiveLexicon.document, .document)
        add(SensitiveLexicon.practitioner, [.practitioner, .benign])
        add(SensitiveLexicon.reporting, .reporting)
        add(SensitiveLexicon.causal, [.causal, .benign])
        add(SensitiveLexicon.study, [.study, .benign])
        add(SensitiveLexicon.animal, [.animal, .benign])
        add(SensitiveLexicon.counsel, [.counsel, .benign])
        add(SensitiveLexicon.client, [.client, .benign])
        for key in words.keys { words[key]!.sort { $0.rest.count > $1.rest.count } }
        self.words = WordTable(words.map { ($0.key, $0.value) })
        self.stems = WordTable(stems.map { ($0.key, $0.value) })
        self.stemLengths = lengths
    }

    /// Folded scalars of a lexicon word, as the tokenizer folds text.
    static func foldedScalars(_ word: String) -> [UInt32] {
        var out: [UInt32] = []
        for scalar in word.unicodeScalars {
            let n = NormalizedText.normalize(scalar.value)
            guard n != NormalizedText.dropped else { continue }
            let f = NormalizedText.fold(n)
            if f != 0 { out.append(f) }
        }
        return out
    }

    /// Keys of the words of a lexicon entry, split where the tokenizer splits.
    static func keys(of entry: String) -> [WordKey] {
        let norm = NormalizedText(entry)
        return norm.tokenize().map(\.key)
    }
}

extension SensitiveCategory {
    static let byIndex: [SensitiveCategory] = SensitiveCategory.allCases.sorted { $0.index < $1.index }
}

/// The evidence for each category in one text, as the model's inputs.
struct SensitiveFeatures: Sendable, Equatable {
    static let count = 12

    /// `values[category.index][feature]`, each in 0...1.
    var values: [[Double]]
    /// Token ranges (normalised scalar offsets) of the terms per category, for `SensitiveCategoryDetector.detect`.
    var spans: [[Range<Int>]]

    /// Feature names, in order, for the training script and the documentation.
    static let names = [
        "fact_person", "fact_alone", "topic_person", "topic_alone", "fact_person_procedural", "fact_procedural",
        "topic_procedural", "fact_benign", "topic_benign", "several_facts", "person_in_message", "fact_linked",
    ]
}

/// Reads a text once and gathers, per category, its terms and the cues around them.
struct SensitiveReader {
    static let personWindow = 8
    static let benignWindow = 5
    static let linkWindow = 4
    static let reportingWindow = 3
    static let animalWindow = 4

    let norm: NormalizedText
    let tokens: [Token]
    var marks: [SensitiveMarks]
    var sentence: [Int]

    init(_ text: String) {
        self.init(prepared: PreparedText(text))
    }

    init(prepared: PreparedText) {
        self.norm = prepared.norm
        self.tokens = prepared.tokens.filter { $0.letterCount > 0 }
        self.marks = [SensitiveMarks](repeating: [], count: self.tokens.count)
        self.sentence = [Int](repeating: 0, count: self.tokens.count)
        self.mark()
    }

    private mutating func mark() {
        let matcher = SensitiveMatcher.shared
        var current = 0
        var variants: [[UInt32]] = []
        var genericSpans: [(Int, Int)] = []
        for i in self.tokens.indices {
            var genericUntil = -1
            defer { if genericUntil >= i { genericSpans.append((i, genericUntil)) } }
            if i > 0 && self.isSentenceBreak(self.tokens[i - 1].end, self.tokens[i].start) { current += 1 }
            self.sentence[i] = current
            let token = self.tokens[i]
            var found = self.phraseMarks(at: i, key: token.key, matcher: matcher, generic: &genericUntil)
            if token.length >= 3 {
                let folded = self.norm.folded(token)
                variants.removeAll(keepingCapacity: true)
                variants.append(folded)
                let core = Self.addVariants(of: folded, script: token.script, to: &variants)
                for (n, variant) in variants.enumerated() {
                    if n > 0 { found.formUnion(self.phraseMarks(at: i, key: WordKey(folded: variant), matcher: matcher, generic: &genericUntil)) }
                    found.formUnion(Self.stemMarks(variant, matcher: matcher))
                }
                if let core {
                    found.formUnion(self.phraseMarks(at: i, key: WordKey(folded: core), matcher: matcher, generic: &genericUntil))
                    // Darija person prefixes are the same letters: "tcondamnaw", "n3aljouh" reach "condamn*", "3alj*".
                    if core.count >= 5 { found.formUnion(Self.stemMarks(core, matcher: matcher)) }
                }
                // A topic word is not its own person cue ("amazigh" ends like a first-person Amazigh verb in "-gh");
                // a fact verb in the first person is ("خرجت من السجن", "kcmɣ", "ttẓallaɣ").
                if found.factCategories != 0 || found.topicCategories == 0 {
                    found.formUnion(Self.morphologyMarks(folded, script: token.script))
                }
                if token.script == .arabic, folded.count > 4, folded[0] == 0x0641, folded[1] == 0x0627, folded[2] == 0x0644 {
                    found.insert(.gluedLocative)  // فال…
                }
            }
            self.marks[i].formUnion(found)
        }
        for (first, last) in genericSpans where first <= last {
            for t in first...last { self.marks[t].insert(.generic) }
        }
        // "how can I", "comment je", "ⵎⴰⵏⵉⴽ ⴰⴷ ⴰⵡⵉⵖ": a pronoun or first-person verb just after a question word asks
        // in general; it is not a person the message is about.
        for t in self.tokens.indices where self.marks[t].contains(.pronoun) {
            let before = (t >= 1 && self.marks[t - 1].contains(.procedural)) || (t >= 2 && self.marks[t - 2].contains(.procedural))
            if before && self.sentence[max(0, t - 2)] == self.sentence[t] { self.marks[t].insert(.generic) }
        }
        // "Le médecin m'a dit que…", "قال لي الطبيب", "tbib 3tani", "aṭbib inna yi": the doctor is talking to the
        // person about their health, which is no longer a profession that explains the term away.
        for t in self.tokens.indices where self.marks[t].contains(.practitioner) {
            if self.any(.reporting, from: t - Self.reportingWindow, to: t + Self.reportingWindow, sentence: self.sentence[t], except: t) {
                // What a doctor told or gave someone is a health fact about them ("الطبيب عطاني شهادة").
                self.marks[t].remove(.benign)
                self.marks[t].insert(.fact(.health))
            }
        }
    }

    private func phraseMarks(at i: Int, key: WordKey, matcher: SensitiveMatcher, generic: inout Int) -> SensitiveMarks {
        guard let phrases = matcher.words[key] else { return [] }
        var out: SensitiveMarks = []
        for phrase in phrases {
            let last = i + phrase.rest.count
            guard last < self.tokens.count else { continue }
            var ok = true
            for (k, word) in phrase.rest.enumerated() where self.tokens[i + 1 + k].key != word {
                ok = false
                break
            }
            guard ok else { continue }
            out.formUnion(phrase.marks)
            if !phrase.rest.isEmpty && phrase.marks.contains(.procedural) { generic = max(generic, last) }
        }
        return out
    }

    private static func stemMarks(_ scalars: [UInt32], matcher: SensitiveMatcher) -> SensitiveMarks {
        guard scalars.count >= 4 else { return [] }
        var out: SensitiveMarks = []
        var h = WordKey.offsetBasis
        let limit = min(scalars.count, matcher.stemLengths.count - 1)
        for k in 0..<limit {
            h = WordKey.mix(h, scalars[k])
            if matcher.stemLengths[k + 1], let marks = matcher.stems[WordKey(value: h)] { out.formUnion(marks) }
        }
        return out
    }

    /// Forms the lexicon lists once: Arabic words without their clitics; for Latin and Tifinagh words the canonical
    /// spelling (`SensitiveSpelling`), without a glued Darija article (`l7bs`, `lmard`), Amazigh nouns in the free
    /// state (`uṭṭan` → `aṭṭan`). Returns the Amazigh stem of a Latin or Tifinagh word, looked up as a whole word only.
    @discardableResult
    static func addVariants(of folded: [UInt32], script: Script, to out: inout [[UInt32]]) -> [UInt32]? {
        switch script {
        case .arabic:
            var s = folded
            if s.count > 3, s[0] == 0x0648 || s[0] == 0x0641 {  // و ف
                s.removeFirst()
                out.append(s)
            }
            if s.count > 3, s[0] == 0x0628 || s[0] == 0x0644 || s[0] == 0x0643 {  // ب ل ك
                if s[0] == 0x0644 && s[1] == 0x0644 {
                    out.append([0x0627] + s[1...])  // لل -> ال
                }
                s.removeFirst()
                out.append(s)
            }
            if s.count > 4, s[0] == 0x0627, s[1] == 0x0644 {  // ال
                s.removeFirst(2)
                out.append(s)
            }
            // Possessive and object suffixes: زوجتي، مرضها، علاجه.
            var stem = s
            let last2 = stem.count > 4 ? (stem[stem.count - 2], stem[stem.count - 1]) : (0, 0)
            if last2 == (0x0647, 0x0627) || last2 == (0x0647, 0x0645) || last2 == (0x0646, 0x0627) || last2 == (0x0643, 0x0645) {
                stem.removeLast(2)  // ها هم نا كم
            } else if stem.count > 3, [0x064A, 0x0647, 0x0643].contains(stem[stem.count - 1]) {
                stem.removeLast()
            } else {
                return nil
            }
            out.append(stem)
            if stem.last == 0x062A {
                stem[stem.count - 1] = 0x0647
                out.append(stem)
            }
            return nil
        case .latin, .tifinagh:
            let canonical = SensitiveSpelling.canonical(folded)
            if canonical != folded && canonical.count >= 3 { out.append(canonical) }
            // Darija glues the article: l7bs, lmard, ssbitar.
            if canonical.count >= 4, canonical[0] == 0x6C { out.append(Array(canonical.dropFirst())) }
            // Amazigh annexed state: uṭṭan -> aṭṭan, ⵓⵟⵟⴰⵏ -> ⴰⵟⵟⴰⵏ.
            if canonical.count >= 3, canonical[0] == 0x75 { out.append([0x61] + canonical.dropFirst()) }
            return SensitiveSpelling.amazighCore(canonical)
        default:
            return nil
        }
    }

    /// First-person and past-tense verb shapes that point at a person without a listed word: Darija `كن…`/`kan…`
    /// (I do), Arabic past tense in `…ت` (not the plural `…ات`), Amazigh first person singular in `…ⵖ`/`…ɣ`/`…gh`.
    static func morphologyMarks(_ s: [UInt32], script: Script) -> SensitiveMarks {
        switch script {
        case .arabic:
            if s.count >= 4, s[0] == 0x0643, s[1] == 0x0646 { return [.person, .pronoun] }  // كن
            if s.count >= 5, s[s.count - 1] == 0x064A, s[s.count - 2] == 0x0646 { return .person }  // …ني (me)
            if s.count >= 4, s[s.count - 1] == 0x062A, s[s.count - 2] != 0x0627 { return [.person, .pronoun] }  // …ت
        case .latin:
            if s.count >= 5, s[0] == 0x6B, s[1] == 0x61, s[2] == 0x6E { return [.person, .pronoun] }  // kan…
            if s.count >= 5, s[s.count - 1] == 0x69, s[s.count - 2] == 0x6E, s[s.count - 3] != 0x69 { return .person }  // …ni (me)
            if s.count >= 3, s[s.count - 1] == 0x0263 { return [.person, .pronoun] }  // …ɣ
            if s.count >= 4, s[s.count - 1] == 0x68, s[s.count - 2] == 0x67 { return [.person, .pronoun] }  // …gh
        case .tifinagh:
            if s.count >= 3, s[s.count - 1] == 0x2D56 { return [.person, .pronoun] }  // …ⵖ
        default:
            break
        }
        return []
    }

    private func isSentenceBreak(_ from: Int, _ to: Int) -> Bool {
        for v in self.norm.gap(from, to) {
            switch v {
            case 0x2E, 0x21, 0x3F, 0x3B, 0x0A, 0x061F, 0x061B, 0x2026: return true
            default: continue
            }
        }
        return false
    }

    static let identityCategories: Set<SensitiveCategory> = [.ethnicOrigin, .religion, .sexLife, .politicalOpinion]

    /// Copulas that open a question when they start the sentence ("Is there an Amazigh course?", "Is tlla…",
    /// "Est-ce…"): there they state nothing about anyone.
    private static let interrogativeCopulas: WordSet = ["is", "are", "was", "were", "est"]
    /// Question particles that open a yes/no question before a copula ("Is tlla…", "wach kayn…", "هل هو…").
    private static let questionParticles: WordSet = ["is", "ⵉⵙ", "wach", "واش", "هل", "est"]

    /// A copula within `linkWindow` tokens before token `i`, not one that opens a question.
    private func copulaBefore(_ i: Int, sentence s: Int) -> Bool {
        var t = max(0, i - Self.linkWindow)
        while t < i {
            if self.sentence[t] == s, self.marks[t].contains(.copula) {
                let opensSentence = t == 0 || self.sentence[t - 1] != s
                let afterParticle = t >= 1 && self.sentence[t - 1] == s && (t == 1 || self.sentence[t - 2] != s)
                    && Self.questionParticles.contains(self.tokens[t - 1].key)
                if !(opensSentence && Self.interrogativeCopulas.contains(self.tokens[t].key)) && !afterParticle { return true }
            }
            t += 1
        }
        return false
    }

    /// Possessives that are impersonal in "donner ses empreintes", "prendre sa photo": they do not make a requirement
    /// of a procedure a fact about someone.
    private static let impersonalPossessives: WordSet = ["ses", "son", "sa", "leur", "leurs", "their"]

    /// A biometric term asked about as a requirement of a document procedure: a document in the same procedural
    /// sentence (within `personWindow` tokens), and no person right beside the term ("mes empreintes", "بصمات
    /// أصابعي", "my face" stay facts). "Faut-il donner ses empreintes pour le visa ?" is about the visa, not about
    /// anyone's fingers.
    private func isDocumentRequirement(_ i: Int, sentence s: Int, procedural: Bool) -> Bool {
        guard procedural, self.any(.document, from: i - Self.personWindow, to: i + Self.personWindow, sentence: s, except: i) else {
            return false
        }
        for t in max(0, i - 1)...min(self.tokens.count - 1, i + 1) where self.sentence[t] == s {
            if self.marks[t].contains(.person), !self.marks[t].contains(.generic), !Self.impersonalPossessives.contains(self.tokens[t].key) {
                return false
            }
        }
        return true
    }

    /// Possessives that make a lawyer the sender's own ("mon avocat", "my lawyer", "lmo7ami dyali", "ⴰⵎⵃⴰⵎⵉ ⵉⵏⵓ").
    private static let ownPossessivesBefore: WordSet = ["mon", "ma", "my", "our", "notre", "his", "her", "son", "sa"]
    private static let ownPossessivesAfter: WordSet = ["dyali", "dyalna", "dyalo", "dyalha", "ديالي", "ديالنا", "ديالو", "ديالها", "inu", "ⵉⵏⵓ", "nnɣ", "ⵏⵏⵖ", "nnegh", "nns", "ⵏⵏⵙ"]

    /// A lawyer word that names someone's own lawyer, not the sender's profession.
    private func ownCounsel(_ t: Int) -> Bool {
        let s = self.sentence[t]
        if t >= 1, self.sentence[t - 1] == s, Self.ownPossessivesBefore.contains(self.tokens[t - 1].key) { return true }
        if t + 1 < self.tokens.count, self.sentence[t + 1] == s, Self.ownPossessivesAfter.contains(self.tokens[t + 1].key) { return true }
        // محاميي, محاميتي: a possessive suffix on the Arabic word.
        let folded = self.norm.folded(self.tokens[t])
        if self.tokens[t].script == .arabic, folded.count >= 5, folded.last == 0x064A, folded[folded.count - 2] == 0x064A || folded[folded.count - 2] == 0x062A { return true }
        return false
    }

    private func anyPerson(from: Int, to: Int, sentence s: Int) -> Bool {
        var t = max(0, from)
        let end = min(self.tokens.count - 1, to)
        while t <= end {
            if self.sentence[t] == s, self.marks[t].contains(.person), !self.marks[t].contains(.generic) { return true }
            t += 1
        }
        return false
    }

    /// Benign cues in a window: any of them (they explain a topic away), one that is not a mere cause (it explains
    /// a fact away too), one that makes the terms a subject of study.
    private func benignCues(from: Int, to: Int, sentence s: Int, except: Int) -> (any: Bool, nonCausal: Bool, study: Bool) {
        var out = (any: false, nonCausal: false, study: false)
        var t = max(0, from)
        let end = min(self.tokens.count - 1, to)
        while t <= end {
            let m = self.marks[t]
            if t != except, self.sentence[t] == s, m.contains(.benign) {
                out.any = true
                if !m.contains(.causal) { out.nonCausal = true }
                if m.contains(.study) { out.study = true }
            }
            t += 1
        }
        return out
    }

    private func any(_ mark: SensitiveMarks, from: Int, to: Int, sentence s: Int, except: Int) -> Bool {
        var t = max(0, from)
        let end = min(self.tokens.count - 1, to)
        while t <= end {
            if t != except, self.sentence[t] == s, self.marks[t].contains(mark) { return true }
            t += 1
        }
        return false
    }

    func features() -> SensitiveFeatures {
        var values = [[Double]](repeating: [Double](repeating: 0, count: SensitiveFeatures.count), count: 9)
        var spans = [[Range<Int>]](repeating: [], count: 9)
        guard !self.tokens.isEmpty else { return SensitiveFeatures(values: values, spans: spans) }
        var sentenceProcedural = [Bool](repeating: false, count: (self.sentence.last ?? 0) + 1)
        var personInMessage = false
        // A sentence that ends with a question mark asks; for a document requirement it reads like a procedural one.
        var sentenceAsks = [Bool](repeating: false, count: sentenceProcedural.count)
        for i in self.tokens.indices where i + 1 == self.tokens.count || self.sentence[i + 1] != self.sentence[i] {
            let end = i + 1 < self.tokens.count ? self.tokens[i + 1].start : self.norm.count
            sentenceAsks[self.sentence[i]] = self.norm.gap(self.tokens[i].end, end).contains { $0 == 0x3F || $0 == 0x061F }
        }
        var counselWrites = false
        for i in self.tokens.indices {
            if self.marks[i].contains(.client) || (self.marks[i].contains(.counsel) && !self.ownCounsel(i)) { counselWrites = true }
            if self.marks[i].contains(.procedural) { sentenceProcedural[self.sentence[i]] = true }
            if self.marks[i].contains(.person) && !self.marks[i].contains(.generic) { personInMessage = true }
        }
        var factCount = [Int](repeating: 0, count: 9)
        for i in self.tokens.indices {
            let m = self.marks[i]
            let facts = m.factCategories
            let topics = m.topicCategories & ~facts
            guard facts | topics != 0 else { continue }
            let s = self.sentence[i]
            let nearPerson = self.anyPerson(from: i - Self.personWindow, to: i + Self.personWindow, sentence: s)
            // "Mon chat est malade", "lkelb dyali mrid": the illness and the possessive are the animal's.
            let animal = self.any(.animal, from: i - Self.animalWindow, to: i + Self.animalWindow, sentence: s, except: i)
            let procedural = sentenceProcedural[s]
            let benign = self.benignCues(from: i - Self.benignWindow, to: i + Self.benignWindow, sentence: s, except: i)
            let linked = self.any(.link, from: i - Self.linkWindow, to: i - 1, sentence: s, except: i)
            let copula = self.copulaBefore(i, sentence: s)
            let documentRequirement = (facts | topics) & (1 << UInt32(SensitiveCategory.biometric.index)) != 0
                && self.isDocumentRequirement(i, sentence: s, procedural: procedural || sentenceAsks[s])
            let located = self.any(.locative, from: i - 2, to: i - 1, sentence: s, except: i) || m.contains(.gluedLocative)
            for c in 0..<9 {
                let bit: UInt32 = 1 << UInt32(c)
                let isFact = facts & bit != 0
                let isTopic = topics & bit != 0
                guard isFact || isTopic else { continue }
                let category = SensitiveCategory.byIndex[c]
                if category == .biometric && documentRequirement { continue }
                // A lawyer writing: the court, the file and the prison are the lawyer's work, not the sender's case
                // ("ana mo7ami w bghit nzour client dyali f l7abs"); the lawyer is the person cue there, not the one
                // the case is about, so criminal terms count without a person, and a conviction stays a fact.
                let counselCase = category == .criminalRecord && counselWrites
                let person = nearPerson && !(animal && (category == .health || category == .genetic)) && !counselCase
                let upgraded =
                    isTopic && !counselCase
                    && (linked || (located && (category == .criminalRecord || category == .tradeUnion))
                        || (copula && Self.identityCategories.contains(category)))
                var f = values[c]
                if isFact || upgraded {
                    // A school report on diabetes and Alzheimer's names two conditions of nobody.
                    if !benign.study { factCount[c] += 1 }
                    if person { f[0] = 1 } else { f[1] = 1 }
                    if person && procedural { f[4] = 1 }
                    if !person && procedural { f[5] = 1 }
                    if benign.nonCausal { f[7] = 1 }
                    if upgraded { f[11] = 1 }
                } else {
                    if person { f[2] = 1 } else { f[3] = 1 }
                    if procedural { f[6] = 1 }
                    if benign.any { f[8] = 1 }
                }
                if personInMessage { f[10] = 1 }
                values[c] = f
                spans[c].append(self.tokens[i].start..<self.tokens[i].end)
            }
        }
        for c in 0..<9 where factCount[c] >= 2 { values[c][9] = 1 }
        return SensitiveFeatures(values: values, spans: spans)
    }
}
