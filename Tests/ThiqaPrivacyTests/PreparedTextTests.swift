import Testing

@testable import ThiqaPrivacy

@Suite("A text prepared once for the scan and the sensitive-data assessment")
struct PreparedTextTests {
    /// Messages in every supported script with personal and sensitive data, and random texts with every trap.
    private static let messages: [String] = [
        "Mon fils Youssef Alami, CIN BE123456, a un diabète de type 1 et prend de l'insuline tous les jours.",
        "Mon fils Youssef Alami, CIN BE123456, est suivi pour un diabète de type 1 à l'hôpital Ibn Sina.",
        "ولدي كيتعالج من السرطان، رقم الهاتف ديالي 0661234567 والبطاقة الوطنية AB123456",
        "Wldi Ayoub kaydir dialyse kol nhar, 3afak 3ayet liya f 06 61 23 45 67",
        "ⴰⵣⵓⵍ, ⵉⵙⵎ ⵉⵏⵓ ⵢⵓⴱⴰ, ⵓⵍⵜⵎⴰ ⵜⴰⵎⵓⴹⵉⵏ ⵙ ⵓⴽⵓⵕ.",
        "Azul, nekk d Mennad, yemma tettwaṭṭef s aṭan n wul.",
        "My husband Karim was convicted in 2019; his IBAN is MA64 0115 1900 0001 2050 0053 4921.\nRegards,\nSara Bennani",
        "Boulevard Mohammed V, Casablanca: how do I get a criminal-record extract?",
        "",
    ]

    private static var texts: [String] {
        var rng = SeededGenerator(seed: 2026)
        return Self.messages + (0..<200).map { _ in Pieces.randomText(&rng) }
    }

    @Test("The UTF-8 decoder behind the preparation gives the string's own scalars, in every script and length")
    func scalarsAsTheStringHasThem() {
        var rng = SeededGenerator(seed: 909)
        // One to four UTF-8 bytes: ASCII, Latin accents, Arabic, Tifinagh, an emoji and a combining mark.
        let samples = ["", "a", "é", "ث", "ⵣ", "😀", "e\u{301}", "Azul ⴰⵣⵓⵍ سلام Ça va 👋🏽 \u{200F}x"] + Self.texts
            + (0..<100).map { _ in Pieces.randomText(&rng) }
        for text in samples {
            #expect(UTF8Builder.scalars(of: text) == Array(text.unicodeScalars), "\(text.debugDescription)")
            let norm = NormalizedText(text)
            #expect(norm.original == Array(text.unicodeScalars))
            #expect(norm.scalars.count == norm.origin.count)
            #expect(zip(norm.scalars, norm.origin).allSatisfy { scalar, index in NormalizedText.normalize(norm.original[index].value) == scalar })
        }
    }

    @Test("The scan, the pseudonymiser and the assessment give the same answers from a prepared text")
    func sameAnswers() throws {
        let scanner = PrivacyScanner()
        let pseudonymizer = Pseudonymizer(scanner: scanner)
        let detector = SensitiveDataDetector()
        for text in Self.texts {
            let prepared = PreparedText(text)
            #expect(prepared.text == text)
            #expect(scanner.scan(prepared) == scanner.scan(text), "\(text.debugDescription)")
            #expect(try pseudonymizer.pseudonymize(prepared) == pseudonymizer.pseudonymize(text), "\(text.debugDescription)")
            #expect(detector.assess(prepared) == detector.assess(text), "\(text.debugDescription)")
            #expect(detector.assess(prepared, language: "ary-Latn") == detector.assess(text, language: "ary-Latn"))
        }
        // One prepared text read twice: neither reader changes what the other sees.
        let prepared = PreparedText(Self.messages[0])
        let first = scanner.scan(prepared)
        _ = detector.assess(prepared)
        #expect(scanner.scan(prepared) == first)
        #expect(first.contains { $0.type == .PERSON } && first.contains { $0.type == .CIN })
        #expect(detector.assess(prepared).categories(threshold: detector.thresholds.sensitive).contains(.health))
    }

    @Test("The gram logits (vector sums) equal the plain sum over the buckets' weights")
    func gramLogitsMatchPlainSum() {
        let weights = SensitiveGramWeights.shared.weights
        for text in Self.texts {
            let buckets = SensitiveDataDetector.characterGramBuckets(text)
            var sums = [Int](repeating: 0, count: 9)
            for bucket in buckets {
                for c in 0..<9 { sums[c] += Int(weights[bucket * 9 + c]) }
            }
            let factor = buckets.isEmpty ? 0 : SensitiveGramWeights.scale / Double(buckets.count).squareRoot()
            let logits = SensitiveDataDetector.characterGramLogits(text)
            for category in SensitiveCategory.allCases {
                let c = category.index
                #expect(logits[category] == SensitiveGramWeights.bias[c] + factor * Double(sums[c]), "\(text.debugDescription) \(category)")
            }
        }
    }
}
