/// Personal names: the name lexicon (Names/) combined with context. A name is found after an introduction
/// ("je m'appelle", "سميتي", "ⵉⵙⵎ ⵉⵏⵓ"), a title or honorific ("Mme", "السيد", "Si", "Lalla"), a kinship word
/// ("ma mère", "wldi", "ابني", "ⵢⵉⵍⵍⵉ"), on a signature line, or without any cue when a given name stands
/// beside a family name. Streets, buildings, kings, brands and places named after people are kept out.
extension NameKind {
    /// Not stored in the table: the word is a name behind a glued Arabic conjunction ("ونادية"), which the
    /// span leaves out.
    static let afterConjunction = NameKind(rawValue: 1 << 6)
}

/// How a name was introduced, which decides what may start it and how sure the finding is.
private enum NameTrigger {
    /// "je m'appelle", "اسمي", "ⵉⵙⵎ ⵉⵏⵓ", "Je soussigné": whatever name-like word follows.
    case introduction(lowercaseOK: Bool)
    /// "M.", "Mme", "السيد", "Dr", "ⵎⵙⵙ".
    case title
    /// "Si", "Lalla", "الحاج": only a given name from the lexicon.
    case honorific
    /// "je suis", "I am", "أنا", "nekk d": a name from the lexicon ("je suis Marocain" is not a name).
    case weakIntroduction
    /// "ma mère", "wldi", "ابني", "my husband".
    case kinship
    /// "Merci, Youssef" on one line.
    case signOff
}

/// A run of tokens that reads as one name.
private struct NameRun {
    var first: Int
    var last: Int
    var parts = 1
    var givens = 0
    var families = 0
    var particles = 0
    var unknowns = 0
    var regnalAfter = false
}

extension ScanState {
    /// Tokens carrying one of these cues are context words, never part of a name.
    private static let contextCues: Cue = Cue.anyIdentifier.union([
        .address, .birth, .negative, .personIntro, .personTitle, .kinship, .weakIntro, .signOff, .namedPlace, .namedPlaceAfter,
        .product, .honorific,
    ])

    private static let cuesOutsideNames: Cue = Self.contextCues.subtracting([.birth, .honorific, .negative])

    /// Cues after which a lower-case word may be a name spelled in a way the lists do not carry ("ana sokaina").
    private static let nameCues: Cue = [.personIntro, .personTitle, .kinship, .weakIntro, .honorific, .signOff]

    /// Keys of introductions that also introduce other things than names ("je suis", "ana", "nekk d").
    private static let weakIntroductionKeys: WordSet = ["suis", "ana", "d", "ⴷ"]

    private static let aliKey: WordKey = "علي"

    /// "Ibn Battouta", "ابن سينا": a name opening with "ibn" names a street, a school or a scholar, not a person here.
    // A set made once: comparing with four key literals hashed them on every call (26 of 617 samples of the names
    // recognizer in `perf record` of privacy-bench).
    private static let ibnWords: WordSet = ["ibn", "ابن", "ibnou", "bnou"]

    private static let ouldKey: WordKey = "ولد"

    /// "Its name is": Darija introductions that also name places and shops.
    private static let itsNameIntroductions: WordSet = ["سميتو", "سميتها", "smitou", "smitha", "smito", "smitah"]

    /// Introductions after which a lower-case word is still a name ("ana smiti youssef").
    private static let lowercaseIntroductions: WordSet = [
        "smiti", "smiyti", "smiya", "smitou", "smitha", "isem", "ism", "nekk", "nkk", "inu", "nnu", "d",
    ]

    /// "from" after a self-introduction: "أنا عزيزة من آسفي", "ana Karim men Casa", "I am Amal from Fes".
    /// Amazigh "from": ⵙⴳ / ⵣⴳ, sg / zg, with or without a written schwa ("Nekki d Tilelli zg Tafraout").
    private static let placeOfOrigin: WordSet = ["من", "men", "mn", "min", "from", "de", "ⵙⴳ", "ⵣⴳ", "ⵙⴻⴳ", "ⵣⴻⴳ", "sg", "zg", "seg", "zeg"]

    /// Darija and Arabic verbs of speaking, calling or giving to someone: the "ل" after them ("قول ل جواد", "عيط لخديجة")
    /// introduces the person spoken to.
    private static let addressVerbs: WordSet = [
        "قول", "قولي", "قولو", "قل", "قلت", "قلتي", "كول", "كولي", "كولو", "كلت", "عيط", "عيطي", "عيطو", "نعيط", "تعيط",
        "عيطت", "سول", "سولي", "سولت", "صيفط", "صيفطي", "صيفطت", "عطي", "عطيت", "عطيتها", "عطيتو", "بلغ", "بلغي", "سلم", "سلمي",
        "كتبت", "رسلت", "ارسلت", "شكيت",
    ]

    /// The same verbs in Latin-script Darija, before a detached "l" ("9olt l redouane", "3ayet l Karim").
    private static let latinAddressVerbs: WordSet = [
        "9ol", "9oli", "9olo", "9olt", "9olti", "9ul", "9uli", "9ult", "gol", "goli", "golo", "golt", "golti", "goul", "gouli",
        "goult", "qol", "qoli", "qolt", "3ayet", "3ayt", "3ayti", "3iyet", "3iyt", "3eyet", "sowel", "sowl", "sewel", "sowelt",
        "sift", "sifti", "siftt", "seft", "3ti", "3tit", "3tiha", "3tih", "3titha", "3tito", "sellem", "sallem", "bellegh",
    ]

    /// A detached "l" or "3la" after those verbs: "9olt l redouane", "3ayet 3la Bouchra".
    private static let latinAddressees: WordSet = ["l", "3la", "3lih"]

    /// "ديال" after a name says where the person works ("سعيد ديال الشباك"); "نور ديال الدار" is the light of the house.
    private static let detachedLam: WordKey = "ل"

    private static let relationalWords: WordSet = ["ديال", "ديالت", "تاع"]

    /// Verbs that make "X ديال Y" a person even when X is also a word: "سعيد ديال الشباك قال ليا…".
    private static let reportingVerbs: WordSet = [
        "قال", "قالت", "قاليا", "قالي", "قالو", "كال", "كالت", "كاليا", "عطاني", "عطاتني", "عيط", "عيطات", "جا", "جات",
        "صيفطني", "صيفطاتني", "كيقول", "كتقول", "طلب", "طلبات", "رفض", "رفضات",
    ]

    /// Datives after a formula of thanks: Amazigh "ⵉ", "i", French "à", English "to", Darija "l", Arabic "ل".
    private static let datives: WordSet = ["ⵉ", "i", "a", "to", "l", "ل"]

    /// "With", "at the home of" before a person, and the Darija question word: "كنت مع سفيان", "مشيت عند حمزة", "واش حمزة وصل؟".
    private static let companionWords: WordSet = ["مع", "عند", "معا", "واش"]

    /// Last words of introductions that name someone only on a form, before a colon.
    private static let formIntroductions: WordSet = ["بالامر", "interesse", "interessee"]

    /// Latin-script words for "with", "at the home of", "by" before a person.
    private static let latinCompanions: WordSet = ["avec", "with", "m3a", "m3ah", "chez", "par", "by", "3and", "3end"]

    /// Words of time after "par Amal", "avec Karim": "récupéré par Amal hier soir".
    private static let timeWords: WordSet = [
        "hier", "demain", "aujourd'hui", "ce", "cet", "cette", "yesterday", "today", "tomorrow", "tonight", "lbareh",
        "lbare7", "lyoum", "ghda", "ghedda", "daba",
    ]

    /// Vocative particles before the name of someone addressed: Darija and Amazigh "a", "ya", "يا", "ⴰ".
    private static let vocatives: WordSet = ["a", "ya", "يا", "ⴰ", "ay"]

    /// Greetings before a kinship word ("wa salam khoya"), which a given name that is also a word could be taken for.
    private static let greetings: WordSet = ["salam", "slm", "wa", "ahlan", "marhba", "سلام", "السلام", "و", "اهلا", "مرحبا"]

    /// Words joining two names on a signature line ("Sara w Omar").
    private static let nameConjunctions: WordSet = ["w", "et", "and", "و", "ⴷ", "d", "o"]

    // MARK: Lexicon lookups

    /// The folded key of a token from normalised offset `start` on (to look through a glued prefix).
    private static func key(_ s: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int) -> WordKey {
        var h = WordKey.offsetBasis
        for k in start..<end {
            let f = NormalizedText.fold(s[k])
            if f != 0 { h = WordKey.mix(h, f) }
        }
        return WordKey(value: h)
    }

    /// The key of a Tifinagh word with its emphatics read as plain letters (ⵥ as ⵣ, ⵟ as ⵜ, ⴹ as ⴷ, ⵚ as ⵙ, ⵕ as ⵔ) and a
    /// written schwa ⴻ left out, or nil when it has none: users write emphatics by ear (ⵥⵉⵔⵉ for ⵣⵉⵔⵉ, ⵉⵟⵟⵓ for ⵉⵜⵜⵓ) and
    /// the schwa the IRCAM orthography does not write (ⴰⴽⵙⴻⵍ for ⴰⴽⵙⵍ). The lexicon holds the same variant of each of its
    /// words (`NameLexicon.kinds`).
    private static func tifinaghVariantKey(_ s: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int) -> WordKey? {
        var h = WordKey.offsetBasis
        var changed = false
        for k in start..<end {
            var f = NormalizedText.fold(s[k])
            if let plain = NameLexicon.tifinaghPlain(f) {
                f = plain
                changed = true
            } else if f == NameLexicon.tifinaghSchwa {
                changed = true
                continue
            }
            if f != 0 { h = WordKey.mix(h, f) }
        }
        return changed ? WordKey(value: h) : nil
    }

