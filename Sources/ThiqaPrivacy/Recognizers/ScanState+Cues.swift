/// Cue-based heuristics for names and addresses. They are honest guesses: scores stay below the
/// checksummed identifiers, and the evaluation reports them separately.
extension ScanState {
    private func gapIs(_ from: Int, _ to: Int, maxCount: Int, allowed: (UInt32) -> Bool) -> Bool {
        let gap = self.norm.gap(from, to)
        return gap.count <= maxCount && gap.allSatisfy(allowed)
    }

    private func isNameToken(_ t: Token, lowercaseOK: Bool) -> Bool {
        guard t.isWord, t.cues.isDisjoint(with: Cue.anyIdentifier.union([.address, .birth, .negative, .personIntro, .personTitle])),
            !Lexicon.stopWords.contains(t.key), Lexicon.months[t.key] == nil
        else { return false }
        switch t.script {
        case .latin: return t.firstUpper || lowercaseOK
        case .arabic: return t.length >= 2
        case .tifinagh, .other: return true
        case .none: return false
        }
    }

    private static let lowercaseIntros: WordSet = [
        "smiti", "smiyti", "smiya", "smitou", "smitha", "isem", "ism", "nekk", "nkk", "inu", "nnu", "d",
    ]

    mutating func recognizePersons() {
        let s = self.norm.scalars
        let count = self.tokens.count
        for span in self.cueSpans where span.cue == .personTitle || span.cue == .personIntro {
            let cueTok = self.tokens[span.last]
            let isTitle = span.cue == .personTitle
            if isTitle && cueTok.script == .latin {
                // "M." needs its dot and a capital; other Latin titles need a capital M/Mme/Dr.
                if cueTok.key == "m" && !(self.scalar(cueTok.end) == 0x2E && cueTok.firstUpper) { continue }
                if !self.tokens[span.first].firstUpper && cueTok.key != "monsieur" && cueTok.key != "madame" { continue }
            }
            let lowercaseOK = !isTitle && Self.lowercaseIntros.contains(cueTok.key)
            var names: [Int] = []
            var t = span.last + 1
            var script: Script = .none
            while t < count && names.count < 4 {
                let prevEnd = names.isEmpty ? cueTok.end : self.tokens[t - 1].end
                let gapOK =
                    names.isEmpty
                    ? self.gapIs(prevEnd, self.tokens[t].start, maxCount: 3) { $0 == 0x20 || $0 == 0x3A || $0 == 0x2E || $0 == 0x2C }
                    : self.gapIs(prevEnd, self.tokens[t].start, maxCount: 1) { $0 == 0x20 || $0 == 0x2D }
                guard gapOK, self.tokens[t].start > prevEnd || !names.isEmpty else { break }
                let tok = self.tokens[t]
                if script != .none && tok.script != script { break }
                if Lexicon.nameParticles.contains(tok.key), t + 1 < count, !names.isEmpty || tok.script != .latin || true,
                    self.isNameToken(self.tokens[t + 1], lowercaseOK: lowercaseOK)
                {
                    names.append(t)
                    script = tok.script
                    t += 1
                    continue
                }
                guard self.isNameToken(tok, lowercaseOK: lowercaseOK) else { break }
                // Arabic: a word glued to the conjunction و after the first name starts a new clause.
                if tok.script == .arabic, !names.isEmpty, NormalizedText.fold(s[tok.start]) == 0x0648, tok.length > 3 { break }
                names.append(t)
                script = tok.script
                t += 1
            }
            // Drop a trailing particle.
            while let last = names.last, Lexicon.nameParticles.contains(self.tokens[last].key), names.count > 1 { names.removeLast() }
            guard let firstName = names.first, let lastName = names.last else { continue }
            var score: Double
            switch script {
            case .latin:
                score = self.tokens[firstName].firstUpper ? 0.85 : 0.7
                if !isTitle && (cueTok.key == "suis") { score = names.count > 1 ? 0.7 : 0.55 }
            case .arabic: score = isTitle ? 0.8 : 0.75
            default: score = 0.72
            }
            _ = s
            self.add(.PERSON, self.tokens[firstName].start, self.tokens[lastName].end, score)
        }
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
