import FoundationEssentials
import ThiqaCore
import ThiqaGovernance
import ThiqaPrivacy

/// Fixed instants so tests never depend on the clock.
enum Clock {
    static let t0 = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-30T00:53:20Z
    static func later(days: Double) -> Date { t0.addingTimeInterval(days * 86_400) }
}

enum Staff {
    static let admin = StaffPrincipal(id: PrincipalID("stf_admin"), name: "Salma Admin", roles: [.administrator], createdAt: Clock.t0)
    static let dpo = StaffPrincipal(id: PrincipalID("stf_dpo"), name: "Youssef Bennani", roles: [.dpo], createdAt: Clock.t0)
    static let dpo2 = StaffPrincipal(id: PrincipalID("stf_dpo2"), name: "Khadija Alaoui", roles: [.dpo], createdAt: Clock.t0)
    static let reviewer = StaffPrincipal(id: PrincipalID("stf_reviewer"), name: "Omar Tazi", roles: [.reviewer], createdAt: Clock.t0)
    static let auditor = StaffPrincipal(id: PrincipalID("stf_auditor"), name: "Nadia Idrissi", roles: [.auditor], createdAt: Clock.t0)
}

enum Answer {
    static let minimal = Answers(automation: .informationOnly, effect: .none, data: .noPersonal, scale: .underThousand)
    static let chatbot = Answers(
        automation: .informationOnly,
        effect: .minor,
        data: .personal,
        scale: .thousandToHundredThousand,
        interaction: [.conversesWithPeople]
    )
    static let benefits = Answers(
        domains: [.publicServices],
        automation: .decidesWithReview,
        effect: .significant,
        data: .personal,
        scale: .hundredThousandToMillion
    )
    static let socialScoring = Answers(
        practices: [.socialScoring],
        automation: .decidesWithReview,
        effect: .significant,
        data: .personal,
        scale: .overMillion
    )
    static let healthChat = Answers(
        domains: [.health],
        automation: .informationOnly,
        effect: .minor,
        data: .sensitive,
        scale: .thousandToHundredThousand,
        interaction: [.conversesWithPeople]
    )
}

func ref(_ tenant: String = "commune-rabat", _ useCase: String = "civil-status-assistant") -> UseCaseRef {
    UseCaseRef(tenant: try! TenantID(tenant), useCase: try! UseCaseID(useCase))
}

let controller = Controller(
    id: try! TenantID("commune-rabat"),
    legalName: "Commune de Rabat",
    dpo: DPOContact(name: "Youssef Bennani", email: "dpo@rabat.ma", phone: "+212537000000")
)

func declaration(
    _ useCase: String = "civil-status-assistant",
    status: DeclarationStatus = .draft,
    number: String? = nil,
    types: Set<EntityType> = [.PHONE, .EMAIL],
    categories: Set<DataCategory> = [.identification, .contact, .civilStatus],
    grace: Date? = nil,
    limitation: PurposeLimitation = .refuse
) -> Declaration {
    var lifecycle = LifecycleDates(createdAt: Clock.t0)
    switch status {
    case .declared: lifecycle.declaredAt = Clock.t0
    case .authorised: lifecycle.authorisedAt = Clock.t0
    case .suspended:
        lifecycle.declaredAt = Clock.t0
        lifecycle.suspendedAt = Clock.t0
        lifecycle.suspendedFrom = .declared
    case .withdrawn: lifecycle.withdrawnAt = Clock.t0
    case .draft: break
    }
    return Declaration(
        tenant: try! TenantID("commune-rabat"),
        id: try! UseCaseID(useCase),
        name: "Assistant état civil",
        purpose: "Répondre aux questions des citoyens sur les démarches d’état civil",
        legalBasis: .publicInterest,
        dataCategories: categories,
        dataSubjects: [.citizens],
        personalDataTypes: types,
        recipients: [Recipient(name: "Service de l’état civil", kind: .internal)],
        retention: Retention(contentSeconds: 7 * 86_400, recordsDays: 365),
        hosting: .sovereignOnly,
        allowedModels: ["atlas-chat-9b", "qwen-*"],
        valueChain: ValueChain(developer: "MBZUAI", integrator: "Thiqa", deployer: "Commune de Rabat"),
        cndp: CNDPRegistration(status: status, number: status == .draft ? number : (number ?? "D-GC-1234/2026")),
        lifecycle: lifecycle,
        gracePeriodEnds: grace,
        purposeLimitation: limitation,
        disclosureLanguage: .fr
    )
}

func assessment(_ answers: Answers, for useCase: UseCaseRef = ref(), approvedBy approver: StaffPrincipal? = nil) -> ImpactAssessment {
    let submitted = try! ImpactAssessment.submit(for: useCase, answers: answers, by: Staff.dpo, at: Clock.t0)
    guard let approver else { return submitted }
    return try! submitted.approved(by: approver, at: Clock.later(days: 1))
}
