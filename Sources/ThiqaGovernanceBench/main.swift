// governance-bench: cost of one `Governor.decide` on a snapshot of 1,000 use cases, one core.
//
//   swift run -c release governance-bench     one line per scenario: median of 5 runs of 200,000 decisions
//
// The gateway calls `decide` once per request; this is the step's own cost, without HTTP or a model.
import FoundationEssentials
import ThiqaCore
import ThiqaGovernance
import ThiqaPrivacy

let t0 = Date(timeIntervalSince1970: 1_796_000_000)
let tenant = try! TenantID("bench")
let controller = Controller(id: tenant, legalName: "Administration de test", dpo: DPOContact(name: "DPO", email: "dpo@bench.ma"))
let author = StaffPrincipal(id: PrincipalID("author"), name: "Author", roles: [.dpo], createdAt: t0)
let approver = StaffPrincipal(id: PrincipalID("approver"), name: "Approver", roles: [.reviewer], createdAt: t0)
let highRisk = Answers(
    domains: [.publicServices],
    automation: .decidesWithReview,
    effect: .significant,
    data: .personal,
    scale: .overMillion,
    interaction: [.conversesWithPeople]
)

var useCases: [GovernedUseCase] = []
for index in 0..<1000 {
    let declaration = Declaration(
        tenant: tenant,
        id: try! UseCaseID("use-case-\(index)"),
        name: "Assistant \(index)",
        purpose: "Répondre aux demandes de prestations et préparer les décisions",
        legalBasis: .publicInterest,
        dataCategories: [.identification, .contact],
        dataSubjects: [.citizens],
        personalDataTypes: [.PHONE, .EMAIL, .PERSON],
        allowedModels: ["atlas-chat-9b", "qwen-*"],
        valueChain: ValueChain(developer: "Dev", deployer: "Administration de test"),
        cndp: CNDPRegistration(status: .authorised, number: "A-\(index)"),
        lifecycle: LifecycleDates(createdAt: t0, authorisedAt: t0)
    )
    let assessment = try! ImpactAssessment.submit(for: declaration.ref, answers: highRisk, by: author, at: t0).approved(by: approver, at: t0)
    useCases.append(GovernedUseCase(declaration: declaration, controller: controller, assessment: assessment))
}
let governor = Governor(snapshot: GovernanceSnapshot(version: 1, useCases: useCases, registryBaseURL: "https://thiqa.example.ma/registry"))
let refs = useCases.map(\.declaration.ref)

func measure(_ name: String, model: String, types: Set<EntityType>, expect: (GovernanceDecision) -> Bool) {
    let calls = 200_000
    var runs: [Double] = []
    for _ in 0..<5 {
        var matched = 0
        let elapsed = ContinuousClock().measure {
            for index in 0..<calls
            where expect(governor.decide(useCase: refs[index % refs.count], model: model, dataTypes: types, sensitiveCategories: [], at: t0)) {
                matched += 1
            }
        }
        precondition(matched == calls, "\(name): unexpected decision")
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        runs.append(seconds / Double(calls) * 1e9)
    }
    print("\(name): \(Int(runs.sorted()[2])) ns per decision (median of 5 runs of \(calls))")
}

measure("allow high-risk, declared data", model: "qwen-2.5-7b", types: [.PHONE]) { if case .allow = $0 { true } else { false } }
measure("refuse model_not_allowed", model: "gpt-4o", types: []) { if case .refuse = $0 { true } else { false } }
measure("refuse data_category_not_declared", model: "atlas-chat-9b", types: [.IBAN]) { if case .refuse = $0 { true } else { false } }
