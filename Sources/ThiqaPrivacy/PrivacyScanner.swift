/// Finds personal data in text in one pass over its Unicode scalars, without regular expressions.
///
/// Languages: French, Arabic, Darija (Arabic script and Arabizi), Amazigh (Tifinagh and Latin), English and mixtures.
/// Arabic-Indic and Eastern Arabic digits count as digits; bidi controls, tatweel and harakat are ignored.
public struct PrivacyScanner: Sendable {
    /// Findings scored below this are dropped.
    public var minimumScore: Double
    /// Types reported; others are ignored.
    public var types: Set<EntityType>

    public init(minimumScore: Double = 0.5, types: Set<EntityType> = Set(EntityType.allCases)) {
        self.minimumScore = minimumScore
        self.types = types
    }

    /// Findings sorted by start offset, non-overlapping; offsets are original Unicode-scalar offsets.
    public func scan(_ text: String) -> [Finding] {
        if text.isEmpty { return [] }
        return self.scan(PreparedText(text))
    }

    /// The same findings as `scan(prepared.text)`, from a text already normalised and cut into words (the request
    /// path prepares each message once for this scan and the sensitive-data assessment).
    public func scan(_ prepared: PreparedText) -> [Finding] {
        if prepared.text.isEmpty { return [] }
        var state = ScanState(prepared: prepared)
        state.recognizeAll()
        return state.resolve(minimumScore: self.minimumScore, types: self.types)
    }

    /// The words the name model would be asked about in `text`, with their features, and the PERSON findings of the
    /// rules alone (the model answers no to each word): the training inputs of eval/privacy/names_model.py.
    public func nameModelTrace(_ text: String) -> (candidates: [NameModelCandidate], ruleFindings: [Finding]) {
        if text.isEmpty { return ([], []) }
        var state = ScanState(text: text)
        state.nameModelLog = []
        state.recognizeAll()
        // Resolved with every type, as a scan is: a name inside an address is a street's.
        let persons = state.resolve(minimumScore: self.minimumScore, types: Set(EntityType.allCases)).filter { $0.type == .PERSON }
        return (state.nameModelLog ?? [], persons)
    }

    /// The candidates of `nameModelTrace`.
    public static func nameModelCandidates(_ text: String) -> [NameModelCandidate] {
        PrivacyScanner().nameModelTrace(text).candidates
    }
}

struct Candidate {
    var type: EntityType
    var start: Int
    var end: Int
    var score: Double
}

struct CueSpan {
    var first: Int
    var last: Int
    var cue: Cue
}

struct ScanState {
    let norm: NormalizedText
    var tokens: [Token]
    var cueSpans: [CueSpan] = []
    var candidates: [Candidate] = []
    /// Set only to collect the name model's training inputs (`PrivacyScanner.nameModelCandidates`).
    var nameModelLog: [NameModelCandidate]? = nil

    init(text: String) {
        self.init(prepared: PreparedText(text))
    }

    init(prepared: PreparedText) {
        self.norm = prepared.norm
        self.tokens = prepared.tokens
        self.markCues()
    }

    mutating func recognizeAll() {
        self.recognizeEmails()
        self.recognizeIBANs()
        self.recognizeNumberRuns()
        self.recognizeLetterDigitIDs()
        self.recognizeTextualDates()
        self.recognizePersons()
        self.recognizeAddresses()
    }

