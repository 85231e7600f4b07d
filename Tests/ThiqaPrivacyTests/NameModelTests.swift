import Testing

@testable import ThiqaPrivacy

@Suite("Names: the learned model where the rules are unsure")
struct NameModelTests {
    let scanner = PrivacyScanner(types: [.PERSON])

    @Test("The generated weights load, and the model is switched on for given names without a cue")
    func weightsLoad() {
        #expect(NameModel.isLoaded)
        #expect(NameModel.weights.contains { $0 != 0 })
        #expect(NameModelWeights.threshold.count == 3)
        #expect(NameModelWeights.threshold[0] < NameModel.disabled)
    }

    @Test("Feature buckets stay inside the table and differ between templates")
    func buckets() {
        let key = WordKey(stringLiteral: "karim").value
        let a = NameModel.bucket(.word, key)
        let b = NameModel.bucket(.previous, key)
        #expect((0..<NameModelWeights.bucketCount).contains(a))
        #expect((0..<NameModelWeights.bucketCount).contains(b))
        #expect(a != b)
    }

    @Test("Bad weights text fails loudly rather than loading a short table")
    func decode() {
        let weights = NameModel.decode("0001 ffff 8000", count: 3, scale: 0.5)
        #expect(weights == [0.5, -0.5, -16384])
    }

    @Test(
        "A name that is also a word, with no cue, is found by the model; its twin used as a word is not",
        arguments: [
            ("اتصلت حنان بالمكتب صباحا.", "حنان", "وجدنا حنان كبير عند الممرضات."),
            ("وصل كريم إلى المكتب متأخرا.", "كريم", "هذا رجل كريم جدا."),
            ("Tlkmd Tiziri s tmdint idgam.", "Tiziri", "Tiziri tfulki ɣ yiḍ ad."),
        ]
    )
    func wordNameWithoutCue(name: String, expected: String, twin: String) {
        let found = self.scanner.scan(name)
        #expect(found.map(\.text) == [expected])
        // The twin's word is put to the model (the rules leave it undecided) and the model says no.
        #expect(PrivacyScanner.nameModelCandidates(twin).contains { $0.candidateClass == 0 })
        #expect(self.scanner.scan(twin).isEmpty)
        // The rules alone leave the name undecided: the model made the finding.
        #expect(PrivacyScanner.nameModelCandidates(name).contains { $0.candidateClass == 0 })
    }

    @Test("Structured identifiers and names after a cue never reach the model")
    func notAskedWhereRulesDecide() {
        #expect(PrivacyScanner.nameModelCandidates("CIN AB123456, tél 0612345678").isEmpty)
        let traced = PrivacyScanner().nameModelTrace("Mon fils Karim est malade.")
        #expect(traced.candidates.allSatisfy { $0.candidateClass != 0 })
        #expect(traced.ruleFindings.map(\.text) == ["Karim"])
        let full = PrivacyScanner().scan("Ma CIN est AB123456 et mon fils Karim est malade.")
        #expect(full.contains { $0.type == .CIN && $0.text == "AB123456" })
    }
}
