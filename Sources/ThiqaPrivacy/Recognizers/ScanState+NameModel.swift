/// The inputs of `NameModel` for one word: the word itself, its two neighbours on each side, the punctuation around
/// it and what the lexicons say of each. Computed only for the few words the name rules leave undecided.
extension ScanState {
    /// Cues that tell something about the word beside a name (a kinship word, a title, a place word…).
    private static let modelCues: Cue = [
        .personIntro, .personTitle, .kinship, .weakIntro, .signOff, .honorific, .namedPlace, .namedPlaceAfter, .product,
        .address, .stopWord,
    ]

    /// What separates two tokens: 0 one space, 1 a comma, 2 the end of a sentence, 3 a line break, 4 a colon, 5 the
    /// text's edge, 6 other punctuation (quotes, brackets, dashes).
    private func gapClass(_ from: Int, _ to: Int) -> UInt64 {
        var c: UInt64 = 0
        for k in from..<to {
            switch self.norm.scalars[k] {
            case 0x0A, 0x0D: return 3
            case 0x2E, 0x21, 0x3F, 0x061F: c = max(c, 2)
            case 0x2C, 0x3B, 0x061B: c = max(c, 1)
            case 0x3A: c = 4
            case 0x20: continue
            default: if c == 0 { c = 6 }
            }
        }
        return c
    }

    private func shape(_ t: Int) -> UInt64 {
        let token = self.tokens[t]
        return UInt64(token.script.rawValue) | (token.firstUpper ? 8 : 0) | (token.allUpper ? 16 : 0) | (token.isDigits ? 32 : 0)
    }

    @inline(__always)
    private func folded(_ index: Int) -> UInt64 { UInt64(NormalizedText.fold(self.norm.scalars[index])) }

    /// Calls `body` with each feature bucket of token `t` as a candidate of class `candidateClass`.
    func forEachNameModelFeature(_ t: Int, _ kinds: UnsafeBufferPointer<NameKind>, candidateClass: Int, _ body: (Int) -> Void) {
        let token = self.tokens[t]
        let count = self.tokens.count
        let edge: UInt64 = 0xFFFF_FFFF
        func emit(_ template: NameModel.Template, _ value: UInt64) { body(NameModel.bucket(template, value)) }
        emit(.bias, 0)
        emit(.candidateClass, UInt64(candidateClass))
        emit(.shape, self.shape(t))
        emit(.kind, UInt64(kinds[t].rawValue))
        emit(.word, token.key.value)
        emit(.ownFirst, self.folded(token.start))
        emit(.ownEnding, self.folded(token.end - 1) << 32 | (token.length > 1 ? self.folded(token.end - 2) : 0))
        emit(.ownLength, UInt64(min(token.length, 12)))
        let before = t > 0 ? self.gapClass(self.tokens[t - 1].end, token.start) : 5
        let after = t + 1 < count ? self.gapClass(token.end, self.tokens[t + 1].start) : 5
        emit(.gapBefore, before)
        emit(.gapAfter, after)
        emit(.gaps, before << 8 | after)
        if t > 0 {
            let p = self.tokens[t - 1]
            emit(.previous, p.key.value)
            emit(.previousAndGap, p.key.value ^ before << 56)
            emit(.previousCues, UInt64(p.cues.intersection(Self.modelCues).rawValue))
            emit(.previousKind, UInt64(kinds[t - 1].rawValue))
            emit(.previousShape, self.shape(t - 1))
            emit(.previousFirst, self.folded(p.start))
            emit(.previousLast, self.folded(p.end - 1))
            emit(.previousOpening, self.folded(p.start) << 32 | (p.length > 1 ? self.folded(p.start + 1) : 0))
            emit(.beforePrevious, t > 1 ? self.tokens[t - 2].key.value : edge)
        } else {
            emit(.previous, edge)
        }
        if t + 1 < count {
            let n = self.tokens[t + 1]
            emit(.next, n.key.value)
            emit(.nextAndGap, n.key.value ^ after << 56)
            emit(.nextCues, UInt64(n.cues.intersection(Self.modelCues).rawValue))
            emit(.nextKind, UInt64(kinds[t + 1].rawValue))
            emit(.nextShape, self.shape(t + 1))
            emit(.nextFirst, self.folded(n.start))
            emit(.nextLast, self.folded(n.end - 1))
            emit(.nextOpening, self.folded(n.start) << 32 | (n.length > 1 ? self.folded(n.start + 1) : 0))
            emit(.afterNext, t + 2 < count ? self.tokens[t + 2].key.value : edge)
        } else {
            emit(.next, edge)
        }
    }

    /// The model's probability that token `t` is a name; in training mode (`nameModelLog` set) the candidate is
    /// recorded with the span `first...last` instead and the answer is no, so that the log shows the rules alone.
    mutating func nameModelSays(_ t: Int, first: Int, last: Int, _ kinds: UnsafeBufferPointer<NameKind>, candidateClass: Int) -> Bool {
        if self.nameModelLog != nil {
            var features: [Int] = []
            self.forEachNameModelFeature(t, kinds, candidateClass: candidateClass) { features.append($0) }
            let range = self.norm.originalRange(self.tokens[first].start + (kinds[first].contains(.afterConjunction) ? 1 : 0), self.tokens[last].end)
            self.nameModelLog?.append(NameModelCandidate(start: range.lowerBound, end: range.upperBound, features: features, candidateClass: candidateClass))
            return false
        }
        // A class the training data could not yet support has no threshold: skip its features.
        let threshold = NameModelWeights.threshold[candidateClass]
        guard threshold < NameModel.disabled else { return false }
        let weights = NameModel.weights
        var logit = 0.0
        self.forEachNameModelFeature(t, kinds, candidateClass: candidateClass) { logit += weights[$0] }
        return logit >= threshold
    }
}