    /// What the lexicon says each token is, looking through a glued "el"/"al" (Elalaoui), "ال" (الوزاني) or
    /// conjunction "و" (ونادية). One table lookup per word, a second only for words with such a prefix.
    // Mutating although it changes nothing: a non-mutating call copies `self` and retains and releases each of its
    // stored arrays, a dozen atomic operations per scan that cost about 3 % of the throughput on short messages.
    private mutating func fillNameKinds(_ kinds: UnsafeMutableBufferPointer<NameKind>) {
        // Local copies: reading the static tables and `self.tokens` inside the loop retains and releases them per word.
        // Second lookups (a glued prefix) read the name kinds from the same word table as the first one.
        let words = Lexicon.index.words
        func table(_ key: WordKey) -> NameKind? {
            guard let kind = words[key]?.name, !kind.isEmpty else { return nil }
            return kind
        }
        let skeletons = NameLexicon.latinSkeletons
        let consonantSkeletons = NameLexicon.tifinaghSkeletons
        let outside = Self.cuesOutsideNames
        let nameCues = Self.nameCues
        let tokenArray = self.tokens
        self.norm.scalars.withUnsafeBufferPointer { s in
            tokenArray.withUnsafeBufferPointer { tokens in
                for t in 0..<tokens.count {
                    let token = tokens[t]
                    // Words carrying a context cue (CIN, rue, merci, mama…) are never part of a name; "ولد" (born, and
                    // "son of"), honorifics and "V" (a version, and Mohammed V) still are looked up.
                    guard token.isWord, token.script != .none, token.cues.isDisjoint(with: outside) else { continue }
                    if token.script == .latin && token.length <= 2 {
                        // Short Latin words (de, la, et, my…) are never names: only el/al/ou/u and a capitalised Id
                        // ("Fadma Id Hammou", not the "id" of "ID card") are particles, and i/ii/iv/v/vi regnal numbers,
                        // which the table holds.
                        let a = NormalizedText.fold(s[token.start])
                        let b = token.length == 2 ? NormalizedText.fold(s[token.start + 1]) : 0
                        if (b == 0x6C && (a == 0x65 || a == 0x61)) || (a == 0x6F && b == 0x75) || (a == 0x75 && b == 0)
                            || (a == 0x69 && b == 0x64 && token.firstUpper && !token.allUpper)
                        {
                            kinds[t] = .particle
                            continue
                        }
                        // Roman numerals in capitals only: "Mohammed V", but "Inna yas Brahim i Fadma" ("to Fadma").
                        guard (a == 0x69 || a == 0x76) && token.allUpper else { continue }
                    } else if token.script == .latin && !token.firstUpper {
                        // A lower-case Latin word is a name only right after a person cue or inside a name ("wldi
                        // ayoub", "Youssef ben Ali"), or after a verb of speaking and a detached "l" ("9olt l redouane"):
                        // most words of French and English text need no lookup at all.
                        guard t > 0,
                            !tokens[t - 1].cues.isDisjoint(with: nameCues)
                                || !kinds[t - 1].isDisjoint(with: [.given, .family, .particle, .innerHonorific])
                                || (t > 1 && Self.latinAddressees.contains(tokens[t - 1].key) && Self.latinAddressVerbs.contains(tokens[t - 2].key))
                        else { continue }
                    }
                    if !token.name.isEmpty {
                        // "على" (on) folds to "علي" (Ali): spelled with a final ى it is the preposition, unless a particle
                        // makes it a name ("آيت على").
                        if token.script == .arabic, token.length == 3, s[token.end - 1] == 0x0649, token.key == Self.aliKey,
                            t == 0 || !kinds[t - 1].contains(.particle)
                        {
                            continue
                        }
                        kinds[t] = token.name
                        continue
                    }
                    if token.script == .tifinagh, let key = Self.tifinaghVariantKey(s, token.start, token.end), let kind = table(key) {
                        kinds[t] = kind
                        continue
                    }
                    // "قولي لسعاد", "عيط لخديجة": a given name glued to "ل" after a verb of speaking to someone; the span
                    // leaves the "ل" out, like a glued "و".
                    // "شكرا بزاف لفدوى": thanks to someone, glued to the "ل" of the dative.
                    if token.script == .arabic, t > 0, token.length >= 4, s[token.start] == 0x0644, s[token.start + 1] != 0x0627,
                        Self.addressVerbs.contains(tokens[t - 1].key) || (t > 1 && Self.addressVerbs.contains(tokens[t - 2].key))
                            || tokens[t - 1].cues.contains(.signOff),
                        let kind = table(Self.key(s, token.start + 1, token.end)), kind.contains(.given), !kind.contains(.tail)
                    {
                        kinds[t] = kind.intersection([.given, .family, .common]).union(.afterConjunction)
                        continue
                    }
                    // Second lookups (a glued prefix, a spelling skeleton) only beside a name or after a cue, where a
                    // name is expected: "Youssef Elalaoui", "عمر الفاسي", "كريم بنسعيد ونادية", "ana sokaina".
                    guard token.length >= 4 else { continue }
                    // A Tifinagh "ⵓ" word may be a patronymic after a given name the lists lack ("ⴰⵖⴰⵍⵉ ⵓⵙⵄⵉⴷ"), and a
                    // Tifinagh word before a verb or a negation its subject, also opening the text ("ⵔⴰⴹⵡⴰⵏ ⵓⵔ ⴷ ⵢⵓⵛⴽⵉ").
                    let tifinaghCandidate =
                        token.script == .tifinagh && (s[token.start] == 0x2D53 || Self.opensTifinaghPredicate(s, tokens, t + 1))
                    guard t > 0 || tifinaghCandidate else { continue }
                    let besideName =
                        tifinaghCandidate
                        || !tokens[t - 1].cues.isDisjoint(with: nameCues)
                        || !kinds[t - 1].isDisjoint(with: [.given, .family, .particle, .innerHonorific])
                        // The cheap tests first: this runs for every Arabic and Tifinagh word of four letters or more.
                        || (t > 1 && !kinds[t - 2].isDisjoint(with: [.given, .family]) && Self.nameConjunctions.contains(tokens[t - 1].key))
                        || (t > 1 && tokens[t - 2].cues.contains(.signOff) && Self.datives.contains(tokens[t - 1].key))
                        || (t + 1 < tokens.count && tokens[t + 1].firstUpper && tokens[t + 1].script == token.script)
                    guard besideName else { continue }
                    let f0 = NormalizedText.fold(s[token.start])
                    let f1 = NormalizedText.fold(s[token.start + 1])
                    switch token.script {
                    case .latin:
                        if token.length >= 6, f0 == 0x65 || f0 == 0x61, f1 == 0x6C,
                            let kind = table(Self.key(s, token.start + 2, token.end)), !kind.isDisjoint(with: .person)
                        {
                            kinds[t] = kind.intersection([.given, .family])
                        } else if (token.firstUpper && !token.allUpper) || (t > 0 && !tokens[t - 1].cues.isDisjoint(with: nameCues)),
                            let key = NameLexicon.skeleton(of: s, token.start, token.end, folding: true),
                            let kind = skeletons[key]
                        {
                            kinds[t] = kind
                        }
                    case .arabic:
                        if token.length >= 5, f0 == 0x0627, f1 == 0x0644 {
                            if let kind = table(Self.key(s, token.start + 2, token.end)) {
                                kinds[t] = kind.intersection([.given, .family, .common])
                            }
                        } else if f0 == 0x0648 {
                            var kind = table(Self.key(s, token.start + 1, token.end)) ?? []
                            if kind.isEmpty, token.length >= 6, f1 == 0x0627, NormalizedText.fold(s[token.start + 2]) == 0x0644 {
                                kind = (table(Self.key(s, token.start + 3, token.end)) ?? []).intersection([.family])
                            }
                            if !kind.isDisjoint(with: .person), !kind.contains(.tail) { kinds[t] = kind.union(.afterConjunction) }
                        }
                    case .tifinagh:
                        // A Tifinagh spelling the lists lack, met through the Arabic-script name of the same consonants;
                        // not a verb shape (a ⵜ/ⵉ/ⵢ person prefix before a consonant: ⵜⵍⵓⵍ "she was born" would meet طلال).
                        let vowels: (UInt32, UInt32, UInt32, UInt32) = (0x2D30, 0x2D49, 0x2D53, 0x2D3B)
                        let verbShaped = (f0 == 0x2D5C || f0 == 0x2D49 || f0 == 0x2D62)
                            && f1 != vowels.0 && f1 != vowels.1 && f1 != vowels.2 && f1 != vowels.3
                        // "ⵓⵍⵃⵙⵏ", "ⵓⵄⵍⵉ": Ou and a given name is a patronymic family name, even when the given name is
                        // also a word (ⵍⵃⵙⵏ, الحسن).
                        if f0 == 0x2D53, token.length >= 4 {
                            let rest = table(Self.key(s, token.start + 1, token.end))
                                ?? NameLexicon.consonantSkeleton(of: s, token.start + 1, token.end, folding: true).flatMap { consonantSkeletons[$0] }
                            if let rest, rest.contains(.given), !rest.contains(.tail) {
                                kinds[t] = .family
                                break
                            }
                        }
                        if !verbShaped, let key = NameLexicon.consonantSkeleton(of: s, token.start, token.end, folding: true),
                            let kind = consonantSkeletons[key], !kind.isDisjoint(with: .person)
                        {
                            kinds[t] = kind.intersection([.given, .family, .common])
                        }
                    default:
                        break
                    }
                }
            }
        }
    }

    // MARK: Word shapes

    /// Whether token `t` is a name behind a glued "و" (not a glued "ل": "قولي لسعاد" is no coordination).
    private func isAfterGluedConjunction(_ t: Int, _ kinds: UnsafeBufferPointer<NameKind>) -> Bool {
        kinds[t].contains(.afterConjunction) && NormalizedText.fold(self.norm.scalars[self.tokens[t].start]) == 0x0648
    }

