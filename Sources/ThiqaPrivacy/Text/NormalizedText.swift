/// A text prepared for matching: digits folded to ASCII, invisible controls and Arabic diacritics dropped,
/// spaces and dashes unified. Every normalised scalar remembers its index in the original string, so findings
/// are reported in original Unicode-scalar offsets.
struct NormalizedText {
    static let dropped: UInt32 = 0xFFFF_FFFF

    let original: [Unicode.Scalar]
    private(set) var scalars: [UInt32] = []
    private(set) var origin: [Int] = []
    /// Whether the text has a line break (signature lines need one), noted while normalising: a second pass over the
    /// scalars, even sixteen at a time, was 0.5 % of a scan.
    private(set) var hasLineBreak = false

    init(_ text: String) {
        self.original = UTF8Builder.scalars(of: text)
        self.scalars.reserveCapacity(self.original.count)
        self.origin.reserveCapacity(self.original.count)
        var lineBreak = false
        for (index, scalar) in self.original.enumerated() {
            let mapped = Self.normalize(scalar.value)
            if mapped != Self.dropped {
                lineBreak = lineBreak || mapped == 0x0A
                self.scalars.append(mapped)
                self.origin.append(index)
            }
        }
        self.hasLineBreak = lineBreak
    }

    var count: Int { self.scalars.count }

    /// Original scalar range covering normalised `[start, end)`.
    func originalRange(_ start: Int, _ end: Int) -> Range<Int> {
        self.origin[start]..<(self.origin[end - 1] + 1)
    }

    func originalText(_ range: Range<Int>) -> String {
        UTF8Builder.string(self.original[range])
    }

    /// Maps one scalar to its matching form, or `dropped`.
    static func normalize(_ v: UInt32) -> UInt32 {
        if v < 0x80 { return v }
        switch v {
        case 0x0660...0x0669: return v - 0x0660 + 0x30  // Arabic-Indic digits
        case 0x06F0...0x06F9: return v - 0x06F0 + 0x30  // Eastern Arabic digits
        case 0xFF10...0xFF19: return v - 0xFF10 + 0x30  // full-width digits
        case 0xFF21...0xFF3A, 0xFF41...0xFF5A: return v - 0xFF21 + 0x41  // full-width Latin letters
        case 0xFF0B: return 0x2B  // ＋
        case 0xFF20: return 0x40  // ＠
        case 0xFF0E: return 0x2E
        case 0x066B: return 0x2E  // Arabic decimal separator
        case 0x066C: return 0x2C  // Arabic thousands separator
        case 0x060C: return 0x2C  // Arabic comma
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return 0x20
        case 0x2010...0x2015, 0x2212, 0xFE63, 0xFF0D: return 0x2D
        case 0x2018, 0x2019, 0x02BC: return 0x27
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0x061C, 0xFEFF, 0x00AD: return Self.dropped
        case 0x0640: return Self.dropped  // tatweel
        case 0x064B...0x0652, 0x0670, 0x06D6...0x06ED: return Self.dropped  // harakat, Quranic marks
        default: return v
        }
    }

    /// Folds a normalised scalar for dictionary keys: lower case, accents off, Arabic letter variants unified.
    /// Returns 0 for scalars that vanish from keys (combining marks).
    @inline(__always)
    static func fold(_ v: UInt32) -> UInt32 {
        if v < 0x80 {
            return (v >= 0x41 && v <= 0x5A) ? v + 0x20 : v
        }
        switch v {
        case 0xC0...0xC5, 0xE0...0xE5: return 0x61
        case 0xC7, 0xE7: return 0x63
        case 0xC8...0xCB, 0xE8...0xEB: return 0x65
        case 0xCC...0xCF, 0xEC...0xEF: return 0x69
        case 0xD1, 0xF1: return 0x6E
        case 0xD2...0xD6, 0xF2...0xF6: return 0x6F
        case 0xD9...0xDC, 0xF9...0xFC: return 0x75
        case 0xDD, 0xFD, 0xFF: return 0x79
        case 0x0300...0x036F: return 0
        case 0x1E0C, 0x1E0D: return 0x64  // ḍ
        case 0x1E24, 0x1E25: return 0x68  // ḥ
        case 0x1E5A, 0x1E5B: return 0x72  // ṛ
        case 0x1E62, 0x1E63: return 0x73  // ṣ
        case 0x1E6C, 0x1E6D: return 0x74  // ṭ
        case 0x1E92, 0x1E93: return 0x7A  // ẓ
        case 0x0190: return 0x025B  // Ɛ
        case 0x0194: return 0x0263  // Ɣ
        case 0x0622, 0x0623, 0x0625, 0x0671: return 0x0627  // alef variants
        case 0x0649, 0x06CC: return 0x064A  // alef maksura, Persian yeh
        case 0x0629: return 0x0647  // teh marbuta
        case 0x06A9, 0x06AD, 0x06AF: return 0x0643  // keheh, ng, gaf
        default: return v
        }
    }

