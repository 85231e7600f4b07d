/// Check-digit algorithms over ASCII digit/letter values (`0x30...0x39`, `A-Z`, `a-z`).
enum Checksums {
    /// Remainder of the decimal number written by `digits` modulo 97.
    static func mod97<C: Collection>(_ digits: C) -> Int where C.Element == UInt32 {
        var r = 0
        for d in digits { r = (r * 10 + Int(d - 0x30)) % 97 }
        return r
    }

    /// Luhn check (payment cards).
    static func luhn<C: BidirectionalCollection>(_ digits: C) -> Bool where C.Element == UInt32 {
        var sum = 0
        var double = false
        for d in digits.reversed() {
            var v = Int(d - 0x30)
            if double {
                v *= 2
                if v > 9 { v -= 9 }
            }
            sum += v
            double.toggle()
        }
        return sum % 10 == 0
    }

    /// ISO 13616 IBAN check over compact upper/lower-case alphanumerics: rearranged number mod 97 == 1.
    static func ibanValid(_ chars: [UInt32]) -> Bool {
        guard chars.count >= 15, chars.count <= 34 else { return false }
        var r = 0
        for i in 0..<chars.count {
            let c = chars[(i + 4) % chars.count]
            if NormalizedText.isDigit(c) {
                r = (r * 10 + Int(c - 0x30)) % 97
            } else if NormalizedText.isASCIILetter(c) {
                let v = Int((c | 0x20) - 0x61) + 10
                r = (r * 100 + v) % 97
            } else {
                return false
            }
        }
        return r == 1
    }

    /// Known IBAN lengths by country (others: 15...34 accepted).
    static let ibanLengths: [String: Int] = [
        "MA": 28, "FR": 27, "ES": 24, "DE": 22, "GB": 22, "BE": 16, "NL": 18, "IT": 27, "CH": 21, "PT": 25, "LU": 20,
        "AT": 20, "IE": 22, "DZ": 26, "TN": 24, "SA": 24, "AE": 23, "TR": 26, "SE": 24, "NO": 15, "DK": 18, "PL": 28,
        "MC": 27, "SN": 28, "CI": 28, "MR": 27, "EG": 29, "QA": 29,
    ]
}