    private func isContextWord(_ t: Int) -> Bool {
        let token = self.tokens[t]
        return !token.cues.isDisjoint(with: Self.contextCues) || token.isStopWord
    }

    /// A word the lexicon does not know but that reads as a family name after a given name or a particle:
    /// a capitalised Latin word, an Arabic nisba (الشرايبي) or Ben-/Bou-/Bel-/Ou- name (بنعلي, بوزيان, بلعيد, أوبها),
    /// a Tifinagh Ou-/Bou- name (ⵓⵄⵍⵉ, ⴱⵓⵄⵍⵍⴰⵎ).
    private func isFamilyShaped(_ t: Int) -> Bool {
        let token = self.tokens[t]
        guard token.isWord, !self.isContextWord(t) else { return false }
        switch token.script {
        case .latin:
            return (token.firstUpper || token.allUpper) && token.length >= 2 && !Lexicon.cities.contains(token.key)
        case .arabic:
            guard token.length >= 4 else { return false }
            let f0 = NormalizedText.fold(self.norm.scalars[token.start])
            let f1 = NormalizedText.fold(self.norm.scalars[token.start + 1])
            let fl = NormalizedText.fold(self.norm.scalars[token.end - 1])
            if f0 == 0x0627 && f1 == 0x0644 { return token.length >= 5 && fl == 0x064A }
            if f0 == 0x0628 && (f1 == 0x0646 || f1 == 0x0648 || f1 == 0x0644) { return token.length >= 5 }
            return f0 == 0x0627 && f1 == 0x0648
        case .tifinagh:
            guard token.length >= 4 else { return false }
            let f0 = self.norm.scalars[token.start]
            return f0 == 0x2D53 || (f0 == 0x2D31 && self.norm.scalars[token.start + 1] == 0x2D53)
        default:
            return false
        }
    }

    /// A Tifinagh "ⵓ" + given name the lists lack as a family name (ⵓⵍⵃⵙⵏ), read as one by `fillNameKinds`.
    private func isDerivedPatronymic(_ t: Int) -> Bool {
        let token = self.tokens[t]
        return token.script == .tifinagh && self.norm.scalars[token.start] == 0x2D53 && !token.name.contains(.family)
    }

    /// Whether the Tifinagh word after token `t` (a given name) is an a-initial Amazigh family name the lists lack
    /// (ⴰⵎⵣⵉⵍ, ⴰⵙⵓⴼⵉ, ⴰⵅⵏⵏⵓⵛ): it closes the clause, or a verb follows it ("ⵎⴱⴰⵔⴽ ⴰⵎⵣⵉⵍ ⵉⵙⵙⴽⵛⵎ…"). Nouns that
    /// often follow a subject (ⴰⵙⵙⴰ "today", ⴰⵙⴽⴽⴰ "tomorrow") are not.
    private func isAmazighFamilyName(after t: Int, _ kinds: UnsafeBufferPointer<NameKind>) -> Bool {
        let next = t + 1
        guard next < self.tokens.count else { return false }
        let token = self.tokens[next]
        guard token.script == .tifinagh, token.isWord, token.length >= 4, self.norm.scalars[token.start] == 0x2D30,
            self.isNameGap(self.tokens[t].end, token.start), kinds[next].isDisjoint(with: [.particle, .regnal, .tail, .common]),
            !self.isContextWord(next), !Self.amazighTimeWords.contains(token.key)
        else { return false }
        // "ⴰⵍⵖⵓ ⵙⴳ ⵙⵄⵉⴷ ⴰⵎⵣⴰⵍ: …": a colon closes the name too.
        if self.endsClause(after: next) || (next + 1 < self.tokens.count && self.scalar(token.end) == 0x3A) { return true }
        guard next + 1 < self.tokens.count, self.isNameGap(token.end, self.tokens[next + 1].start) else { return false }
        let verb = self.tokens[next + 1]
        guard verb.script == .tifinagh, verb.length >= 3 else { return false }
        let f0 = self.norm.scalars[verb.start]
        let f1 = self.norm.scalars[verb.start + 1]
        return (f0 == 0x2D49 || f0 == 0x2D62 || f0 == 0x2D5C) && f1 != 0x2D30 && f1 != 0x2D49 && f1 != 0x2D53 && f1 != 0x2D3B
    }

    /// A Tifinagh verb shape: a ⵜ/ⵉ/ⵢ person prefix before a consonant (ⵉⵅⴷⴷⵎ, ⵜⵖⵔⴰ, ⵢⵓⵛⴽⴰ is not one).
    private func isTifinaghVerbShaped(_ t: Int) -> Bool {
        let token = self.tokens[t]
        guard token.script == .tifinagh, token.length >= 2 else { return false }
        let f0 = self.norm.scalars[token.start]
        let f1 = self.norm.scalars[token.start + 1]
        return (f0 == 0x2D49 || f0 == 0x2D62 || f0 == 0x2D5C) && f1 != 0x2D30 && f1 != 0x2D49 && f1 != 0x2D53 && f1 != 0x2D3B
    }

    /// Whether token `t` opens a Tifinagh predicate (a verb shape or a negation), so that the word before it may be a
    /// subject spelled in a way the lists lack ("ⵉⴷⴷⴰ ⵃⴰⵎⵉⴷ ⵓⵔ ⵉⵍⴽⵉⵎ"): for `fillNameKinds`, before the kinds exist.
    private static func opensTifinaghPredicate(_ s: UnsafeBufferPointer<UInt32>, _ tokens: UnsafeBufferPointer<Token>, _ t: Int) -> Bool {
        guard t < tokens.count, tokens[t].script == .tifinagh, tokens[t].start - tokens[t - 1].end == 1 else { return false }
        let token = tokens[t]
        if token.length == 2 && s[token.start] == 0x2D53 && s[token.start + 1] == 0x2D54 { return true }  // ⵓⵔ
        guard token.length >= 3 else { return false }
        let f0 = s[token.start]
        let f1 = s[token.start + 1]
        return (f0 == 0x2D49 || f0 == 0x2D62 || f0 == 0x2D5C) && f1 != 0x2D30 && f1 != 0x2D49 && f1 != 0x2D53 && f1 != 0x2D3B
    }

    /// Tifinagh negation and aspect particles that open a predicate: ⵓⵔ "not", ⵔⴰⴷ / ⴰⴷ "will", ⴷⴰ / ⴰⵔ "is …ing".
    private static let amazighPredicateParticles: WordSet = ["ⵓⵔ", "ⵔⴰⴷ", "ⴰⴷ", "ⴷⴰ", "ⴰⵔ", "ur", "rad", "da", "ar"]

    /// Whether the name at token `t` is the subject of what follows: a verb or a negation comes next ("ⴰⵔⴳⴰⵣ ⵉⵏⵓ ⵄⴰⵙⵙⵓ
    /// ⵉⵅⴷⴷⵎ…", "ⵢⵎⵎⴰ ⵉⵟⵟⵓ ⵓⵔ ⵜⵙⵙⵉⵏ…"). Not the clause end: "ⵉⵎⵎⵉ ⴷ ⴱⴰⴱⴰ ⵎⵓⴹⵏ," ("are sick") ends one too.
    private func isFollowedByPredicate(_ t: Int) -> Bool {
        // "ⵜⴰⵡⵊⴰ ⵉⵏⵓ: ⴱⴰⴱⴰ ⵄⴰⴷⴷⵉ, ⵢⵎⵎⴰ ⵢⴰⵎⵏⴰ…": a list of relatives, the next one after a comma.
        if t + 1 < self.tokens.count, self.tokens[t + 1].cues.contains(.kinship), self.scalar(self.tokens[t].end) == 0x2C { return true }
        guard t + 1 < self.tokens.count, self.isNameGap(self.tokens[t].end, self.tokens[t + 1].start),
            self.tokens[t + 1].script == self.tokens[t].script
        else { return false }
        return self.isTifinaghVerbShaped(t + 1) || Self.amazighPredicateParticles.contains(self.tokens[t + 1].key)
    }

    private static let amazighTimeWords: WordSet = ["ⴰⵙⵙⴰ", "ⴰⵙⴽⴽⴰ", "ⴰⵙⴳⴳⵯⴰⵙ", "ⴰⵙⴳⴳⴰⵙ", "ⴰⵢⵢⵓⵔ", "ⴰⵎⵣⵡⴰⵔⵓ", "ⴰⵎⴳⴳⴰⵔⵓ"]

    /// Whether token `t` is the last word of the text or of its line, after a comma and with at most a full stop or an
    /// exclamation mark after it: "Merci pour votre aide, Karim."
    private func isAddressedAtTheEnd(_ t: Int) -> Bool {
        guard t > 0, (self.tokens[t - 1].end..<self.tokens[t].start).contains(where: { self.norm.scalars[$0] == 0x2C }) else { return false }
        let limit = t + 1 < self.tokens.count ? self.tokens[t + 1].start : self.norm.scalars.count
        let after = self.tokens[t].end..<limit
        guard t + 1 == self.tokens.count || after.contains(where: { self.norm.scalars[$0] == 0x0A }) else { return false }
        return after.allSatisfy {
            switch self.norm.scalars[$0] {
            case 0x20, 0x2E, 0x21, 0x0A, 0x0D: return true
            default: return false
            }
        }
    }