    func resolve(minimumScore: Double, types: Set<EntityType>) -> [Finding] {
        var kept = self.candidates.filter { $0.score >= minimumScore && types.contains($0.type) && $0.end > $0.start }
        // Names inside an address are street names ("Lot Lalla Meryem"), not people.
        let addresses = kept.filter { $0.type == .ADDRESS }
        if !addresses.isEmpty {
            kept.removeAll { c in c.type == .PERSON && addresses.contains { $0.start <= c.start && c.end <= $0.end } }
        }
        kept.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if (a.end - a.start) != (b.end - b.start) { return (a.end - a.start) > (b.end - b.start) }
            return a.start < b.start
        }
        var accepted: [Candidate] = []
        for c in kept where !accepted.contains(where: { $0.start < c.end && c.start < $0.end }) {
            accepted.append(c)
        }
        accepted.sort { $0.start < $1.start }
        return accepted.map { c in
            let range = self.norm.originalRange(c.start, c.end)
            return Finding(
                type: c.type,
                start: range.lowerBound,
                end: range.upperBound,
                text: self.norm.originalText(range),
                score: (min(1, max(0, c.score)) * 100).rounded() / 100
            )
        }
    }

    // MARK: Cues

    private static let arabicCliticPrefixes: Set<UInt32> = [0x0648, 0x0641, 0x0628, 0x0644, 0x0643]  // و ف ب ل ك

    /// Folded Arabic scalars with a leading conjunction/preposition or article removed, or a possessive suffix.
    static func cliticVariants(_ folded: [UInt32]) -> [[UInt32]] {
        var out: [[UInt32]] = []
        var scalars = folded
        if scalars.count > 3, scalars[0] == 0x0648 || scalars[0] == 0x0641 {
            scalars.removeFirst()
            out.append(scalars)
        }
        if scalars.count > 3, Self.arabicCliticPrefixes.contains(scalars[0]) {
            if scalars[0] == 0x0644 && scalars[1] == 0x0644 {
                out.append([0x0627, 0x0644] + scalars[2...])
            }
            out.append(Array(scalars[1...]))
        }
        if scalars.count > 4, scalars[0] == 0x0627, scalars[1] == 0x0644 {
            out.append(Array(scalars[2...]))
        }
        // Possessive suffixes: ازديادي -> ازدياد, بطاقتي -> بطاقه, رقمها -> رقم.
        var stem = scalars
        if stem.count > 4, stem[stem.count - 1] == 0x0627, stem[stem.count - 2] == 0x0647 {
            stem.removeLast(2)
        } else if stem.count > 3, [0x064A, 0x0647, 0x0643, 0x0648].contains(stem[stem.count - 1]) {
            stem.removeLast()
        } else {
            return out
        }
        out.append(stem)
        if stem.last == 0x062A {
            stem[stem.count - 1] = 0x0647
            out.append(stem)
        }
        return out
    }

    /// The cue entries of the first of `cliticVariants` that has some, computed on a stack buffer: the same keys
    /// in the same order, without the arrays (this runs for every Arabic word that is not itself a cue word).
    static func cliticVariantInfo(_ norm: NormalizedText, _ token: Token, _ words: Lexicon.PackedWordTable) -> Lexicon.WordInfo? {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: token.length) { buffer -> Lexicon.WordInfo? in
            var n = 0
            for k in token.start..<token.end {
                let f = NormalizedText.fold(norm.scalars[k])
                if f != 0 {
                    buffer[n] = f
                    n += 1
                }
            }
            /// Key of `prefix` (0, 1 or 2 scalars: "ا", "ال") + buffer[from..<to], the last scalar replaced by `last` if non-zero.
            func probe(_ prefix: (UInt32, UInt32), _ from: Int, _ to: Int, last: UInt32 = 0) -> Lexicon.WordInfo? {
                var h = WordKey.offsetBasis
                if prefix.0 != 0 { h = WordKey.mix(h, prefix.0) }
                if prefix.1 != 0 { h = WordKey.mix(h, prefix.1) }
                var k = from
                while k < to {
                    h = WordKey.mix(h, k == to - 1 && last != 0 ? last : buffer[k])
                    k += 1
                }
                guard let info = words[WordKey(value: h)], info.entryCount > 0 else { return nil }
                return info
            }
            var start = 0
            if n > 3, buffer[0] == 0x0648 || buffer[0] == 0x0641 {
                start = 1
                if let info = probe((0, 0), 1, n) { return info }
            }
            let count = n - start
            if count > 3, Self.arabicCliticPrefixes.contains(buffer[start]) {
                if buffer[start] == 0x0644 && buffer[start + 1] == 0x0644, let info = probe((0x0627, 0x0644), start + 2, n) { return info }
                if let info = probe((0, 0), start + 1, n) { return info }
            }
            if count > 4, buffer[start] == 0x0627, buffer[start + 1] == 0x0644, let info = probe((0, 0), start + 2, n) { return info }
            var end = n
            if count > 4, buffer[n - 1] == 0x0627, buffer[n - 2] == 0x0647 {
                end = n - 2
            } else if count > 3, buffer[n - 1] == 0x064A || buffer[n - 1] == 0x0647 || buffer[n - 1] == 0x0643 || buffer[n - 1] == 0x0648 {
                end = n - 1
            } else {
                return nil
            }
            if let info = probe((0, 0), start, end) { return info }
            if end > start, buffer[end - 1] == 0x062A { return probe((0, 0), start, end, last: 0x0647) }
            return nil
        }
    }

    static func string(_ scalars: [Unicode.Scalar]) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Marks cue phrases, and copies each word's name kinds and stop-word flag from the same lookup: one probe of
    /// one table per word.
    private mutating func markCues() {
        let index = Lexicon.index
        // Work on a local copy of the tokens through an unsafe buffer: writing `self.tokens[t]` in the loop would
        // check the array's uniqueness on every write.
        var tokens: [Token] = []
        swap(&tokens, &self.tokens)
        var spans: [CueSpan] = []
        let norm = self.norm
        tokens.withUnsafeMutableBufferPointer { toks in
            let count = toks.count
            var i = 0
            while i < count {
                var found = index.words[toks[i].key]
                if let info = found {
                    toks[i].name = info.name
                    if info.isStopWord { toks[i].cues.insert(.stopWord) }
                    if info.entryCount == 0 { found = nil }
                }
                if found == nil, toks[i].script == .arabic {
                    found = Self.cliticVariantInfo(norm, toks[i], index.words)
                }
                guard let found else {
                    i += 1
                    continue
                }
                var matchedLast = i
                var matched = false
                for e in Int(found.entryStart)..<Int(found.entryStart + found.entryCount) {
                    let entry = index.entries[e]
                    let restCount = Int(entry.restCount)
                    let last = i + restCount
                    guard last < count else { continue }
                    var ok = true
                    var k = 0
                    while k < restCount {
                        let t = i + 1 + k
                        if toks[t].key != index.restKeys[Int(entry.restStart) + k] || !Self.isPhraseGap(norm, toks[t - 1].end, toks[t].start) {
                            ok = false
                            break
                        }
                        k += 1
                    }
                    guard ok else { continue }
                    for t in i...last { toks[t].cues.insert(entry.cue) }
                    // Room for eight at the first span, as for candidates (`keep`).
                    if spans.capacity == 0 { spans.reserveCapacity(8) }
                    spans.append(CueSpan(first: i, last: last, cue: entry.cue))
                    matchedLast = max(matchedLast, last)
                    matched = true
                    if restCount > 0 { break }
                }
                // Words inside a matched phrase still get their name kinds and flags.
                var t = i + 1
                while t <= matchedLast {
                    if let info = index.words[toks[t].key] {
                        toks[t].name = info.name
                        if info.isStopWord { toks[t].cues.insert(.stopWord) }
                    }
                    t += 1
                }
                i = matched ? matchedLast + 1 : i + 1
            }
        }
        swap(&tokens, &self.tokens)
        self.cueSpans = spans
    }

    private static func isPhraseGap(_ norm: NormalizedText, _ from: Int, _ to: Int) -> Bool {
        let gap = norm.gap(from, to)
        if gap.isEmpty || gap.count > 2 { return gap.isEmpty }
        return gap.allSatisfy { $0 == 0x20 || $0 == 0x27 || $0 == 0x2D || $0 == 0x2E || $0 == 0x28 || $0 == 0x29 }
    }

    /// Cues of the `window` tokens before token `index`.
    func cues(before index: Int, window: Int) -> Cue {
        var cue: Cue = []
        var t = index - 1
        while t >= 0 && t >= index - window {
            cue.formUnion(self.tokens[t].cues)
            t -= 1
        }
        return cue
    }

    /// Cues of the `window` tokens after token `index`.
    func cues(after index: Int, window: Int) -> Cue {
        var cue: Cue = []
        var t = index + 1
        while t < self.tokens.count && t <= index + window {
            cue.formUnion(self.tokens[t].cues)
            t += 1
        }
        return cue
    }

    func scalar(_ i: Int) -> UInt32 { i >= 0 && i < self.norm.count ? self.norm.scalars[i] : 0 }

    mutating func add(_ type: EntityType, _ start: Int, _ end: Int, _ score: Double) {
        self.keep(Candidate(type: type, start: start, end: end, score: score))
    }

    /// Room for eight at the first candidate: growing one at a time reallocated the array two or three times in a
    /// text with findings (3.6 % of a scan's instructions went to arrays growing), and a text without any allocates
    /// nothing.
    mutating func keep(_ candidate: Candidate) {
        if self.candidates.capacity == 0 { self.candidates.reserveCapacity(8) }
        self.candidates.append(candidate)
    }
}
