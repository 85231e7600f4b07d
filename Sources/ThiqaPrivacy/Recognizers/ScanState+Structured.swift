/// Recognizers for identifiers with a fixed shape: e-mail, IBAN, numeric runs (RIB, card, ICE, phone, CNSS, IP,
/// numeric dates) and letter+digit identifiers (CIN, passport, Massar).
extension ScanState {
    // MARK: E-mail

    @inline(__always)
    private static func isLocalPart(_ c: UInt32) -> Bool {
        NormalizedText.isASCIILetter(c) || NormalizedText.isDigit(c) || c == 0x2E || c == 0x5F || c == 0x25 || c == 0x2B || c == 0x2D
    }

    @inline(__always)
    private static func isDomainPart(_ c: UInt32) -> Bool {
        NormalizedText.isASCIILetter(c) || NormalizedText.isDigit(c) || c == 0x2E || c == 0x2D
    }

    mutating func recognizeEmails() {
        let s = self.norm.scalars
        // Most texts hold no "@": one vectorisable search instead of a test per scalar (issue 9: the structured
        // recognizers' share of a scan grew back what the names recognizer costs).
        var from = 0
        while from < s.count, let i = s[from...].firstIndex(of: 0x40) {
            from = i + 1
            var a = i
            while a > 0 && Self.isLocalPart(s[a - 1]) && i - a < 64 { a -= 1 }
            while a < i && (s[a] == 0x2E || s[a] == 0x2D) { a += 1 }
            var b = i + 1
            while b < s.count && Self.isDomainPart(s[b]) && b - i < 255 { b += 1 }
            while b > i + 1 && (s[b - 1] == 0x2E || s[b - 1] == 0x2D) { b -= 1 }
            guard a < i, b > i + 3 else { continue }
            // Domain needs a dot and a final label of at least two letters.
            var lastDot = -1
            for k in (i + 1)..<b where s[k] == 0x2E { lastDot = k }
            guard lastDot > i + 1, b - lastDot - 1 >= 2 else { continue }
            guard (lastDot + 1..<b).allSatisfy({ NormalizedText.isASCIILetter(s[$0]) }) else { continue }
            self.add(.EMAIL, a, b, 0.95)
            from = b
        }
    }

    // MARK: IBAN

    private func isIBANHead(_ t: Token) -> Bool {
        guard t.length >= 4 else { return false }
        let s = self.norm.scalars
        return NormalizedText.isASCIILetter(s[t.start]) && NormalizedText.isASCIILetter(s[t.start + 1])
            && NormalizedText.isDigit(s[t.start + 2]) && NormalizedText.isDigit(s[t.start + 3])
    }

    mutating func recognizeIBANs() {
        let s = self.norm.scalars
        // A head has two letters and two digits: the counts the tokenizer kept rule out almost every token before
        // its scalars are read.
        for index in self.tokens.indices where self.tokens[index].digitCount >= 2 && self.tokens[index].letterCount >= 2 {
            let head = self.tokens[index]
            guard self.isIBANHead(head) else { continue }
            var segments = [index]
            var total = head.length
            var t = index + 1
            while t < self.tokens.count, total < 34 {
                let gap = self.norm.gap(self.tokens[t - 1].end, self.tokens[t].start)
                guard gap.count == 1, gap.first == 0x20 || gap.first == 0x2D else { break }
                let next = self.tokens[t]
                guard next.length <= 8, next.isDigits || next.allUpper || next.letterCount == 0 || (next.start..<next.end).allSatisfy({ s[$0] < 0x80 }) else { break }
                guard next.script == .latin || next.script == .none else { break }
                segments.append(t)
                total += next.length
                t += 1
            }
            var country = String.UnicodeScalarView()
            country.append(Unicode.Scalar(s[head.start] & ~0x20)!)
            country.append(Unicode.Scalar(s[head.start + 1] & ~0x20)!)
            let expected = Checksums.ibanLengths[String(country)]
            var k = segments.count
            while k >= 1 {
                var chars: [UInt32] = []
                for seg in segments[0..<k] { chars.append(contentsOf: s[self.tokens[seg].start..<self.tokens[seg].end]) }
                let lengthOK = expected.map { $0 == chars.count } ?? (chars.count >= 15 && chars.count <= 34)
                if lengthOK, Checksums.ibanValid(chars) {
                    if String(country) == "MA" && Checksums.mod97(chars[4...]) != 0 { break }
                    let ctx = self.cues(before: index, window: 5)
                    self.add(.IBAN, head.start, self.tokens[segments[k - 1]].end, ctx.contains(.iban) || ctx.contains(.rib) ? 1.0 : 0.97)
                    break
                }
                k -= 1
            }
        }
    }