    /// "The clerk, Amal Chentouf, said…": a Latin given name that is also a word and one capitalised word the lists
    /// lack, set off by commas on both sides, is a person named in apposition (a brand reads "chez Amal Tours,").
    private func isAppositionOfGivenAndFamily(_ run: NameRun, _ kinds: UnsafeBufferPointer<NameKind>) -> Bool {
        guard run.parts == 2, run.unknowns == 1, run.first > 0, run.last + 1 < self.tokens.count,
            self.tokens[run.first].script == .latin, kinds[run.first].contains(.given), kinds[run.last].isEmpty,
            self.tokens[run.last].firstUpper, !self.tokens[run.last].allUpper
        else { return false }
        let before = self.tokens[run.first - 1].end..<self.tokens[run.first].start
        let after = self.tokens[run.last].end..<self.tokens[run.last + 1].start
        let comma: (Int) -> Bool = { self.norm.scalars[$0] == 0x2C }
        return before.contains(where: comma) && after.contains(where: comma)
            && self.tokens[run.first - 1].cues.isDisjoint(with: [.namedPlace, .product, .address])
    }

    /// An Arabic Ben-/Bou-/Bel- family name shape of five letters or more (بنعيسى, بوزيان, بلعيد).
    private func isBenShaped(_ t: Int) -> Bool {
        let token = self.tokens[t]
        guard token.script == .arabic, token.isWord, token.length >= 5, !self.isContextWord(t) else { return false }
        let f0 = NormalizedText.fold(self.norm.scalars[token.start])
        let f1 = NormalizedText.fold(self.norm.scalars[token.start + 1])
        return f0 == 0x0628 && (f1 == 0x0646 || f1 == 0x0648 || f1 == 0x0644)
    }

    /// Whether the word after a particle ("Ait …", "بن …", "ⴰⵢⵜ …") can close the name.
    private func canFollowParticle(_ t: Int, _ kinds: UnsafeBufferPointer<NameKind>) -> Bool {
        let token = self.tokens[t]
        guard token.isWord, !kinds[t].contains(.particle), !kinds[t].contains(.regnal),
            token.cues.isDisjoint(with: Self.contextCues.subtracting(.honorific))
        else { return false }
        // "آيت علي", "Ait Lhaj": after a particle, a lexicon name or an honorific word is the name even when it is
        // also a function word (علي / على) elsewhere.
        if !kinds[t].isDisjoint(with: .person) || token.cues.contains(.honorific) { return true }
        if self.isContextWord(t) { return false }
        // "هاجر ولد الجيران" is the neighbours' son: after "ولد" an unlisted word with the article is a name only as a
        // nisba (ولد العلمي).
        if token.script == .arabic, t > 0, self.tokens[t - 1].key == Self.ouldKey, token.length >= 3,
            NormalizedText.fold(self.norm.scalars[token.start]) == 0x0627, NormalizedText.fold(self.norm.scalars[token.start + 1]) == 0x0644,
            NormalizedText.fold(self.norm.scalars[token.end - 1]) != 0x064A
        {
            return false
        }
        switch token.script {
        case .latin: return token.firstUpper || token.allUpper
        case .arabic, .tifinagh: return token.length >= 2
        default: return false
        }
    }

    /// One space or a hyphen between two parts of a name.
    private func isNameGap(_ from: Int, _ to: Int) -> Bool {
        to - from == 1 && (self.norm.scalars[from] == 0x20 || self.norm.scalars[from] == 0x2D)
    }

    // MARK: Runs

    /// The longest name starting at token `first`: given names, family names, particles with what follows them,
    /// and up to `maxUnknown` family-shaped words the lexicon does not know.
    private func nameRun(from first: Int, _ kinds: UnsafeBufferPointer<NameKind>, maxUnknown: Int) -> NameRun? {
        let count = self.tokens.count
        let script = self.tokens[first].script
        var run = NameRun(first: first, last: first)
        var t = first
        // The first word: a particle needs a name after it ("Ait Ali", "عبد الله"); an inner honorific too.
        if kinds[first].contains(.particle) || kinds[first].contains(.innerHonorific) {
            var n = first + 1
            while n < count, n - first < 3, kinds[n].contains(.particle), self.isNameGap(self.tokens[n - 1].end, self.tokens[n].start) { n += 1 }
            guard n < count, self.isNameGap(self.tokens[n - 1].end, self.tokens[n].start), self.tokens[n].script == script,
                self.canFollowParticle(n, kinds)
            else { return nil }
            run.particles = n - first
            run.parts = n - first + 1
            if kinds[n].contains(.given) { run.givens += 1 }
            if kinds[n].contains(.family) { run.families += 1 }
            if kinds[n].isDisjoint(with: .person) { run.unknowns += 1 }
            run.last = n
            t = n
        } else {
            if kinds[first].contains(.given) { run.givens = 1 }
            if kinds[first].contains(.family) { run.families = 1 }
            if kinds[first].isDisjoint(with: .person) { run.unknowns = 1 }
        }
        t += 1
        while t < count && run.parts < 6 {
            guard self.isNameGap(self.tokens[t - 1].end, self.tokens[t].start) else { break }
            let token = self.tokens[t]
            let kind = kinds[t]
            guard token.script == script, token.isWord, !kind.contains(.afterConjunction) else { break }
            if kind.contains(.regnal) && kind.isDisjoint(with: .person) {
                run.regnalAfter = true
                break
            }
            if kind.contains(.particle) {
                var n = t + 1
                while n < count, n - t < 3, kinds[n].contains(.particle), self.isNameGap(self.tokens[n - 1].end, self.tokens[n].start) { n += 1 }
                guard n < count, self.isNameGap(self.tokens[n - 1].end, self.tokens[n].start), self.tokens[n].script == script,
                    self.canFollowParticle(n, kinds)
                else { break }
                run.particles += n - t
                run.parts += n - t + 1
                if kinds[n].contains(.family) { run.families += 1 }
                if kinds[n].contains(.given) { run.givens += 1 }
                run.last = n
                t = n + 1
                continue
            }
            if self.isContextWord(t) { break }
            if !kind.isDisjoint(with: .person) {
                if kind.contains(.family) { run.families += 1 } else if kind.contains(.given) { run.givens += 1 }
            } else if run.unknowns < maxUnknown, self.isFamilyShaped(t) {
                run.unknowns += 1
            } else {
                break
            }
            run.parts += 1
            run.last = t
            t += 1
        }
        // A regnal number right after the name: Mohammed V, محمد الخامس, hassan 2.
        if !run.regnalAfter, run.last + 1 < count, self.isNameGap(self.tokens[run.last].end, self.tokens[run.last + 1].start) {
            let next = run.last + 1
            if kinds[next].contains(.regnal) && kinds[next].isDisjoint(with: .person) {
                run.regnalAfter = true
            } else if self.tokens[next].isDigits, self.tokens[next].length == 1, NameContext.royalNames.contains(self.tokens[run.last].key) {
                run.regnalAfter = true
            }
        }
        return run
    }

    /// Streets, buildings, kings, brands and places named after a person: "Boulevard Mohammed V", "Lycée Ibn Sina",
    /// "Mohammed V Airport", "confiture Aïcha", "Sidi Ali", "Ait Melloul", "مطار محمد الخامس".
    /// `honorificAt`: the honorific or title before the name ("Lalla" of "Lalla Takerkoust"), which opens the phrase.
    private func isNamedThing(_ run: NameRun, _ kinds: UnsafeBufferPointer<NameKind>, honorificAt: Int?) -> Bool {
        if run.regnalAfter { return true }
        var opener = honorificAt ?? run.first
        // "Lalla Takerkoust", "للا ميمونة" on any path: a place-opening word just before the run opens the phrase too.
        if honorificAt == nil, opener > 0, NameContext.placeFirstWords.contains(self.tokens[opener - 1].key),
            self.isNameGap(self.tokens[opener - 1].end, self.tokens[opener].start)
        {
            opener -= 1
        }
        // "مشينا لمولاي إبراهيم", "ⵙ ⵙⵉⴷⵉ ⵃⵎⴰⴷ ⵓ ⵎⵓⵙⴰ": a given name right after "Sidi" or "Moulay" outside the run names a
        // saint, his shrine or the town around it, unless a family name makes it a person.
        if opener < run.first, NameContext.saintWords.contains(self.tokens[opener].key),
            !(run.first...run.last).contains(where: { kinds[$0].contains(.family) && !self.isDerivedPatronymic($0) })
        {
            return true
        }
        // Three words back from an honorific: "le centre d'oncologie Lalla Salma", "السوق ديال للا ميمونة".
        let before = self.cues(before: opener, window: opener == run.first ? 2 : 3)
        if !before.isDisjoint(with: [.namedPlace, .product]) { return true }
        if run.last + 1 < self.tokens.count, !self.tokens[run.last + 1].cues.isDisjoint(with: [.namedPlaceAfter]) { return true }
        let firstKey = self.tokens[run.first].key
        if Self.ibnWords.contains(firstKey) { return true }
        // "Ben Slimane", "بن جرير": a town when "Ben" opens the phrase ("Karim Ben Slimane" is a person).
        if opener == run.first, NameContext.benWords.contains(firstKey), run.first + 1 <= run.last,
            NameContext.benPlaceWords.contains(self.tokens[run.first + 1].key)
        {
            return true
        }
        // "Sidi Ali", "Moulay Idriss", "Ait Melloul", "Lalla Takerkoust", "Ait Ben Haddou": the opener may be the
        // honorific cue itself.
        let second = opener + 1
        if NameContext.placeFirstWords.contains(self.tokens[opener].key), second <= run.last {
            if NameContext.placeSecondWords.contains(self.tokens[second].key) { return true }
            if NameContext.benWords.contains(self.tokens[second].key), second + 1 <= run.last,
                NameContext.benPlaceWords.contains(self.tokens[second + 1].key)
            {
                return true
            }
        }
        return false
    }

    // MARK: Recognition

