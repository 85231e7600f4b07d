import ThiqaCore
import ThiqaPrivacy

/// One use case as the gateway enforces it: its declaration, its controller, and its current impact assessment.
/// What does not depend on the call (the risk assessment, the controls) is computed once here, when the snapshot is
/// built, not on every call.
public struct GovernedUseCase: Sendable, Equatable {
    public let declaration: Declaration
    public let controller: Controller
    public let assessment: ImpactAssessment?
    /// `RiskRules.assess` of the assessment's answers.
    public let risk: RiskAssessment?
    /// The controls an allowed call applies.
    public let controls: EnforcedControls
    let declaredSensitive: Set<SensitiveCategory>

    public init(declaration: Declaration, controller: Controller, assessment: ImpactAssessment?) {
        self.declaration = declaration
        self.controller = controller
        self.assessment = assessment
        let risk = assessment?.result
        self.risk = risk
        self.controls = Governor.controls(declaration, result: risk)
        self.declaredSensitive = declaration.sensitiveCategories
    }
}

/// Every rule the gateway needs, immutable, swapped whole when the registry changes, so a call reads memory and never
/// the database. `version` grows with each registry change: replicas compare it to know they are behind.
public struct GovernanceSnapshot: Sendable {
    public let version: UInt64
    public let useCases: [UseCaseRef: GovernedUseCase]
    /// Base of the public registry's entry links, without a trailing slash (`https://thiqa.example.ma/registry`).
    public let registryBaseURL: String

    public init(version: UInt64, useCases: [GovernedUseCase], registryBaseURL: String) {
        self.version = version
        self.useCases = Dictionary(useCases.map { ($0.declaration.ref, $0) }, uniquingKeysWith: { _, last in last })
        var base = registryBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.registryBaseURL = base
    }

    public static let empty = GovernanceSnapshot(version: 0, useCases: [], registryBaseURL: "")

    /// The stable public link of a use case's registry entry: `<base>/<tenant>/<use case>` (both are URL-safe slugs).
    public func registryURL(for ref: UseCaseRef) -> String { "\(self.registryBaseURL)/\(ref.tenant.rawValue)/\(ref.useCase.rawValue)" }
}
