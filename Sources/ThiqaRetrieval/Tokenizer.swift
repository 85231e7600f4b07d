/// Writing system of one word, after folding.
public enum Script: Sendable, Hashable {
    case latin, arabic, tifinagh, digits, other

    static func of(_ scalar: Unicode.Scalar) -> Script? {
        switch scalar.value {
        case 0x30...0x39: .digits
        case 0x61...0x7A, 0x00DF...0x024F: .latin
        case 0x0620...0x064A, 0x066E...0x06D3, 0x06FA...0x06FF: .arabic
        case 0x2D30...0x2D6F: .tifinagh
        default: scalar.properties.isAlphabetic ? .other : nil
        }
    }
}

/// A word of folded text. Latin words may carry Arabizi digits (`3afak`, `n9ad`); digits glued to Arabic or
/// Tifinagh letters are split off, since those scripts never use digits as letters.
public struct Word: Sendable, Hashable {
    public var text: String
    public var script: Script
}

public enum Tokenizer {
    /// Splits folded text into words at spaces, punctuation and script changes.
    public static func words(_ folded: String) -> [Word] {
        var words: [Word] = []
        var current = String.UnicodeScalarView()
        var currentScript: Script?
        var hasLetters = false
        func flush() {
            if !current.isEmpty, let script = currentScript {
                words.append(Word(text: String(current), script: hasLetters ? script : .digits))
            }
            current = String.UnicodeScalarView()
            currentScript = nil
            hasLetters = false
        }
        for scalar in folded.unicodeScalars {
            guard let script = Script.of(scalar) else {
                flush()
                continue
            }
            if script == .digits {
                // Digits join a Latin word (Arabizi) or a number; they end an Arabic or Tifinagh word.
                if let currentScript, currentScript != .latin, currentScript != .digits { flush() }
                if currentScript == nil { currentScript = .digits }
                current.append(scalar)
                continue
            }
            if let currentScript, currentScript != script {
                if currentScript == .digits, script == .latin {
                    // `3afak`: a Latin word starting with Arabizi digits.
                } else {
                    flush()
                }
            }
            if currentScript == nil || currentScript == .digits { currentScript = script }
            hasLetters = true
            current.append(scalar)
        }
        flush()
        return words
    }
}
