/// The writing systems the identifier separates before any statistics: each has its own candidate languages.
enum Script: Int, Sendable, CaseIterable {
    case latin, arabic, tifinagh, other

    /// The script of a letter; `nil` for anything that is not a letter (digits, marks, punctuation).
    init?(letter scalar: Unicode.Scalar) {
        let v = scalar.value
        // The common blocks first, without Unicode property look-ups (they dominated the tokenizer's time).
        switch v {
        case 0x61...0x7A, 0x41...0x5A:
            self = .latin
            return
        case 0x620...0x63F, 0x641...0x64A:
            self = .arabic
            return
        case 0x0...0x7F:
            return nil
        default:
            break
        }
        switch v {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x250...0x2AF, 0x1D00...0x1DBF, 0x1E00...0x1EFF:
            self = .latin
        case 0x2B0...0x2FF:
            // Modifier letters such as the labialisation mark ʷ (gʷ) belong to Latin-script Amazigh.
            guard scalar.properties.isAlphabetic else { return nil }
            self = .latin
        case 0x621...0x64A, 0x66E...0x66F, 0x671...0x6D3, 0x6D5, 0x6EE...0x6EF, 0x6FA...0x6FF, 0x750...0x77F, 0x8A0...0x8FF,
            0xFB50...0xFDFF, 0xFE70...0xFEFF:
            guard scalar.properties.isAlphabetic else { return nil }
            self = .arabic
        case 0x2D30...0x2D6F:
            self = .tifinagh
        default:
            guard scalar.properties.isAlphabetic, !scalar.properties.isWhitespace else { return nil }
            self = .other
        }
    }
}