    mutating func recognizePersons() {
        let count = self.tokens.count
        guard count > 0 else { return }
        // Per-token scratch on the stack: a heap array here costs a malloc and a generic-metadata lookup per scan.
        withUnsafeTemporaryAllocation(of: NameKind.self, capacity: count) { kindsBuffer in
            withUnsafeTemporaryAllocation(of: Bool.self, capacity: count) { takenBuffer in
                kindsBuffer.initialize(repeating: [])
                takenBuffer.initialize(repeating: false)
                self.fillNameKinds(kindsBuffer)
                self.recognizePersons(UnsafeBufferPointer(kindsBuffer), takenBuffer)
            }
        }
    }

    private mutating func recognizePersons(_ kinds: UnsafeBufferPointer<NameKind>, _ taken: UnsafeMutableBufferPointer<Bool>) {
        for span in self.cueSpans {
            let trigger: NameTrigger
            switch span.cue {
            case .personIntro:
                let key = self.tokens[span.last].key
                trigger = Self.weakIntroductionKeys.contains(key) ? .weakIntroduction : .introduction(lowercaseOK: Self.lowercaseIntroductions.contains(key))
            case .personTitle: trigger = .title
            case .honorific: trigger = .honorific
            case .weakIntro: trigger = .weakIntroduction
            case .kinship: trigger = .kinship
            case .signOff: trigger = .signOff
            default: continue
            }
            self.recognizeName(after: span, trigger, kinds, taken)
        }
        if self.norm.hasLineBreak { self.recognizeSignatureLines(kinds, taken) }
        self.recognizeNamesWithoutCue(kinds, taken)
    }

    private mutating func recognizeName(after span: CueSpan, _ trigger: NameTrigger, _ kinds: UnsafeBufferPointer<NameKind>, _ taken: UnsafeMutableBufferPointer<Bool>) {
        let count = self.tokens.count
        let cueToken = self.tokens[span.last]
        if case .title = trigger, cueToken.script == .latin {
            // "M." needs its dot and a capital; other Latin titles need a capital M/Mme/Dr.
            if cueToken.key == "m" && !(self.scalar(cueToken.end) == 0x2E && cueToken.firstUpper) { return }
            if !self.tokens[span.first].firstUpper && cueToken.key != "monsieur" && cueToken.key != "madame" { return }
        }
        var first = span.last + 1
        guard first < count else { return }
        guard self.gapIs(cueToken.end, self.tokens[first].start, maxCount: 3, allowed: { $0 == 0x20 || $0 == 0x3A || $0 == 0x2E || $0 == 0x2C }),
            self.tokens[first].start > cueToken.end
        else { return }
        // "jadda dyali Yamna", "ⴱⴰⴱⴰ ⵉⵏⵓ …", "جدي الحاج أحمد": a possessive or an honorific between cue and name.
        var honorificAt: Int? = nil
        if case .kinship = trigger {
            if NameContext.possessives.contains(self.tokens[first].key), first + 1 < count,
                self.gapIs(self.tokens[first].end, self.tokens[first + 1].start, maxCount: 2, allowed: { $0 == 0x20 || $0 == 0x2C })
            {
                first += 1
            }
            if NameContext.kinshipAdjectives.contains(self.tokens[first].key), first + 1 < count,
                self.gapIs(self.tokens[first].end, self.tokens[first + 1].start, maxCount: 2, allowed: { $0 == 0x20 || $0 == 0x2C })
            {
                first += 1
            }
        }
        // "ⵜⴰⵏⵎⵎⵉⵔⵜ ⵉ ⵏⴰⵊⴰⵜ ⵅⴼ ⵜⵡⵉⵙⵉ", "Merci à Ouiam pour…": thanks to someone, whom a dative names.
        var dative = false
        if case .signOff = trigger, Self.datives.contains(self.tokens[first].key), first + 1 < count,
            self.isNameGap(self.tokens[first].end, self.tokens[first + 1].start)
        {
            dative = true
            first += 1
        }
        if self.tokens[first].cues.contains(.honorific), first + 1 < count, self.isNameGap(self.tokens[first].end, self.tokens[first + 1].start) {
            honorificAt = first
            first += 1
        }
        let token = self.tokens[first]
        let kind = kinds[first]
        guard token.isWord, !kind.contains(.tail) else { return }
        // "المعني بالأمر", "l'intéressé" introduce a name only on a form, before a colon ("المعني بالأمر بنفسه" is "in person").
        if case .introduction = trigger, Self.formIntroductions.contains(cueToken.key),
            !(cueToken.end..<self.tokens[first].start).contains(where: { self.norm.scalars[$0] == 0x3A })
        {
            return
        }
        // "كاين رياض سميتو رياض الياسمين", "un hôtel smito Hotel Atlas": the name repeats the thing before "its name".
        if case .introduction = trigger, span.first > 0, self.tokens[span.first - 1].key == token.key { return }
        // "المدرسة ديال الولاد سميتها عبد المومن", "lmadrasa dyal drari smitha Ibn Khaldoun", "الفندق سميتو الياقوت": the
        // name of a place or a shop named just before "its name".
        if case .introduction = trigger, Self.itsNameIntroductions.contains(cueToken.key),
            !self.cues(before: span.first, window: 4).isDisjoint(with: [.namedPlace, .product])
        {
            // Kept from the cue-less pass too, which looks only two words back for the place.
            if let run = self.nameRun(from: first, kinds, maxUnknown: 3) {
                for t in run.first...run.last { taken[t] = true }
            }
            return
        }
        let known = !kind.isDisjoint(with: .person) || kind.contains(.particle)
        // What may start the name.
        switch trigger {
        case .introduction(let lowercaseOK):
            guard !self.isContextWord(first) || kind.contains(.particle) else { return }
            if token.script == .latin && !(token.firstUpper || token.allUpper || lowercaseOK || known) { return }
            if token.script == .arabic && token.length < 2 { return }
        case .title:
            guard !self.isContextWord(first) || kind.contains(.particle) else { return }
            if token.script == .latin && !(token.firstUpper || token.allUpper || known) { return }
            if token.script == .arabic && token.length < 2 { return }
        case .honorific, .weakIntroduction:
            guard known || kind.contains(.innerHonorific) else { return }
        case .kinship, .signOff:
            // After a formula of thanks on the same line, only a name the lists know (or a spelling of one): "Merci
            // beaucoup, Inwi." thanks a brand.
            let isKinship: Bool
            if case .kinship = trigger { isKinship = true } else { isKinship = false }
            // Tifinagh has no capitals: after a Tifinagh kinship word, a word the lists lack is the name when it is no
            // verb itself and a verb, a negation or the clause end follows it ("ⴰⵔⴳⴰⵣ ⵉⵏⵓ ⵄⴰⵙⵙⵓ ⵉⵅⴷⴷⵎ ⴳ ⴼⵔⴰⵏⵙⴰ").
            // Not a noun in the annexed state (ⵓⴼⴰⵢⵍⵓ, ⵓⵙⵓⵜⵔ: "ⵓⵔ ⵉⵍⵍⵉ ⵓⴼⴰⵢⵍⵓ", where ⵉⵍⵍⵉ is "there is", not "my
            // daughter"), and not after a negation.
            let tifinaghSubject = isKinship && token.script == .tifinagh && cueToken.script == .tifinagh && token.length >= 3
                && !self.isContextWord(first) && !self.isTifinaghVerbShaped(first) && !Self.amazighTimeWords.contains(token.key)
                && self.norm.scalars[token.start] != 0x2D53
                && !(span.first > 0 && Self.amazighPredicateParticles.contains(self.tokens[span.first - 1].key))
                && self.isFollowedByPredicate(first)
            guard known || kind.contains(.innerHonorific) || tifinaghSubject
                || (isKinship && token.script == .latin && token.firstUpper && !self.isContextWord(first) && !Lexicon.cities.contains(token.key))
            else { return }
        }
        let maxUnknown: Int
        switch trigger {
        case .introduction, .title: maxUnknown = 3
        default: maxUnknown = 2
        }
        guard var run = self.nameRun(from: first, kinds, maxUnknown: maxUnknown) else { return }
        // Drop a trailing particle ("Je suis Ahmed ben" then a line break).
        while run.last > run.first, kinds[run.last].contains(.particle) { run.last -= 1 }
        // After an introduction, one more unknown word that closes the clause is the family name the lexicon
        // lacks ("ⵉⵙⵎ ⵉⵏⵓ ⵜⵉⵍⵍⵉ ⴰⵙⴼⵍⵓ.", "المعني بالأمر: عبد الواحد المودن.", after given names only). Not after a longer name or a title, where it is usually a verb
        // ("السيد رشيد بنموسى غائب.", "Mass Ahmed Ait Lhaj iusa.").
        switch trigger {
        case .introduction:
            let next = run.last + 1
            if next < count, run.last == run.first || (run.families == 0 && run.unknowns == 0 && run.parts <= 3),
                self.tokens[next].script == token.script,
                self.tokens[next].isWord, self.isNameGap(self.tokens[run.last].end, self.tokens[next].start),
                kinds[next].isDisjoint(with: [.particle, .regnal, .tail]), !self.isContextWord(next),
                self.endsClause(after: next) || self.opensGluedClause(after: next)
            {
                run.last = next
                run.parts += 1
            }
        case .weakIntroduction, .kinship:
            // "ⵏⴽⴽⵉ ⴷ ⵢⵉⴷⵉⵔ ⴰⵎⵣⵉⵍ,", "ⵢⵎⵎⴰ ⵉⵟⵟⵓ ⴰⵙⵓⴼⵉ.": after a Tifinagh given name the cue introduced, an
            // a-initial word the lists lack that closes the clause is an Amazigh family name (Amzil, Asoufi, Akhnnouch).
            if token.script == .tifinagh, run.last == run.first, run.givens == 1, !kind.contains(.common),
                self.isAmazighFamilyName(after: run.last, kinds)
            {
                let next = run.last + 1
                run.last = next
                run.parts += 1
                run.unknowns += 1
            }
        default:
            break
        }
        switch trigger {
        case .introduction:
            break
        case .title, .honorific:
            if self.isNamedThing(run, kinds, honorificAt: honorificAt ?? span.last) { return }
        default:
            if self.isNamedThing(run, kinds, honorificAt: honorificAt) { return }
        }
        // A name that is also a word ("je suis Amal", "أنا آمل أن"): only with a family name or alone before punctuation.
        let onlyCommon = run.parts == 1 && kinds[run.first].contains(.common)
        if case .weakIntroduction = trigger, onlyCommon, !self.endsClause(after: run.last),
            !(run.last + 1 < self.tokens.count && Self.placeOfOrigin.contains(self.tokens[run.last + 1].key))
        {
            return
        }
        if case .signOff = trigger, !dative, !self.endsClause(after: run.last) { return }
        let score: Double
        switch trigger {
        case .introduction, .title:
            switch token.script {
            case .latin: score = token.firstUpper || token.allUpper ? 0.85 : 0.7
            case .arabic: score = 0.8
            default: score = 0.75
            }
        case .honorific, .kinship: score = 0.8
        case .weakIntroduction, .signOff: score = 0.75
        }
        self.addName(run, kinds, score, taken)
        if case .signOff = trigger { return }
        // "Mes enfants Nour et Amal", "ولدي يوسف وأيوب", "ⵉⵎⵎⵉ ⵜⵓⴼⵓⵜ ⴷ ⴱⴰⴱⴰ …": a given name joined to a name the cue
        // introduced is introduced by it too, even when it is also a word.
        self.addCoordinatedName(after: run, kinds, score, taken)
    }