    // MARK: Numeric runs

    private func isNumberGap(_ from: Int, _ to: Int) -> Bool {
        let count = to - from
        guard count >= 1, count <= 3 else { return false }
        var punct = 0
        for k in from..<to {
            switch self.norm.scalars[k] {
            case 0x20: continue
            case 0x2E, 0x2D, 0x2F: punct += 1
            case 0x28, 0x29: continue
            default: return false
            }
        }
        return punct <= 1
    }

    mutating func recognizeNumberRuns() {
        var i = 0
        while i < self.tokens.count {
            guard self.tokens[i].isDigits else {
                i += 1
                continue
            }
            var groups = [i]
            var j = i
            while j + 1 < self.tokens.count, self.tokens[j + 1].isDigits, self.isNumberGap(self.tokens[j].end, self.tokens[j + 1].start) {
                j += 1
                groups.append(j)
            }
            self.processRun(groups)
            i = j + 1
        }
    }

    /// Position of a '+' right before the run (allowing one space), or nil.
    private func plusPosition(before tokenIndex: Int) -> Int? {
        let start = self.tokens[tokenIndex].start
        if self.scalar(start - 1) == 0x2B { return start - 1 }
        if self.scalar(start - 1) == 0x20 && self.scalar(start - 2) == 0x2B { return start - 2 }
        return nil
    }

    private mutating func processRun(_ groups: [Int]) {
        // Digits following an IBAN-looking head belong to the IBAN recognizer.
        let first = groups[0]
        if first > 0, self.isIBANHead(self.tokens[first - 1]), self.tokens[first].start - self.tokens[first - 1].end <= 1 { return }
        let n = groups.count
        if let c = self.evaluate(groups, 0, n - 1) {
            self.keep(c)
            return
        }
        // A whole run shaped like a checksummed identifier that failed its check: report nothing inside it.
        var total = 0
        for g in groups { total += self.tokens[g].length }
        if n > 1 && (total == 24 || total == 15 || (13...19).contains(total)) {
            let firstGap = Array(self.norm.gap(self.tokens[groups[0]].end, self.tokens[groups[1]].start))
            var uniform = true
            for k in 1..<n where Array(self.norm.gap(self.tokens[groups[k - 1]].end, self.tokens[groups[k]].start)) != firstGap {
                uniform = false
            }
            if uniform { return }
        }
        var a = 0
        while a < n {
            var found = false
            var b = min(n - 1, a + 12)
            while b >= a {
                if (a > 0 || b < n - 1), let c = self.evaluate(groups, a, b) {
                    self.keep(c)
                    a = b + 1
                    found = true
                    break
                }
                b -= 1
            }
            if !found { a += 1 }
        }
    }

