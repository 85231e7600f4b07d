import FoundationEssentials
import Testing
import ThiqaCore
import ThiqaGovernance

@Suite("Public registry")
struct PublicRegistryTests {
    static let snapshot = GovernanceSnapshot(
        version: 3,
        useCases: [
            GovernedUseCase(
                declaration: declaration(status: .declared, number: "D-GC-1234/2026"),
                controller: controller,
                assessment: assessment(Answer.chatbot)
            ),
            GovernedUseCase(
                declaration: {
                    var other = declaration("benefits-triage", status: .authorised, number: "A-TR-9/2026", categories: [.identification, .health])
                    other.name = "Tri des demandes d’aide"
                    other.purpose = "Préparer l’instruction des demandes d’aide sociale — المساعدة الاجتماعية"
                    return other
                }(),
                controller: controller,
                assessment: assessment(Answer.benefits, for: ref("commune-rabat", "benefits-triage"), approvedBy: Staff.reviewer)
            ),
        ],
        registryBaseURL: "https://thiqa.example.ma/registry"
    )

    static var entries: [PublicRegistryEntry] {
        snapshot.useCases.values.map { PublicRegistryEntry($0, history: [], in: snapshot) }.sorted { $0.useCase < $1.useCase }
    }

    @Test("an entry shows controller, purpose, tier, number, status, sensitive categories apart, and its stable link; no staff names")
    func entry() throws {
        let first = Self.snapshot.useCases[ref()]!
        let change = DeclarationChange(from: nil, to: first.declaration, version: 1, principal: Staff.dpo.id, at: Clock.t0, reason: "création")!
        let entry = PublicRegistryEntry(first, history: [change], in: Self.snapshot)
        #expect(entry.controller == "Commune de Rabat")
        #expect(entry.tier == "limited")
        #expect(entry.status == "declared")
        #expect(entry.cndpNumber == "D-GC-1234/2026")
        #expect(entry.url == "https://thiqa.example.ma/registry/commune-rabat/civil-status-assistant")
        #expect(entry.history.map(\.reason) == ["création"])
        let json = String(decoding: try JSONEncoder().encode(entry), as: UTF8.self)
        #expect(!json.contains(Staff.dpo.id.rawValue))
        let triage = PublicRegistryEntry(Self.snapshot.useCases[ref("commune-rabat", "benefits-triage")]!, history: [], in: Self.snapshot)
        #expect(triage.sensitiveDataCategories == ["health"])
        #expect(triage.dataCategories == ["identification"])
        #expect(triage.tier == "high")
    }

    @Test(
        "search by number, controller or purpose, ignoring case, accents and Arabic diacritics",
        arguments: [
            ("D-GC-1234/2026", ["civil-status-assistant"]),
            ("a-tr-9", ["benefits-triage"]),
            ("commune rabat", ["benefits-triage", "civil-status-assistant"]),
            ("ETAT CIVIL", ["civil-status-assistant"]),
            ("aide sociale", ["benefits-triage"]),
            ("المُساعدة", ["benefits-triage"]),
            ("casablanca", []),
            ("", ["benefits-triage", "civil-status-assistant"]),
        ]
    )
    func search(query: String, expected: [String]) {
        #expect(PublicRegistrySearch.search(Self.entries, query: query).map(\.useCase) == expected)
    }
}