    /// A lexicon given name right after `run`, joined by "et", "and", "w", "و" (also glued) or "ⴷ".
    private mutating func addCoordinatedName(
        after run: NameRun, _ kinds: UnsafeBufferPointer<NameKind>, _ score: Double, _ taken: UnsafeMutableBufferPointer<Bool>, depth: Int = 0
    ) {
        let count = self.tokens.count
        var next = run.last + 1
        guard next < count, self.tokens[next].script == self.tokens[run.first].script else { return }
        if !self.isAfterGluedConjunction(next, kinds) {
            guard !kinds[next].contains(.afterConjunction), Self.nameConjunctions.contains(self.tokens[next].key), next + 1 < count,
                self.gapIs(self.tokens[run.last].end, self.tokens[next].start, maxCount: 1, allowed: { $0 == 0x20 }),
                self.gapIs(self.tokens[next].end, self.tokens[next + 1].start, maxCount: 1, allowed: { $0 == 0x20 })
            else { return }
            next += 1
        } else if !self.gapIs(self.tokens[run.last].end, self.tokens[next].start, maxCount: 1, allowed: { $0 == 0x20 }) {
            return
        }
        guard !taken[next], kinds[next].contains(.given), !kinds[next].contains(.tail), !self.tokens[next].cues.contains(.kinship),
            let second = self.nameRun(from: next, kinds, maxUnknown: 1), !self.isNamedThing(second, kinds, honorificAt: nil)
        else { return }
        self.addName(second, kinds, score, taken)
        // "أولادي هم آدم وإلياس ومريم", "Yahya, Rim et Soufiane": a list goes on name by name.
        if depth < 4 { self.addCoordinatedName(after: second, kinds, score, taken, depth: depth + 1) }
    }

    private func hasLineBreak(_ from: Int, _ to: Int) -> Bool {
        var k = from
        while k < to {
            if self.norm.scalars[k] == 0x0A { return true }
            k += 1
        }
        return false
    }

    /// Whether the text after token `t` ends the clause: end of text, a line break or punctuation.
    private func endsClause(after t: Int) -> Bool {
        let end = self.tokens[t].end
        guard t + 1 < self.tokens.count else { return true }
        for k in end..<self.tokens[t + 1].start {
            switch self.norm.scalars[k] {
            case 0x2C, 0x2E, 0x21, 0x3F, 0x3B, 0x0A, 0x061F, 0x061B, 0x29: return true
            default: continue
            }
        }
        return false
    }

    /// Whether an Arabic word glued to "و" follows token `t` ("اسمي ابتسام زروال وأقطن بمدينة وجدة"): the next clause
    /// starts there, so `t` closes the name.
    private func opensGluedClause(after t: Int) -> Bool {
        guard self.tokens[t].script == .arabic, NormalizedText.fold(self.norm.scalars[self.tokens[t].start]) != 0x0648,
            t + 1 < self.tokens.count, self.isNameGap(self.tokens[t].end, self.tokens[t + 1].start)
        else { return false }
        let next = self.tokens[t + 1]
        return next.script == .arabic && next.length >= 4 && NormalizedText.fold(self.norm.scalars[next.start]) == 0x0648
    }

    /// Whether the text after token `t` ends the sentence: end of text, a line break, ".", "!" or "?".
    private func endsSentence(after t: Int) -> Bool {
        guard t + 1 < self.tokens.count else { return true }
        return (self.tokens[t].end..<self.tokens[t + 1].start).contains {
            switch self.norm.scalars[$0] {
            case 0x2E, 0x21, 0x3F, 0x0A, 0x061F: return true
            default: return false
            }
        }
    }

    private mutating func addName(_ run: NameRun, _ kinds: UnsafeBufferPointer<NameKind>, _ score: Double, _ taken: UnsafeMutableBufferPointer<Bool>) {
        var start = self.tokens[run.first].start
        if kinds[run.first].contains(.afterConjunction) { start += 1 }
        self.add(.PERSON, start, self.tokens[run.last].end, score)
        for t in run.first...run.last { taken[t] = true }
    }

    /// A line made only of names, after a closing formula ("Cordialement,\nHicham Benkirane") or as the last line
    /// of the message when the lexicon knows it ("…\nMeryem El Alaoui").
    private mutating func recognizeSignatureLines(_ kinds: UnsafeBufferPointer<NameKind>, _ taken: UnsafeMutableBufferPointer<Bool>) {
        let count = self.tokens.count
        var lineStarts: [Int] = [0]
        for t in 1..<max(1, count) where self.hasLineBreak(self.tokens[t - 1].end, self.tokens[t].start) {
            lineStarts.append(t)
        }
        guard lineStarts.count > 1 else { return }
        for line in 1..<lineStarts.count {
            let first = lineStarts[line]
            let end = line + 1 < lineStarts.count ? lineStarts[line + 1] : count
            guard end - first <= 6 else { continue }
            let afterSignOff = (lineStarts[line - 1]..<first).contains { self.tokens[$0].cues.contains(.signOff) }
            let isLast = end == count
            guard afterSignOff || isLast else { continue }
            var runs: [NameRun] = []
            var t = first
            var lexiconGiven = false
            var ok = true
            while t < end {
                let token = self.tokens[t]
                let kind = kinds[t]
                // Under a closing formula an Arabic given name the lists lack starts the line when a family-shaped word
                // follows it ("مع فائق الاحترام\nنبيلة العثماني"); not a word with the article ("المكتب الوطني").
                let starts = !kind.isDisjoint(with: .person) || kind.contains(.particle) || kind.contains(.innerHonorific)
                    || (token.script == .latin && token.firstUpper && !self.isContextWord(t) && !Lexicon.cities.contains(token.key))
                    || (afterSignOff && token.script == .arabic && token.length >= 3 && !self.isContextWord(t) && t + 1 < end
                        && !(self.norm.scalars[token.start] == 0x0627 && self.norm.scalars[token.start + 1] == 0x0644)
                        && self.isNameGap(token.end, self.tokens[t + 1].start) && self.isFamilyShaped(t + 1))
                    // Tifinagh has no capitals: under a closing formula a short line of Tifinagh words is the signature
                    // ("ⵙ ⵜⵏⵎⵎⵉⵔⵜ,\nⵏⴰⴷⵉⵢⴰ ⴰⵢⵜ ⵍⵃⴰⵊ").
                    || (afterSignOff && t == first && token.script == .tifinagh && token.length >= 3 && end - first <= 4
                        && !self.isContextWord(t) && !self.isTifinaghVerbShaped(t)
                        && (first..<end).allSatisfy { self.tokens[$0].script == .tifinagh })
                guard starts, !kind.contains(.tail), var run = self.nameRun(from: t, kinds, maxUnknown: 2), run.last < end else {
                    ok = false
                    break
                }
                // Under a closing formula the line holds only the name: a word the lexicon lacks is its family name
                // ("وتقبلوا فائق الاحترام\nخالد المودن").
                while afterSignOff, run.parts < 4, run.last + 1 < end, self.tokens[run.last + 1].script == token.script,
                    self.tokens[run.last + 1].isWord, !Self.nameConjunctions.contains(self.tokens[run.last + 1].key),
                    !self.isContextWord(run.last + 1), kinds[run.last + 1].isDisjoint(with: [.regnal, .tail]),
                    self.isNameGap(self.tokens[run.last].end, self.tokens[run.last + 1].start)
                {
                    run.last += 1
                    run.parts += 1
                }
                if (run.first...run.last).contains(where: { kinds[$0].contains(.given) && !kinds[$0].contains(.common) }) { lexiconGiven = true }
                runs.append(run)
                t = run.last + 1
                if t < end {
                    guard Self.nameConjunctions.contains(self.tokens[t].key), t + 1 < end else {
                        ok = false
                        break
                    }
                    t += 1
                }
            }
            guard ok, !runs.isEmpty, afterSignOff || lexiconGiven else { continue }
            for run in runs where !(run.first...run.last).contains(where: { taken[$0] }) {
                if self.isNamedThing(run, kinds, honorificAt: nil) { continue }
                self.addName(run, kinds, afterSignOff ? 0.8 : 0.7, taken)
            }
        }
    }

