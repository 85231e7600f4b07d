import ThiqaGovernance

/// What an explanation is built from: recorded facts about the call, never a model's account of itself.
public struct ExplanationFacts: Sendable, Codable, Equatable {
    /// The use case's name in the registry, and its controller's legal name.
    public var useCaseName: String
    public var controller: String
    /// The model asked for; nil when no model was called (a human writes the answer).
    public var model: String?
    /// The model as the backend named itself in its answer (its version, when it reports one).
    public var modelVersion: String?
    public var backend: String?
    public var jurisdiction: String?
    /// The registry version and risk tier in force when the call was decided.
    public var registryVersion: UInt64?
    public var tier: RiskTier?
    /// Sources the assistant answered from (procedure ids); empty when no assistant answered.
    public var sources: [String]
    /// The privacy and policy actions of the call, exactly as its interaction record lists them.
    public var actions: [String]

    public init(
        useCaseName: String, controller: String, model: String?, modelVersion: String?, backend: String?, jurisdiction: String?,
        registryVersion: UInt64?, tier: RiskTier?, sources: [String] = [], actions: [String]
    ) {
        self.useCaseName = useCaseName
        self.controller = controller
        self.model = model
        self.modelVersion = modelVersion
        self.backend = backend
        self.jurisdiction = jurisdiction
        self.registryVersion = registryVersion
        self.tier = tier
        self.sources = sources
        self.actions = actions
    }

    enum CodingKeys: String, CodingKey {
        case useCaseName = "use_case_name"
        case controller, model
        case modelVersion = "model_version"
        case backend, jurisdiction
        case registryVersion = "registry_version"
        case tier, sources, actions
    }

    /// Personal-data types masked before the model read the request (`privacy:PHONE:pseudonymize` and the like).
    public var maskedTypes: [String] {
        self.actions.compactMap { action in
            let parts = action.split(separator: ":")
            guard parts.count == 3, parts[0] == "privacy", parts[2] != "allow" else { return nil }
            return String(parts[1])
        }
    }

    /// The call was kept on Moroccan backends because of what it carried.
    public var keptSovereign: Bool { self.actions.contains("route:sovereign-only") }
}
