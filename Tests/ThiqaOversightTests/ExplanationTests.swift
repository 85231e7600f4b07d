import Foundation
import Testing
import ThiqaCore
import ThiqaGovernance
import ThiqaLedger
import ThiqaOversight

@Suite struct ExplanationTests {
    static func determination(_ facts: ExplanationFacts = ReviewLifecycleTests.facts(), language: DisclosureLanguage = .fr) throws -> Determination {
        Determination(
            tenant: try TenantID("test"), useCase: try UseCaseID("benefits"), interactionID: "int_x", receiptHash: "00", subjectID: nil,
            hold: .afterModel, holdReason: "human_oversight", createdAt: ReviewLifecycleTests.start, reviewDeadline: nil,
            requiresSecondReview: true, facts: facts, language: language
        )
    }

    @Test(arguments: DisclosureLanguage.allCases)
    func everyLanguageSaysEveryFactInItsScript(_ language: DisclosureLanguage) throws {
        let held = ExplanationSummary.render(try Self.determination(language: language))
        #expect(held.language == language)
        #expect(held.direction == (language.isRightToLeft ? "rtl" : "ltr"))
        #expect(held.text.contains("Aide au logement") && held.text.contains("gemma-3-270m") && held.text.contains("7"))
        let letters = held.text.unicodeScalars.filter { $0.properties.isAlphabetic }
        switch language {
        case .ar, .aryArab:
            #expect(letters.contains { (0x0600...0x06FF).contains($0.value) }, "Arabic script")
        case .zghTfng:
            #expect(letters.contains { (0x2D30...0x2D7F).contains($0.value) }, "Tifinagh")
        default:
            #expect(!letters.contains { (0x0600...0x06FF).contains($0.value) || (0x2D30...0x2D7F).contains($0.value) })
        }
        // Each status has its own sentence.
        var statuses: Set<String> = [held.text]
        var approved = try Self.determination(language: language)
        _ = try approved.apply(.approve(note: nil), by: ReviewLifecycleTests.reviewer, at: ReviewLifecycleTests.start)
        statuses.insert(ExplanationSummary.render(approved).text)
        _ = try approved.apply(.approve(note: nil), by: ReviewLifecycleTests.dpo, at: ReviewLifecycleTests.start)
        statuses.insert(ExplanationSummary.render(approved).text)
        var rejected = try Self.determination(language: language)
        _ = try rejected.apply(.reject(reason: "dossier incomplet"), by: ReviewLifecycleTests.reviewer, at: ReviewLifecycleTests.start)
        _ = try rejected.apply(.approve(note: nil), by: ReviewLifecycleTests.dpo, at: ReviewLifecycleTests.start)
        let rejectedText = ExplanationSummary.render(rejected).text
        statuses.insert(rejectedText)
        #expect(statuses.count == 4)
        #expect(rejectedText.contains("dossier incomplet"), "the reviewer's reason is told")
    }

    @Test func frenchIsWrittenWithItsAccents() throws {
        var determination = try Self.determination()
        _ = try determination.apply(.approve(note: nil), by: ReviewLifecycleTests.reviewer, at: ReviewLifecycleTests.start)
        _ = try determination.apply(.approve(note: nil), by: ReviewLifecycleTests.dpo, at: ReviewLifecycleTests.start)
        let text = ExplanationSummary.render(determination).text
        #expect(text.contains("Deux personnes l’ont examinée et l’ont approuvée."))
        #expect(text.contains("Niveau de risque\u{00A0}: élevé."))
        #expect(text.contains("Vos données personnelles ont été masquées"))
        #expect(text.contains("au Maroc"))
    }

    @Test func changingOneRecordedFactChangesTheExplanation() throws {
        let base = ReviewLifecycleTests.facts()
        let before = ExplanationSummary.render(try Self.determination(base)).text
        var abroad = base
        abroad.jurisdiction = "FR"
        let after = ExplanationSummary.render(try Self.determination(abroad)).text
        #expect(before != after)
        #expect(after.contains("hors du Maroc (FR)") && !before.contains("hors du Maroc"))
        var unmasked = base
        unmasked.actions = []
        #expect(!ExplanationSummary.render(try Self.determination(unmasked)).text.contains("masquées"))
        var newer = base
        newer.registryVersion = 8
        #expect(ExplanationSummary.render(try Self.determination(newer)).text.contains("version 8"))
        var sovereign = base
        sovereign.actions.append("route:sovereign-only")
        #expect(ExplanationSummary.render(try Self.determination(sovereign)).text.contains("serveur souverain"))
    }

    @Test func rightToLeftTextIsolatesLatinNames() throws {
        let text = ExplanationSummary.render(try Self.determination(language: .ar)).text
        #expect(text.contains("\u{2068}gemma-3-270m\u{2069}"))
    }

    @Test(arguments: DisclosureLanguage.allCases)
    func thePendingMessageExistsInEveryLanguage(_ language: DisclosureLanguage) {
        let message = ExplanationSummary.pendingMessage(language)
        #expect(message.count > 20)
        let others = DisclosureLanguage.allCases.filter { $0 != language }.map(ExplanationSummary.pendingMessage)
        #expect(!others.contains(message))
    }

    @Test func theLeafCommitsToTheEventWithoutItsWords() throws {
        var determination = try Self.determination()
        let event = try determination.apply(.reject(reason: "revenu déclaré 4 500 MAD"), by: ReviewLifecycleTests.reviewer, at: ReviewLifecycleTests.start)
        let record = try DeterminationLeaf.committedRecord(event, of: determination)
        let text = String(decoding: record, as: UTF8.self)
        #expect(!text.contains("4 500") && !text.contains("Aide au logement"), "reasons and facts are committed by digest only")
        #expect(text.contains(#""event":"proposed""#) && text.contains(determination.id.rawValue))
        #expect(text.contains(DeterminationLeaf.sha256("revenu déclaré 4 500 MAD")))
        // Changing a fact changes the commitment.
        var other = determination
        other.facts.backend = "other"
        #expect(try DeterminationLeaf.committedRecord(event, of: other) != record)
        #expect(try CanonicalJSON.encode(try CanonicalJSON.parse(record)) == record, "RFC 8785 bytes")
    }
}