    /// The shape test of `unknownWordRun` alone, inlined in the loop over every token: most words are neither
    /// capitalised Latin nor Tifinagh, and calling out for each of them was a quarter of the names recognizer's samples
    /// (148 of 617 in `perf record` of privacy-bench, most of them the call's entry and its empty answer).
    @inline(__always)
    private func mayOpenUnknownWordRun(_ t: Int) -> Bool {
        let token = self.tokens[t]
        guard token.isWord, token.length >= 3 else { return false }
        return token.script == .tifinagh || (token.script == .latin && token.firstUpper && !token.allUpper)
    }

    /// A word the lists lack that the name model may take for a name: a capitalised Latin word (with up to two
    /// capitalised words the lists lack after it, a family name) or a Tifinagh word of three letters or more.
    private func unknownWordRun(_ t: Int, _ kinds: UnsafeBufferPointer<NameKind>) -> NameRun? {
        let token = self.tokens[t]
        guard token.isWord, token.length >= 3, !self.isContextWord(t) else { return nil }
        switch token.script {
        case .tifinagh:
            return NameRun(first: t, last: t, parts: 1, givens: 0, families: 0, particles: 0, unknowns: 1)
        case .latin:
            guard token.firstUpper, !token.allUpper, !Lexicon.cities.contains(token.key) else { return nil }
            var run = NameRun(first: t, last: t, parts: 1, givens: 0, families: 0, particles: 0, unknowns: 1)
            while run.parts < 3, run.last + 1 < self.tokens.count, kinds[run.last + 1].isEmpty,
                self.isNameGap(self.tokens[run.last].end, self.tokens[run.last + 1].start), self.isFamilyShaped(run.last + 1),
                !self.tokens[run.last + 1].allUpper
            {
                run.last += 1
                run.parts += 1
                run.unknowns += 1
            }
            return run
        default:
            return nil
        }
    }

