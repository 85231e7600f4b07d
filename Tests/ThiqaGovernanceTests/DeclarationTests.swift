import FoundationEssentials
import Testing
import ThiqaCore
import ThiqaGovernance
import ThiqaPrivacy

@Suite("Declarations")
struct DeclarationTests {
    @Test("a complete declaration has no problems")
    func valid() {
        #expect(declaration().validate().isEmpty)
        #expect(declaration(status: .declared).validate().isEmpty)
        #expect(controller.validate().isEmpty)
    }

    @Test("every problem is reported at once, each naming its field")
    func allProblemsAtOnce() {
        var bad = declaration(status: .declared, number: "")
        bad.purpose = "  "
        bad.name = ""
        bad.allowedModels = ["*"]
        bad.valueChain.deployer = ""
        bad.retention.contentSeconds = 0
        let text = bad.validate().map(\.description)
        #expect(text.contains("purpose: must not be empty"))
        #expect(text.contains("name: must not be empty"))
        #expect(text.contains("cndp.number: required when status is declared"))
        #expect(text.contains("value_chain.deployer: must not be empty"))
        #expect(text.contains("retention.content: must be a positive duration"))
        #expect(text.contains { $0.hasPrefix("allowed_models[0]: '*' would allow every model") })
        #expect(text.count == 6)
    }

    @Test("a vague purpose is refused")
    func vaguePurpose() {
        var vague = declaration()
        vague.purpose = "chatbot"
        #expect(vague.validate().map(\.field) == ["purpose"])
    }

    @Test("cross-border rules: transfers need their basis, foreign hosting needs a declared transfer, sensitive data stays in Morocco")
    func transfersAndHosting() throws {
        var declared = declaration()
        let france = try Jurisdiction("FR")
        declared.hosting = HostingRequirement(allowedJurisdictions: [.sovereign, france])
        #expect(
            declared.validate().map(\.description) == [
                "hosting.allowed_jurisdictions: FR is allowed for hosting but transfers declares no transfer to FR"
            ]
        )

        declared.transfers = [CrossBorderTransfer(country: france, recipient: "Hébergeur UE", basis: .authorisation)]
        #expect(declared.validate().map(\.description) == ["transfers[0].authorisation_number: required when basis is authorisation"])

        declared.transfers[0].authorisationNumber = "A-TR-77/2026"
        #expect(declared.validate().isEmpty)

        declared.dataCategories.insert(.health)
        #expect(declared.validate().map(\.field) == ["hosting.allowed_jurisdictions"])

        declared.transfers.append(CrossBorderTransfer(country: .sovereign, recipient: "x", basis: .adequacy))
        #expect(declared.validate().map(\.field).contains("transfers[1].country"))
    }

    @Test("legitimate interest cannot carry sensitive data")
    func sensitiveBasis() {
        var declared = declaration(categories: [.identification, .health])
        declared.legalBasis = .legitimateInterest
        #expect(declared.validate().map(\.field) == ["legal_basis"])
        #expect(declared.sensitiveCategories == [.health])
        #expect(declared.requiresAuthorisationByData)
    }

    @Test("the CIN needs authorisation as sensitive data does")
    func cinNeedsAuthorisation() {
        #expect(!declaration().requiresAuthorisationByData)
        #expect(declaration(types: [.CIN]).requiresAuthorisationByData)
    }

    @Test("data categories map onto ThiqaPrivacy's sensitive categories both ways")
    func sensitiveFlags() {
        for category in SensitiveCategory.allCases { #expect(DataCategory(category).sensitive == category) }
        #expect(DataCategory.allCases.filter(\.isSensitive).count == SensitiveCategory.allCases.count)
        #expect(!DataCategory.contact.isSensitive)
    }

    @Test("model patterns: exact names and prefixes ending in *")
    func models() {
        let declared = declaration()
        #expect(declared.allows(model: "atlas-chat-9b"))
        #expect(declared.allows(model: "qwen-2.5-7b"))
        #expect(!declared.allows(model: "atlas-chat-27b"))
        #expect(!declared.allows(model: "gpt-4o"))
    }

    @Test("a status needs its date")
    func statusDates() {
        var declared = declaration(status: .declared)
        declared.lifecycle.declaredAt = nil
        #expect(declared.validate().map(\.description) == ["lifecycle.declared_at: required when status is declared"])
    }

    @Test("controller problems name their fields")
    func controllerProblems() {
        let bad = Controller(id: try! TenantID("x"), legalName: "", dpo: DPOContact(name: "", email: "not-an-email"))
        #expect(bad.validate().map(\.field) == ["controller.legal_name", "controller.dpo.name", "controller.dpo.email"])
    }

    @Test("timestamps are RFC 3339 at whole seconds and parse back")
    func timestamps() throws {
        #expect(Timestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(Timestamp.format(Clock.t0) == "2026-11-30T00:53:20Z")
        #expect(Timestamp.parse("2026-11-30T00:53:20Z") == Clock.t0)
        #expect(Timestamp.parse("2026-11-30T01:53:20+01:00") == Clock.t0)
        #expect(Timestamp.parse("2024-02-29") == Date(timeIntervalSince1970: 1_709_164_800))
        #expect(Timestamp.parse("2023-02-29") == nil)
        #expect(Timestamp.parse("29/11/2026") == nil)
        #expect(Timestamp.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
    }
}
