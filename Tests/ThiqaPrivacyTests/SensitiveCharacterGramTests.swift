import Testing

@testable import ThiqaPrivacy

@Suite("Character grams of the sensitive-data detector")
struct SensitiveCharacterGramTests {
    private func buckets(_ text: String) -> [Int] {
        SensitiveDataDetector.characterGramBuckets(text)
    }

    @Test("Base64: RFC 4648 test vectors, padding and line breaks")
    func base64() {
        #expect(SensitiveGramWeights.decodeBase64("") == [])
        #expect(SensitiveGramWeights.decodeBase64("Zg==") == Array("f".utf8))
        #expect(SensitiveGramWeights.decodeBase64("Zm9vYg==") == Array("foob".utf8))
        #expect(SensitiveGramWeights.decodeBase64("Zm9v\nYmFy") == Array("foobar".utf8))
        #expect(SensitiveGramWeights.decodeBase64("//8A+w==") == [0xFF, 0xFF, 0x00, 0xFB])
    }

    @Test("The shipped weights are trained: one byte per bucket and category, not all zero")
    func shippedWeights() {
        let weights = SensitiveGramWeights.shared.weights
        #expect(weights.count == SensitiveGramWeights.bucketCount * 9)
        #expect(weights.filter { $0 != 0 }.count > weights.count / 20)
        #expect(SensitiveGramWeights.scale > 0)
        #expect(SensitiveModel.gram != 0)
    }

    @Test("3- to 5-grams of each word with its boundaries; digit-only tokens have none")
    func gramCounts() {
        // "abc" padded is 5 scalars: three 3-grams, two 4-grams, one 5-gram.
        #expect(self.buckets("abc").count == 6)
        // "ab" padded is 4 scalars: two 3-grams and one 4-gram; "a" padded gives one 3-gram.
        #expect(self.buckets("ab").count == 3)
        #expect(self.buckets("a").count == 1)
        #expect(self.buckets("2026 12 01").isEmpty)
        #expect(self.buckets("abc, abc!") == self.buckets("abc") + self.buckets("abc"))
        #expect(self.buckets("abc").allSatisfy { (0..<SensitiveGramWeights.bucketCount).contains($0) })
        // Grams are taken from the canonical spelling (SensitiveSpelling): Arabizi digit letters read as the letters
        // they stand for, Tifinagh as its Latin transcription, doubled letters once; different letters stay apart.
        #expect(self.buckets("l7bs") == self.buckets("lhbs"))
        #expect(self.buckets("l7bs") != self.buckets("l9bs"))
        #expect(self.buckets("ⵍⵃⴱⵙ") == self.buckets("lḥbs"))
        #expect(self.buckets("ssukkar") == self.buckets("sokar"))
    }

    @Test("Grams are taken from folded words: case, accents and Arabic letter variants do not matter")
    func folding() {
        #expect(self.buckets("Grève") == self.buckets("greve"))
        #expect(self.buckets("GRÈVE") == self.buckets("grève"))
        #expect(self.buckets("أمي") == self.buckets("امي"))
        #expect(self.buckets("مدرسة") == self.buckets("مدرسه"))
        #expect(self.buckets("ضرب") != self.buckets("ضرر"))
    }

    @Test("Without letters the gram logits are the model's biases")
    func emptyText() {
        let logits = SensitiveDataDetector.characterGramLogits("12 34 ...")
        for category in SensitiveCategory.allCases {
            #expect(logits[category] == SensitiveGramWeights.bias[category.index])
        }
    }

    @Test("The gram model leans towards the category whose words a message is made of")
    func gramEvidence() {
        // Written for this test, not from the evaluation sets; each pair shares its structure and differs in the
        // sensitive words.
        let pairs: [(SensitiveCategory, String, String)] = [
            (.tradeUnion, "Nous sommes grévistes depuis lundi avec le syndicat.", "Nous sommes au guichet depuis lundi avec le dossier."),
            (.health, "عندي مرض السكري وكنتعالج بالأنسولين", "عندي موعد فالمقاطعة وكنستنى الدور"),
            (.criminalRecord, "my brother is in prison since his conviction", "my brother is in Rabat since his promotion"),
        ]
        for (category, sensitive, harmless) in pairs {
            let a = SensitiveDataDetector.characterGramLogits(sensitive)[category] ?? 0
            let b = SensitiveDataDetector.characterGramLogits(harmless)[category] ?? 0
            #expect(a > b, "\(category.rawValue): \(a) <= \(b)")
        }
    }
}
