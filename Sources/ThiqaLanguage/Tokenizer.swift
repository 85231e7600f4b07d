/// One word of the input, normalised for matching: lower case; Arabic without diacritics or tatweel, with one alef,
/// ya and ha; Arabic-Indic digits as ASCII; curly apostrophes straight.
struct Token: Sendable, Equatable {
    var scalars: [Unicode.Scalar]
    var script: Script
    var letterCount: Int
    /// Two to five letters, all capitals in the original (CNSS, AMO, CIN): an acronym says little about the language
    /// around it. Longer words in capitals are a shouted message, not acronyms.
    var isAcronym: Bool
}

enum Tokenizer {
    static func tokens(_ text: String) -> [Token] {
        var out: [Token] = []
        var current: [Unicode.Scalar] = []
        var counts = [0, 0, 0, 0]
        var upper = 0
        var lower = 0

        func flush() {
            while let last = current.last, last == "'" { current.removeLast() }
            let letters = counts.reduce(0, +)
            if letters > 0 {
                var best = 0
                for index in 1..<counts.count where counts[index] > counts[best] { best = index }
                let script = Script(rawValue: best) ?? .other
                out.append(Token(scalars: current, script: script, letterCount: letters, isAcronym: upper >= 2 && lower == 0 && letters <= 5))
            }
            current.removeAll(keepingCapacity: true)
            counts = [0, 0, 0, 0]
            upper = 0
            lower = 0
        }

        for scalar in text.unicodeScalars {
            let v = scalar.value
            // Arabic diacritics, Quranic marks and tatweel vanish without splitting the word.
            if (0x64B...0x652).contains(v) || v == 0x670 || v == 0x640 || (0x6D6...0x6ED).contains(v) { continue }
            if let script = Script(letter: scalar) {
                counts[script.rawValue] += 1
                switch script {
                case .arabic, .tifinagh:
                    // Caseless scripts.
                    lower += 1
                    current.append(Self.foldedArabic(scalar))
                case .latin, .other:
                    if v < 0x80 {
                        if v <= 0x5A { upper += 1 } else { lower += 1 }
                    } else if scalar.properties.isUppercase {
                        upper += 1
                    } else {
                        lower += 1
                    }
                    Self.appendLowercased(scalar, to: &current)
                }
                continue
            }
            switch v {
            case 0x30...0x39:
                current.append(scalar)
            case 0x660...0x669:
                current.append(Unicode.Scalar(v - 0x660 + 0x30)!)
            case 0x6F0...0x6F9:
                current.append(Unicode.Scalar(v - 0x6F0 + 0x30)!)
            case 0x27, 0x2019, 0x2BC, 0x60:
                // An apostrophe joins elided words (l'adresse, j'ai) but never starts a word.
                if !current.isEmpty { current.append("'") }
            case 0x0...0x7F:
                flush()
            default:
                if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark {
                    if !current.isEmpty { current.append(scalar) }
                } else {
                    flush()
                }
            }
        }
        flush()
        return out
    }

    private static func foldedArabic(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x622, 0x623, 0x625, 0x671: "\u{627}"  // آ أ إ ٱ → ا
        case 0x649, 0x6CC: "\u{64A}"  // ى ی → ي
        case 0x629: "\u{647}"  // ة → ه
        case 0x6A9: "\u{643}"  // ک → ك
        default: scalar
        }
    }

    private static func appendLowercased(_ scalar: Unicode.Scalar, to out: inout [Unicode.Scalar]) {
        let v = scalar.value
        if v < 0x80 {
            out.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 0x20)! : scalar)
        } else if scalar.properties.changesWhenLowercased {
            out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        } else {
            out.append(scalar)
        }
    }
}
