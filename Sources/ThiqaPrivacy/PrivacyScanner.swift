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
        var state = ScanState(text: text)
        state.recognizeAll()
        return state.resolve(minimumScore: self.minimumScore, types: self.types)
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

    init(text: String) {
        self.norm = NormalizedText(text)
        self.tokens = self.norm.tokenize()
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

    static func string(_ scalars: [Unicode.Scalar]) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    private mutating func markCues() {
        let count = self.tokens.count
        var i = 0
        while i < count {
            var entries = Lexicon.phrases[self.tokens[i].key]
            if entries == nil, self.tokens[i].script == .arabic {
                for variant in Self.cliticVariants(self.norm.folded(self.tokens[i])) {
                    if let found = Lexicon.phrases[WordKey(folded: variant)] {
                        entries = found
                        break
                    }
                }
            }
            guard let entries else {
                i += 1
                continue
            }
            var matchedLast = i
            var matched = false
            for entry in entries {
                let last = i + entry.rest.count
                guard last < count else { continue }
                var ok = true
                for (k, word) in entry.rest.enumerated() {
                    let t = i + 1 + k
                    if self.tokens[t].key != word || !self.isPhraseGap(self.tokens[t - 1].end, self.tokens[t].start) {
                        ok = false
                        break
                    }
                }
                guard ok else { continue }
                for t in i...last { self.tokens[t].cues.insert(entry.cue) }
                self.cueSpans.append(CueSpan(first: i, last: last, cue: entry.cue))
                matchedLast = max(matchedLast, last)
                matched = true
                if !entry.rest.isEmpty { break }
            }
            i = matched ? matchedLast + 1 : i + 1
        }
    }

    private func isPhraseGap(_ from: Int, _ to: Int) -> Bool {
        let gap = self.norm.gap(from, to)
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
        self.candidates.append(Candidate(type: type, start: start, end: end, score: score))
    }
}
