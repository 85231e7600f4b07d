import ThiqaCore

/// One use case as the gateway enforces it: its declaration, its controller, and its current impact assessment.
public struct GovernedUseCase: Sendable, Equatable {
    public var declaration: Declaration
    public var controller: Controller
    public var assessment: ImpactAssessment?
    public init(declaration: Declaration, controller: Controller, assessment: ImpactAssessment?) {
        self.declaration = declaration
        self.controller = controller
        self.assessment = assessment
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
