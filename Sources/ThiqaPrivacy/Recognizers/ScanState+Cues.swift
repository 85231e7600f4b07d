/// Cue-based heuristics for addresses (names: ScanState+Names.swift). They are honest guesses: scores stay below
/// the checksummed identifiers, and the evaluation reports them separately.
extension ScanState {
    func gapIs(_ from: Int, _ to: Int, maxCount: Int, allowed: (UInt32) -> Bool) -> Bool {
        let gap = self.norm.gap(from, to)
        return gap.count <= maxCount && gap.allSatisfy(allowed)
    }

    private static let addressConnectors: WordSet = [
        "de", "du", "des", "la", "le", "l", "d", "el", "al", "ibn", "ben", "bnou", "ould", "ait", "ou", "n", "no", "numero", "rقم",
        "رقم", "ابن", "بن", "bis", "of", "the", "sidi", "moulay", "lalla", "mohammed", "ⵏ",
    ]

    private static let trailingStreetCues: WordSet = ["street", "road", "st", "avenue", "boulevard", "blvd", "lane"]

    private static let ambiguousAddressCues: WordSet = ["lot", "place", "angle", "st", "av", "res", "cite", "secteur", "bloc", "appt", "imm"]

    mutating func recognizeAddresses() {
        let s = self.norm.scalars
        let count = self.tokens.count
        var coveredUntil = -1
        for span in self.cueSpans where span.cue == .address && span.first > coveredUntil {
            let cue = self.tokens[span.first]
            let englishOrder = Self.trailingStreetCues.contains(cue.key) && span.first > 0 && self.tokens[span.first - 1].firstUpper
            var nextOK = false
            if span.last + 1 < count {
                let next = self.tokens[span.last + 1]
                if self.gapIs(self.tokens[span.last].end, next.start, maxCount: 3, allowed: { $0 == 0x20 || $0 == 0x2E || $0 == 0xB0 || $0 == 0x3A }) {
                    nextOK =
                        (next.isDigits && next.length <= 5)
                        || (next.isWord && !Lexicon.stopWords.contains(next.key)
                            && (next.script != .latin || next.firstUpper || !Self.ambiguousAddressCues.contains(cue.key)))
                        || Self.addressConnectors.contains(next.key)
                }
            }
            guard nextOK || englishOrder else { continue }
            var start = cue.start
            var hasNumber = false
            var hasCity = false
            if Self.trailingStreetCues.contains(cue.key) {
                // English order: "166 Zerktouni Street": number, capitalised words, then the cue.
                var k = span.first - 1
                var words = 0
                while k >= 0, words < 4, self.tokens[k].isWord, self.tokens[k].script == .latin, self.tokens[k].firstUpper,
                    self.gapIs(self.tokens[k].end, self.tokens[k + 1].start, maxCount: 1, allowed: { $0 == 0x20 })
                {
                    words += 1
                    k -= 1
                }
                if words > 0, k >= 0, self.tokens[k].isDigits, self.tokens[k].length <= 5,
                    self.gapIs(self.tokens[k].end, self.tokens[k + 1].start, maxCount: 1, allowed: { $0 == 0x20 })
                {
                    start = self.tokens[k].start
                    hasNumber = true
                }
            }
            if start == cue.start && span.first > 0 {
                let prev = self.tokens[span.first - 1]
                if prev.isDigits, prev.length <= 4,
                    self.gapIs(prev.end, cue.start, maxCount: 2, allowed: { $0 == 0x20 || $0 == 0x2C })
                {
                    start = prev.start
                    hasNumber = true
                }
            }
            var lastGood = span.last
            var t = span.last + 1
            var steps = 0
            while t < count && steps < 14 {
                steps += 1
                let tok = self.tokens[t]
                let gap = self.norm.gap(self.tokens[t - 1].end, tok.start)
                guard gap.count <= 3, gap.allSatisfy({ $0 == 0x20 || $0 == 0x2C || $0 == 0x2D || $0 == 0xB0 || $0 == 0x27 || $0 == 0x2F })
                else { break }
                let afterComma = gap.contains(0x2C)
                let isCity = Lexicon.cities.contains(tok.key)
                let isCue = tok.cues.contains(.address)
                if tok.isDigits {
                    guard tok.length <= 5 else { break }
                    hasNumber = true
                    lastGood = t
                } else if isCity || isCue {
                    hasCity = hasCity || isCity
                    lastGood = t
                } else if Self.addressConnectors.contains(tok.key) {
                    // kept only if something follows
                } else if tok.isWord {
                    if Lexicon.stopWords.contains(tok.key) || !tok.cues.isDisjoint(with: Cue.anyIdentifier.union([.birth, .personIntro, .negative])) {
                        break
                    }
                    if afterComma && !(tok.script == .latin && tok.firstUpper) { break }
                    if tok.script == .latin && !tok.firstUpper && t > span.last + 2 && !tok.allUpper {
                        // lower-case Latin words rarely continue a street name after two words
                        break
                    }
                    lastGood = t
                } else {
                    break
                }
                t += 1
            }
            guard lastGood > span.last || start != cue.start else { continue }
            coveredUntil = lastGood
            var score = 0.7
            if hasNumber || hasCity { score += 0.1 }
            if cue.script == .latin && !cue.firstUpper && !hasNumber && !hasCity { score -= 0.1 }
            _ = s
            self.add(.ADDRESS, start, self.tokens[lastGood].end, score)
        }
    }
}