    private func evaluate(_ groups: [Int], _ a: Int, _ b: Int) -> Candidate? {
        let s = self.norm.scalars
        var digits: [UInt32] = []
        for g in groups[a...b] { digits.append(contentsOf: s[self.tokens[g].start..<self.tokens[g].end]) }
        let n = digits.count
        guard n >= 4, n <= 34 else { return nil }
        let firstTok = groups[a]
        let lastTok = groups[b]
        var start = self.tokens[firstTok].start
        let end = self.tokens[lastTok].end
        let plus = self.plusPosition(before: firstTok)
        let ctx = self.cues(before: firstTok, window: 6).union(self.cues(after: lastTok, window: 2))
        let negative = self.cues(before: firstTok, window: 3).contains(.negative)
        let whole = a == 0 && b == groups.count - 1

        // Numeric date: 12/03/1987, 12-03-1987, 12.03.1987, 1987-03-12.
        if b - a == 2 {
            let g0 = self.tokens[groups[a]], g1 = self.tokens[groups[a + 1]], g2 = self.tokens[groups[b]]
            let gap1 = Array(self.norm.gap(g0.end, g1.start)), gap2 = Array(self.norm.gap(g1.end, g2.start))
            if gap1 == gap2, gap1.count == 1, gap1[0] == 0x2F || gap1[0] == 0x2D || gap1[0] == 0x2E {
                let v0 = Self.value(s, g0), v1 = Self.value(s, g1), v2 = Self.value(s, g2)
                var isDate = false
                if g0.length <= 2 && g1.length <= 2 && g2.length == 4 {
                    isDate = (1...31).contains(v0) && (1...12).contains(v1) && (1900...2035).contains(v2)
                } else if g0.length == 4 && g1.length <= 2 && g2.length <= 2 {
                    isDate = (1900...2035).contains(v0) && (1...12).contains(v1) && (1...31).contains(v2)
                }
                if isDate {
                    let birth = self.cues(before: firstTok, window: 8).contains(.birth)
                    return birth ? Candidate(type: .DATE_OF_BIRTH, start: start, end: end, score: 0.85) : nil
                }
            }
        }

        // IPv4: exactly four dot-separated octets as the whole run.
        if whole && b - a == 3 && plus == nil {
            var ok = true
            for k in a...b {
                let t = self.tokens[groups[k]]
                if k > a && !(t.start - self.tokens[groups[k - 1]].end == 1 && s[t.start - 1] == 0x2E) { ok = false }
                if t.length > 3 || (t.length > 1 && s[t.start] == 0x30) || Self.value(s, t) > 255 { ok = false }
            }
            if ok { return Candidate(type: .IP_ADDRESS, start: start, end: end, score: ctx.contains(.negative) ? 0.4 : 0.85) }
        }

        if plus == nil {
            if n == 24 && Checksums.mod97(digits) == 0 {
                return Candidate(type: .RIB, start: start, end: end, score: ctx.contains(.rib) ? 0.99 : 0.95)
            }
            if (13...19).contains(n), (0x32...0x36).contains(digits[0]), Checksums.luhn(digits), b - a <= 4 {
                var score = n == 16 ? 0.9 : 0.8
                if ctx.contains(.card) { score += 0.08 }
                // "e-Timbre", "reçu", "commande": a Luhn-valid 16-digit code there is a receipt, not a card.
                if negative { score -= 0.45 }
                return Candidate(type: .CARD, start: start, end: end, score: score)
            }
            if n == 15 && Checksums.mod97(digits) == 0 {
                var score = ctx.contains(.ice) ? 0.95 : 0.75
                if negative { score -= 0.3 }
                return Candidate(type: .ICE, start: start, end: end, score: score)
            }
        }

        // Fifteen digits right after "ICE" are an ICE even when the check fails: never a phone.
        if n == 15 && plus == nil && ctx.contains(.ice) { return nil }

        if var score = self.phoneScore(digits, plus: plus != nil) {
            if ctx.contains(.phone) { score += 0.12 } else if ctx.contains(.number) { score += 0.06 }
            if negative { score -= 0.35 }
            if let p = plus { start = p }
            return Candidate(type: .PHONE, start: start, end: end, score: score)
        }

        // A lone year right after a birth cue: "tzadt f 1996", "né en 1996".
        if whole && a == b && n == 4 && plus == nil, (1900...2035).contains(Self.value(s, self.tokens[firstTok])),
            self.cues(before: firstTok, window: 3).contains(.birth)
        {
            return Candidate(type: .DATE_OF_BIRTH, start: start, end: end, score: 0.7)
        }

        if n == 9 && plus == nil {
            var score = ctx.contains(.cnss) ? 0.85 : 0.3
            if negative { score -= 0.35 }
            return Candidate(type: .CNSS, start: start, end: end, score: score)
        }
        return nil
    }

    private static func value(_ s: [UInt32], _ t: Token) -> Int {
        var v = 0
        for k in t.start..<min(t.end, t.start + 9) { v = v * 10 + Int(s[k] - 0x30) }
        return v
    }

    /// Score of a phone number written with these digits, or nil when it is not one.
    private func phoneScore(_ d: [UInt32], plus: Bool) -> Double? {
        let n = d.count
        func moroccan(_ rest: ArraySlice<UInt32>) -> Bool {
            var rest = rest
            if rest.count == 10 && rest.first == 0x30 { rest = rest.dropFirst() }
            guard rest.count == 9, let f = rest.first else { return false }
            return (0x35...0x38).contains(f)
        }
        let startsWith212 = n >= 3 && d[0] == 0x32 && d[1] == 0x31 && d[2] == 0x32
        if plus {
            if startsWith212 { return moroccan(d[3...]) ? 0.88 : nil }
            return (8...15).contains(n) && d[0] != 0x30 ? 0.75 : nil
        }
        if n >= 2 && d[0] == 0x30 && d[1] == 0x30 {
            let rest = d[2...]
            if rest.count >= 3 && rest[2] == 0x32 && rest[3] == 0x31 && rest[4] == 0x32 {
                return moroccan(d[5...]) ? 0.85 : nil
            }
            return (8...15).contains(rest.count) && rest.first != 0x30 ? 0.65 : nil
        }
        if startsWith212 && n == 12 && (0x35...0x38).contains(d[3]) { return 0.62 }
        if n == 10 && d[0] == 0x30 {
            switch d[1] {
            case 0x36, 0x37: return 0.8
            case 0x35: return 0.75
            case 0x38: return 0.6
            default: return nil
            }
        }
        return nil
    }