    @inline(__always)
    static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    @inline(__always)
    static func isASCIILetter(_ v: UInt32) -> Bool { (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }

    /// Letters of any script, and combining marks (which continue a word).
    @inline(__always)
    static func isWordScalar(_ v: UInt32) -> Bool {
        if v < 0x80 { return Self.isASCIILetter(v) }
        if v < 0xC0 { return v == 0xAA || v == 0xB5 || v == 0xBA }
        if v == 0xD7 || v == 0xF7 { return false }
        if v < 0x250 { return true }
        if v >= 0x0600 && v <= 0x06FF { return (v >= 0x0620 && v <= 0x064A) || (v >= 0x066E && v <= 0x06D3) || v == 0x06D5 }
        if v >= 0x2D30 && v <= 0x2D7F { return true }  // Tifinagh
        guard let scalar = Unicode.Scalar(v) else { return false }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}

enum Script: UInt8, Sendable {
    case none, latin, arabic, tifinagh, other

    static func of(_ v: UInt32) -> Script {
        if v < 0x80 { return NormalizedText.isASCIILetter(v) ? .latin : .none }
        if v < 0x250 || (v >= 0x1E00 && v <= 0x1EFF) { return .latin }
        if v >= 0x0600 && v <= 0x06FF { return .arabic }
        if v >= 0x2D30 && v <= 0x2D7F { return .tifinagh }
        return .other
    }
}

/// A run of letters and/or digits in the normalised text.
struct Token {
    var start: Int
    var end: Int
    var key: WordKey
    var digitCount: Int
    var letterCount: Int
    /// Number of leading ASCII letters when the token is exactly letters followed by digits, else -1.
    var letterPrefix: Int
    var firstUpper: Bool
    var allUpper: Bool
    var script: Script
    /// What the name lexicon says the word is, from the same lookup that found its cues (`Lexicon.index`). Declared
    /// before `cues` so that it fits in the padding: the token stays 56 bytes.
    var name: NameKind = []
    var cues: Cue = []

    /// A stop word or a month name: it ends a name or an address (`Cue.stopWord`, set from the same lookup).
    var isStopWord: Bool { self.cues.contains(.stopWord) }

    var isDigits: Bool { self.letterCount == 0 }
    var isWord: Bool { self.digitCount == 0 }
    var length: Int { self.end - self.start }
}

extension NormalizedText {
    /// Splits the normalised text into tokens in one pass.
    func tokenize() -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(self.scalars.count / 4 + 1)
        let n = self.scalars.count
        var i = 0
        while i < n {
            let v = self.scalars[i]
            let digit = Self.isDigit(v)
            if !digit && !Self.isWordScalar(v) {
                i += 1
                continue
            }
            let start = i
            var hash = WordKey.offsetBasis
            var digits = 0
            var letters = 0
            var upper = 0
            var latinLetters = 0
            var script = Script.none
            var phase = 0  // 0: leading ASCII letters, 1: digits after letters, 2: other shape
            var prefix = 0
            while i < n {
                let c = self.scalars[i]
                if Self.isDigit(c) {
                    digits += 1
                    if phase == 0 { phase = prefix > 0 ? 1 : 2 }
                } else if Self.isWordScalar(c) {
                    letters += 1
                    if Self.isASCIILetter(c) {
                        latinLetters += 1
                        if c < 0x61 { upper += 1 }
                        if phase == 0 { prefix += 1 } else { phase = 2 }
                    } else {
                        phase = 2
                    }
                    if script == .none { script = Script.of(c) }
                } else {
                    break
                }
                let f = Self.fold(c)
                if f != 0 { hash = WordKey.mix(hash, f) }
                i += 1
            }
            let first = self.scalars[start]
            tokens.append(
                Token(
                    start: start,
                    end: i,
                    key: WordKey(value: hash),
                    digitCount: digits,
                    letterCount: letters,
                    letterPrefix: (phase == 1 && prefix > 0) ? prefix : -1,
                    firstUpper: Self.isASCIILetter(first) && first < 0x61,
                    allUpper: latinLetters > 0 && upper == latinLetters,
                    script: script
                )
            )
        }
        return tokens
    }

    /// The folded scalars of a token (for affix stripping).
    func folded(_ token: Token) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(token.length)
        for k in token.start..<token.end {
            let f = Self.fold(self.scalars[k])
            if f != 0 { out.append(f) }
        }
        return out
    }

    /// The normalised scalars between two token positions.
    @inline(__always)
    func gap(_ from: Int, _ to: Int) -> ArraySlice<UInt32> { self.scalars[from..<to] }
}