    /// A given name beside a family name (or a particle and a name), in either order, with no cue at all:
    /// "Youssef Berrada", "BENNANI Karim", "عمر الفاسي", "ⵏⵓⵎⵉⴷⵢⴰ ⴰⵢⵜ ⵃⵎⴰⴷ". A capitalised Latin given name that is
    /// not also a common word stands alone too ("Nadia et moi…").
    private mutating func recognizeNamesWithoutCue(_ kinds: UnsafeBufferPointer<NameKind>, _ taken: UnsafeMutableBufferPointer<Bool>) {
        let count = self.tokens.count
        var t = 0
        while t < count {
            let kind = kinds[t]
            // "ⴰⵙⵍⵎⴰⴷ ⴰⵖⴰⵍⵉ ⵓⵙⵄⵉⴷ ⵓⵔ ⴷ ⵉⵍⴽⵉⵎ": a Tifinagh word the lists lack before a patronymic "ⵓ" + given name is
            // the given name of that person (the patronymic is read in `fillNameKinds`).
            if kind.isEmpty, !taken[t], t + 1 < count, self.tokens[t].script == .tifinagh, self.tokens[t].isWord,
                self.tokens[t].length >= 3, kinds[t + 1] == .family, self.isDerivedPatronymic(t + 1), !taken[t + 1],
                self.isNameGap(self.tokens[t].end, self.tokens[t + 1].start), !self.isContextWord(t), !self.isTifinaghVerbShaped(t),
                // Not a noun in the annexed state (ⵓ…), not a verb with a vowel stem (ⵢⴰⵡⵉ) or after an aspect
                // particle ("ⴰⴷ ⵢⴰⵡⵉ ⵓⵏⵥⴰⵕ": "the rain will bring").
                self.norm.scalars[self.tokens[t].start] != 0x2D53, self.norm.scalars[self.tokens[t].start] != 0x2D62,
                t == 0 || !Self.amazighPredicateParticles.contains(self.tokens[t - 1].key)
            {
                let run = NameRun(first: t, last: t + 1, parts: 2, givens: 0, families: 1, particles: 0, unknowns: 1)
                if !self.isNamedThing(run, kinds, honorificAt: nil) { self.addName(run, kinds, 0.6, taken) }
                t += 2
                continue
            }
            guard !taken[t], !kind.isDisjoint(with: [.given, .family, .particle, .innerHonorific]), !kind.contains(.tail),
                !self.isContextWord(t)
            else {
                // A word the lists lack, capitalised in Latin script or in Tifinagh (which has no capitals): the name
                // model decides from its neighbours ("ⵥⵕⵉⵖ ⵏⴰⴷⵉⵔ ⵖ ⵓⵙⵓⵇ", "Ssawlɣ d Mennad").
                if kind.isEmpty, !taken[t], self.mayOpenUnknownWordRun(t), let run = self.unknownWordRun(t, kinds),
                    !self.isNamedThing(run, kinds, honorificAt: nil),
                    self.nameModelSays(t, first: run.first, last: run.last, kinds, candidateClass: self.tokens[t].script == .tifinagh ? 2 : 1)
                {
                    self.addName(run, kinds, 0.55, taken)
                    t = run.last + 1
                    continue
                }
                t += 1
                continue
            }
            let token = self.tokens[t]
            // Inside a longer name this scan did not start ("Allal Ben Abdellah"): not a start.
            if t > 0, self.isNameGap(self.tokens[t - 1].end, token.start), kinds[t - 1].contains(.particle) {
                t += 1
                continue
            }
            // "9olt l redouane", "3ayet l Karim": after a verb of speaking and a detached "l", a given name even in lower
            // case or also a word.
            if token.script == .latin, kind.contains(.given), !kind.contains(.particle), t > 1,
                Self.latinAddressees.contains(self.tokens[t - 1].key), Self.latinAddressVerbs.contains(self.tokens[t - 2].key),
                self.gapIs(self.tokens[t - 1].end, token.start, maxCount: 1, allowed: { $0 == 0x20 }),
                let run = self.nameRun(from: t, kinds, maxUnknown: token.firstUpper ? 1 : 0)
            {
                if !self.isNamedThing(run, kinds, honorificAt: nil) { self.addName(run, kinds, 0.6, taken) }
                t = run.last + 1
                continue
            }
            if token.script == .latin && !(token.firstUpper || token.allUpper) {
                // Lower case (looked up only beside a name or after a cue): two lexicon words, neither a common word.
                guard let run = self.nameRun(from: t, kinds, maxUnknown: 0), run.parts >= 2, run.givens + run.families >= 2,
                    !(run.first...run.last).contains(where: { kinds[$0].contains(.common) }), run.families >= 1
                else {
                    t += 1
                    continue
                }
                if !self.isNamedThing(run, kinds, honorificAt: nil) { self.addName(run, kinds, 0.6, taken) }
                t = run.last + 1
                continue
            }
            // A Tifinagh Ou-/Bou- family name the lists lack after a given name ("ⵍⵃⵙⵏ ⵓⴱⵍⵍⴰ") too.
            // An Arabic given name that is also a word, before a Ben-/Bou-/Bel- family name the lists lack: "وقعت إكرام
            // بنعيسى على المحضر". Not a nisba (ال…ي), which also reads as an adjective ("السلام العالمي").
            let beforeBenName = token.script == .arabic && token.length >= 3 && kind.contains(.given) && kind.contains(.common)
                && !(NormalizedText.fold(self.norm.scalars[token.start]) == 0x0627 && NormalizedText.fold(self.norm.scalars[token.start + 1]) == 0x0644)
                && t + 1 < count && self.isBenShaped(t + 1)
                && kinds[t + 1].isDisjoint(with: .person) && self.isNameGap(token.end, self.tokens[t + 1].start)
            let maxUnknown =
                ((token.script == .latin || token.script == .arabic || token.script == .tifinagh) && !kind.contains(.common)
                    && !kind.isDisjoint(with: [.given, .particle])) || beforeBenName
                ? 1 : 0
            guard var run = self.nameRun(from: t, kinds, maxUnknown: maxUnknown) else {
                t += 1
                continue
            }
            if beforeBenName, run.parts == 2, run.unknowns == 1 {
                // The Ben-shaped word stands for the family name the lists lack.
                run.families += 1
            }
            let firstCommon = kind.contains(.common)
            if firstCommon, run.parts == 1, token.script == .latin, let wider = self.nameRun(from: t, kinds, maxUnknown: 1), wider.parts == 2,
                self.isAppositionOfGivenAndFamily(wider, kinds)
            {
                run = wider
            }
            let anyCommon = (run.first...run.last).contains { kinds[$0].contains(.common) }
            var accepted = false
            var score = 0.7
            if run.parts == 1, kind.contains(.given), !kind.contains(.particle), !kind.contains(.innerHonorific), run.last + 2 < count,
                Self.nameConjunctions.contains(self.tokens[run.last + 1].key), self.tokens[run.last + 2].script == token.script,
                kinds[run.last + 2].contains(.given), !kinds[run.last + 2].contains(.tail), !taken[run.last + 2],
                !firstCommon || !kinds[run.last + 2].contains(.common),
                token.script != .latin || token.firstUpper,
                self.gapIs(token.end, self.tokens[run.last + 1].start, maxCount: 1, allowed: { $0 == 0x20 }),
                self.gapIs(self.tokens[run.last + 1].end, self.tokens[run.last + 2].start, maxCount: 1, allowed: { $0 == 0x20 }),
                let second = self.nameRun(from: run.last + 2, kinds, maxUnknown: 0),
                !self.isNamedThing(run, kinds, honorificAt: nil), !self.isNamedThing(second, kinds, honorificAt: nil)
            {
                // Two given names joined by "ⴷ", "d", "و", "et", "w", not both also words: "ⵙⴰⵡⵍⵖ ⴷ ⵢⵓⴱⴰ ⴷ ⵎⴰⵙⵙⵉⵏ",
                // "Mounia et Amal sont venues"; "ⵜⴰⴼⵓⴽⵜ ⴷ ⵉⵜⵔⵉ" (the sun and a star) is no name.
                self.addName(run, kinds, 0.6, taken)
                self.addName(second, kinds, 0.6, taken)
                t = second.last + 1
                continue
            }
            if kind.contains(.innerHonorific) {
                // "Sidi Youssef Ben Ali", "Moulay Idriss Zerhoun": saints and the places named after them, unless
                // a family name makes it a person ("Moulay Ahmed Alaoui").
                // A patronymic "ⵓ …" the lists lack does not count: saints are named so ("ⵙⵉⴷⵉ ⵃⵎⴰⴷ ⵓⵎⵓⵙⴰ").
                let families = (run.first...run.last).filter { kinds[$0].contains(.family) && !self.isDerivedPatronymic($0) }.count
                if families > 0 && !self.isNamedThing(run, kinds, honorificAt: nil) { self.addName(run, kinds, 0.65, taken) }
                t = run.last + 1
                continue
            }
            if run.parts >= 2 {
                let hasGiven = run.givens > 0
                if firstCommon {
                    accepted = run.families > 0 || run.particles > 0 || self.isAppositionOfGivenAndFamily(run, kinds)
                } else if run.families == 0 && run.particles == 0 && run.unknowns == 0 {
                    // Two given names ("Mohamed Amine") but not when one is also a word ("Riad Salam").
                    accepted = run.givens >= 2 && !anyCommon
                } else {
                    accepted = hasGiven
                }
                if accepted && run.families == 0 && run.particles == 0 { score = 0.65 }
            } else if token.script == .latin, kind.contains(.given), !firstCommon, !kind.contains(.particle), token.firstUpper, !token.allUpper {
                accepted = true
                score = 0.6
            } else if token.script == .latin, kind.contains(.given), firstCommon, run.parts == 1, !kind.contains(.particle), token.firstUpper,
                !token.allUpper, t > 0, !(run.last + 1 < count && self.tokens[run.last + 1].firstUpper),
                (Self.latinCompanions.contains(self.tokens[t - 1].key)
                    && (self.endsSentence(after: run.last)
                        || (run.last + 1 < count && (self.tokens[run.last + 1].isStopWord || Self.timeWords.contains(self.tokens[run.last + 1].key))
                            && self.gapIs(self.tokens[run.last].end, self.tokens[run.last + 1].start, maxCount: 1, allowed: { $0 == 0x20 }))))
                    || self.isAddressedAtTheEnd(t)
            {
                // A capitalised name that is also a word, with someone ("avec Karim pour…", "m3a Said l'bureau",
                // "chez Hayat.") or addressed at the end ("Merci pour votre aide, Karim."); not before another
                // capitalised word, a noun or a comma (Amal Assurances, "with Amal cash transfer", "chez Amal, le
                // restaurant du quartier").
                accepted = true
                score = 0.55
            } else if token.script == .arabic, run.parts == 1, kind.contains(.given), !firstCommon, !kind.contains(.particle),
                !kind.contains(.innerHonorific), !kind.contains(.afterConjunction)
            {
                // Arabic script has no capitals: a given name the lists do not mark as a word stands alone like a
                // capitalised Latin one ("حصلت سمية على الشهادة", "أين وصلت طلبية أيوب؟"). Places named after people are
                // kept out below (isNamedThing), and names that are also words (سعيد، نور، أمل) still need a cue.
                accepted = true
                score = 0.55
            } else if token.script == .tifinagh, kind.contains(.given), !firstCommon, !kind.contains(.particle), !kind.contains(.family) {
                // A Tifinagh given name stands alone like a capitalised Latin one ("ⵏⵏⴰ ⵢⵉ ⵢⵓⵙⴼ ⵉⵙ…"): in that script the
                // lists' given names are not everyday words unless marked so (ⵜⴰⴼⵓⴽⵜ, ⵉⵜⵔⵉ).
                accepted = true
                score = 0.55
                if self.isAmazighFamilyName(after: run.last, kinds) {
                    run.last += 1
                    run.parts += 1
                    score = 0.65
                }
            } else if token.script == .arabic, kind.contains(.given), run.last + 1 < count,
                self.isAfterGluedConjunction(run.last + 1, kinds), kinds[run.last + 1].contains(.given),
                !kinds[run.last + 1].contains(.common) || !firstCommon,
                self.gapIs(token.end, self.tokens[run.last + 1].start, maxCount: 1, allowed: { $0 == 0x20 })
            {
                // Two given names joined by a glued "و", not both also words: "زارنا إبراهيم وخديجة", "زارني عمر
                // وفاطمة" (عمر is also "age"), "بعث لي حمزة وسكينة" (سكينة is also "knife"); "خبز وسكينة" is no name.
                accepted = true
                score = 0.6
                self.addName(run, kinds, score, taken)
                if let second = self.nameRun(from: run.last + 1, kinds, maxUnknown: 0) { self.addName(second, kinds, score, taken) }
                t = run.last + 2
                continue
            }
            if !accepted, t > 0, kind.contains(.given), !kind.contains(.particle), !kind.contains(.innerHonorific),
                Self.vocatives.contains(self.tokens[t - 1].key), token.script != .latin || token.firstUpper,
                self.gapIs(self.tokens[t - 1].end, token.start, maxCount: 1, allowed: { $0 == 0x20 }),
                !firstCommon || (token.script != .arabic && self.endsClause(after: run.last) && !Self.greetings.contains(token.key)),
                !self.isNamedThing(run, kinds, honorificAt: nil)
            {
                // Someone addressed: "Sm7li a Jamila,", "ⴰⵣⵓⵍ ⴰ ⵉⴷⵉⵔ,", "يا يوسف". In Arabic script a name that is also a word
                // stays out ("يا سلام!", "يا لطيف" are exclamations); elsewhere it needs the comma of an address.
                self.addName(run, kinds, 0.6, taken)
                t = run.last + 1
                continue
            }
            if !accepted, kind.contains(.given), !kind.contains(.particle), token.script != .latin || token.firstUpper,
                run.last + 1 < count, self.tokens[run.last + 1].cues.contains(.kinship),
                self.gapIs(self.tokens[run.last].end, self.tokens[run.last + 1].start, maxCount: 2, allowed: { $0 == 0x20 || $0 == 0x2C }),
                !firstCommon
                    || (self.endsClause(after: run.last) && !Self.greetings.contains(token.key)
                        && (t == 0 || !Self.greetings.contains(self.tokens[t - 1].key))),
                !self.isNamedThing(run, kinds, honorificAt: nil)
            {
                // A name and then who the person is: "مريم ختي الكبيرة كتسلم عليكم", "jit m3a Bouchra, ma sœur". A name
                // that is also a word only inside the sentence and before a comma: "Salam khoya", "سلام خويا" greet.
                self.addName(run, kinds, 0.65, taken)
                t = run.last + 1
                continue
            }
            if !accepted, token.script == .arabic, kind.contains(.given) {
                if kind.contains(.afterConjunction) {
                    // Glued "ل" after a verb of speaking (fillNameKinds): "عيط لخديجة".
                    accepted = NormalizedText.fold(self.norm.scalars[token.start]) == 0x0644
                } else if t > 0, !firstCommon, Self.addressVerbs.contains(self.tokens[t - 1].key) || Self.companionWords.contains(self.tokens[t - 1].key),
                    self.gapIs(self.tokens[t - 1].end, token.start, maxCount: 1, allowed: { $0 == 0x20 })
                {
                    // "غير سول معاذ", "عيط حمزة": the person asked or called, right after the verb; "كنت مع سفيان".
                    accepted = true
                } else if t > 0, self.tokens[t - 1].key == Self.detachedLam, self.gapIs(self.tokens[t - 1].end, token.start, maxCount: 1, allowed: { $0 == 0x20 }) {
                    // "عطيت الورقة ل يونس", and after a verb of speaking even a name that is also a word ("قول ل جواد").
                    accepted = !firstCommon || (t > 1 && Self.addressVerbs.contains(self.tokens[t - 2].key))
                } else if run.parts == 1, run.last + 1 < count, Self.relationalWords.contains(self.tokens[run.last + 1].key),
                    self.gapIs(token.end, self.tokens[run.last + 1].start, maxCount: 1, allowed: { $0 == 0x20 })
                {
                    // "نبيل ديال المقاطعة": a given name before "ديال"; one that is also a word only opening the sentence
                    // and followed by a verb of saying ("سعيد ديال الشباك قال ليا").
                    if !firstCommon {
                        accepted = true
                    } else if t == 0 || self.endsClause(after: t - 1) {
                        let end = min(count, run.last + 6)
                        accepted = (run.last + 2..<max(run.last + 2, end)).contains { Self.reportingVerbs.contains(self.tokens[$0].key) }
                    }
                }
                score = 0.6
            }
            if !accepted, kind.contains(.given), kind.isDisjoint(with: [.particle, .innerHonorific]),
                token.script != .latin || (token.firstUpper && !token.allUpper), !self.isNamedThing(run, kinds, honorificAt: nil),
                self.nameModelSays(t, first: run.first, last: run.last, kinds, candidateClass: 0)
            {
                // A given name with none of the cues above, often one that is also a word ("Karim m'a dit", "أخبرني
                // كريم", "ⵉⵏⵏⴰ ⵢⵉ ⵉⴷⵉⵔ"): the name model decides from its neighbours.
                accepted = true
                score = 0.55
            }
            if !accepted {
                // "على هشام الوديي": a rejected start may hide a name one word later.
                t += 1
                continue
            }
            // A street or a place named after someone is skipped whole ("Sidi Kacem", not "Kacem").
            if !self.isNamedThing(run, kinds, honorificAt: nil) {
                self.addName(run, kinds, score, taken)
                // "عبد الله وأمينة جاو", "Youssef et Amal": a given name joined to the name found is one too.
                self.addCoordinatedName(after: run, kinds, score, taken)
            }
            t = run.last + 1
        }
    }
}
