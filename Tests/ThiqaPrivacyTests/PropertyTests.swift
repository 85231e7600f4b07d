import Testing

@testable import ThiqaPrivacy

@Suite("Properties on arbitrary Unicode input")
struct PropertyTests {
    @Test("Offsets are valid and findings well-formed on random text", arguments: 0..<8)
    func wellFormed(seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed) &* 7919 &+ 1)
        let scanner = PrivacyScanner(minimumScore: 0)
        let detector = SensitiveCategoryDetector()
        for _ in 0..<250 {
            let text = Pieces.randomText(&rng)
            let findings = scanner.scan(text)
            #expect(findingsAreWellFormed(findings, in: text), "\(text.debugDescription)")
            let count = text.unicodeScalars.count
            for f in detector.detect(text) {
                #expect(f.start >= 0 && f.start < f.end && f.end <= count)
            }
        }
    }

    @Test("Empty, whitespace-only and control-only texts")
    func degenerate() {
        let scanner = PrivacyScanner()
        for text in ["", " ", "\n\n", "\u{200F}\u{200E}\u{202B}", "\u{0640}\u{0651}", "\u{0000}", "@", "+", "<>", "٠"] {
            #expect(findingsAreWellFormed(scanner.scan(text), in: text))
        }
        #expect(scanner.scan("").isEmpty)
        #expect(SensitiveCategoryDetector().detect("").isEmpty)
    }

    @Test("A 1 MB text scans without crashing and with valid offsets")
    func oneMegabyte() {
        var rng = SeededGenerator(seed: 42)
        var text = ""
        while text.utf8.count < 1_000_000 { text += Pieces.randomText(&rng, maxPieces: 60) }
        let findings = PrivacyScanner().scan(text)
        #expect(!findings.isEmpty)
        #expect(findingsAreWellFormed(findings, in: text))
    }

    @Test("Anonymise then restore returns the original", arguments: 0..<4)
    func roundTrip(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed) &+ 1000)
        let pseudonymizer = Pseudonymizer(scanner: PrivacyScanner(minimumScore: 0))
        var mapping = PseudonymMapping()
        for _ in 0..<200 {
            let text = Pieces.randomText(&rng)
            let result = try pseudonymizer.pseudonymize(text, mapping: mapping)
            mapping = result.mapping
            #expect(PlaceholderRestorer(mapping: mapping).restore(result.text) == text, "\(text.debugDescription)")
            for finding in result.findings { #expect(!result.text.contains(finding.text) || finding.text.count < 3 || text.components(finding.text) > 1) }
        }
    }

    @Test("Streaming restore equals one-shot restore for random chunkings", arguments: 0..<4)
    func streamingRandom(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed) &+ 5000)
        let pseudonymizer = Pseudonymizer(scanner: PrivacyScanner(minimumScore: 0))
        for _ in 0..<100 {
            let text = Pieces.randomText(&rng)
            let result = try pseudonymizer.pseudonymize(text)
            let scalars = Array(result.text.unicodeScalars)
            var restorer = StreamingPlaceholderRestorer(mapping: result.mapping)
            var out = ""
            var i = 0
            while i < scalars.count {
                let j = min(scalars.count, i + Int.random(in: 1...6, using: &rng))
                out += restorer.feed(String(String.UnicodeScalarView(scalars[i..<j])))
                i = j
            }
            out += restorer.finish()
            #expect(out == text)
        }
    }
}

extension String {
    /// Number of non-overlapping occurrences of `needle` (scalar-wise), for the leak check.
    func components(_ needle: String) -> Int {
        let hay = Array(self.unicodeScalars), n = Array(needle.unicodeScalars)
        guard !n.isEmpty, hay.count >= n.count else { return 0 }
        var count = 0, i = 0
        while i + n.count <= hay.count {
            if Array(hay[i..<(i + n.count)]) == n {
                count += 1
                i += n.count
            } else {
                i += 1
            }
        }
        return count
    }
}