    // MARK: Letters + digits: CIN, passport, Massar

    mutating func recognizeLetterDigitIDs() {
        let s = self.norm.scalars
        for (index, t) in self.tokens.enumerated() {
            var letters = 0, digitCount = 0, start = t.start, upper = t.allUpper, letterTok = index
            if t.letterPrefix > 0 {
                letters = t.letterPrefix
                digitCount = t.digitCount
            } else if t.isDigits, index > 0 {
                // Split form "BE 123456": a 1-2 letter token, one space or dash, digits.
                let prev = self.tokens[index - 1]
                guard prev.isWord, prev.length <= 2, prev.script == .latin, prev.allUpper, prev.cues.subtracting(.stopWord).isEmpty,
                    prev.key != "n", prev.key != "no",
                    t.start - prev.end == 1, s[prev.end] == 0x20 || s[prev.end] == 0x2D
                else { continue }
                guard (prev.start..<prev.end).allSatisfy({ NormalizedText.isASCIILetter(s[$0]) }) else { continue }
                // Not a letter that is itself a word glued to a number run.
                if index + 1 < self.tokens.count, self.tokens[index + 1].isDigits,
                    self.isNumberGap(t.end, self.tokens[index + 1].start)
                {
                    continue
                }
                letters = prev.length
                digitCount = t.length
                start = prev.start
                upper = true
                letterTok = index - 1
            } else {
                continue
            }
            let ctx = self.cues(before: letterTok, window: 6).union(self.cues(after: index, window: 2))
            let negative = self.cues(before: letterTok, window: 3).contains(.negative)
            // Glued to other codes with -, / or _ (order references like CMD-AB12345-2024).
            let glued =
                [start - 1, t.end].contains { k in
                    let c = self.scalar(k)
                    return c == 0x2D || c == 0x2F || c == 0x5F || c == 0x23 || c == 0x40
                }
            var type: EntityType
            var score: Double
            switch (letters, digitCount) {
            case (1...2, 4...6):
                type = .CIN
                score = upper && digitCount >= 5 ? 0.6 : 0.42
                if ctx.contains(.cin) { score += 0.33 } else if ctx.contains(.number) { score += 0.05 }
                if ctx.contains(.passport) || ctx.contains(.massar) { score -= 0.1 }
            case (2, 7):
                type = .PASSPORT
                score = upper ? 0.55 : 0.4
                if ctx.contains(.passport) { score += 0.4 } else if ctx.contains(.cin) || ctx.contains(.number) { score += 0.1 }
            case (1, 9):
                type = .MASSAR
                score = upper ? 0.6 : 0.45
                if ctx.contains(.massar) { score += 0.35 } else if ctx.contains(.number) { score += 0.05 }
            default:
                continue
            }
            if negative { score -= 0.35 }
            if glued { score -= 0.3 }
            self.add(type, start, t.end, score)
        }
    }

    // MARK: Dates written with month names

    mutating func recognizeTextualDates() {
        let s = self.norm.scalars
        let count = self.tokens.count
        func day(_ t: Token) -> Bool {
            if t.key == "1er" || t.key == "1st" { return true }
            return t.isDigits && t.length <= 2 && (1...31).contains(Self.value(s, t))
        }
        func year(_ t: Token) -> Bool { t.isDigits && t.length == 4 && (1900...2035).contains(Self.value(s, t)) }
        func near(_ a: Token, _ b: Token) -> Bool {
            let gap = self.norm.gap(a.end, b.start)
            return gap.count <= 2 && gap.allSatisfy { $0 == 0x20 || $0 == 0x2C || $0 == 0x2E }
        }
        // Month names carry the stop-word flag from the lexicon's one lookup (`Lexicon.index`): the month table is
        // probed only for those.
        for k in 0..<count where self.tokens[k].isStopWord && self.tokens[k].isWord && Lexicon.months[self.tokens[k].key] != nil {
            var first = -1, last = -1
            if k >= 1, k + 1 < count, day(self.tokens[k - 1]), year(self.tokens[k + 1]),
                near(self.tokens[k - 1], self.tokens[k]), near(self.tokens[k], self.tokens[k + 1])
            {
                first = k - 1
                last = k + 1
            } else if k + 2 < count, day(self.tokens[k + 1]), year(self.tokens[k + 2]),
                near(self.tokens[k], self.tokens[k + 1]), near(self.tokens[k + 1], self.tokens[k + 2])
            {
                first = k
                last = k + 2
            }
            guard first >= 0, self.cues(before: first, window: 8).contains(.birth) else { continue }
            self.add(.DATE_OF_BIRTH, self.tokens[first].start, self.tokens[last].end, 0.85)
        }
    }
}
