@testable import ThiqaPrivacy

/// SplitMix64: a small seeded generator so property tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { self.state = seed }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Pieces random texts are built from: every script and trap the scanner must survive.
enum Pieces {
    static let fragments: [String] = [
        " ", "  ", "\n", ",", ".", ":", "-", "/", "+", "(", ")", "<", ">", "@", "°", "'", "\"", "\\", "\t", "_", "#",
        "CIN", "BE123456", "bh556721", "tel", "06 61 23 45 67", "+212 6 61 23 45 67", "00212661234567", "٠٦٦١٢٣٤٥٦٧",
        "۰۶۶۱۲۳۴۵۶۷", "fatima@example.ma", "MA64 0115 1900 0001 2050 0053 4921", "011519000001205000534921",
        "4111 1111 1111 1111", "001561191000066", "192.168.1.20", "D130245678", "AB1234567", "né le 12/03/1987",
        "M. Alaoui", "ana smiti youssef", "سميتي محمد", "12 rue Ibn Sina", "زنقة ابن سينا رقم 12", "حي السلام",
        "البطاقة الوطنية", "رقم", "ⵜⴰⴽⴰⵔⴹⴰ", "ⴰⵣⵓⵍ", "ⵉⵙⵎ ⵉⵏⵓ ⵢⵓⴱⴰ", "Azul", "3afak", "nmra", "loi 09-08", "2-23-1047",
        "1 500 DH", "2024", "<CIN_1>", "<PHONE_", "PHONE_2>", "<DATE_OF_BIRTH_1>", "<<", ">>",
        "👋", "🇲🇦", "👨‍👩‍👧", "🙏🏽", "e\u{301}", "\u{301}", "\u{0651}", "\u{064E}", "\u{0640}", "\u{200E}", "\u{200F}", "\u{202B}",
        "\u{202C}", "\u{2066}", "\u{2069}", "\u{200D}", "\u{200C}", "\u{FEFF}", "\u{00A0}", "\u{2212}", "\u{FF10}\u{FF16}",
        "ﺍﻟﺴﻼﻡ", "ڭ", "ⵯ", "\u{2D7F}", "\u{0000}", "\u{FFFD}", "\u{10FFFF}", "𝔸", "한국어", "日本",
    ]

    static func randomScalar(_ rng: inout SeededGenerator) -> Unicode.Scalar {
        let ranges: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0x0600...0x06FF, 0x2D30...0x2D7F, 0x0300...0x036F, 0x1F300...0x1FAFF, 0x2000...0x206F, 0x0660...0x0669,
            0x06F0...0x06F9, 0xFB50...0xFDFF, 0xFE70...0xFEFF, 0x00A0...0x024F, 0x1E00...0x1EFF,
        ]
        while true {
            let range = ranges[Int.random(in: 0..<ranges.count, using: &rng)]
            if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &rng)) { return scalar }
        }
    }

    static func randomText(_ rng: inout SeededGenerator, maxPieces: Int = 30) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...maxPieces, using: &rng) {
            if Bool.random(using: &rng) {
                text += Self.fragments[Int.random(in: 0..<Self.fragments.count, using: &rng)]
            } else {
                text.unicodeScalars.append(Self.randomScalar(&rng))
            }
        }
        return text
    }
}

extension PrivacyScanner {
    func types(_ text: String) -> [EntityType] { self.scan(text).map(\.type) }

    func texts(_ text: String, _ type: EntityType) -> [String] { self.scan(text).filter { $0.type == type }.map(\.text) }
}

/// Checks the structural promises of `scan`: valid offsets, matching text, sorted, non-overlapping.
func findingsAreWellFormed(_ findings: [Finding], in text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    var previousEnd = 0
    for finding in findings {
        guard finding.start >= previousEnd, finding.start < finding.end, finding.end <= scalars.count else { return false }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[finding.start..<finding.end])
        guard String(view) == finding.text, finding.score >= 0, finding.score <= 1 else { return false }
        previousEnd = finding.end
    }
    return true
}
