/// What to do with one type of personal data.
public enum PrivacyAction: String, Sendable, Codable, CaseIterable {
    /// Replace the value with a placeholder and restore it in the answer.
    case mask
    /// Refuse the request (the error names the type, never the value).
    case block
    /// Let the value through unchanged.
    case allow
}

extension EntityType: CodingKeyRepresentable {}

/// Per-type actions for a use case, with a default for types not listed.
public struct PrivacyPolicy: Sendable, Codable, Equatable {
    public var defaultAction: PrivacyAction
    public var actions: [EntityType: PrivacyAction]
    /// What happens to a message that reveals sensitive data, or may: sovereign routing by default.
    public var sensitivity: SensitivityPolicy

    public init(defaultAction: PrivacyAction = .mask, actions: [EntityType: PrivacyAction] = [:], sensitivity: SensitivityPolicy = .default) {
        self.defaultAction = defaultAction
        self.actions = actions
        self.sensitivity = sensitivity
    }

    enum CodingKeys: String, CodingKey { case defaultAction, actions, sensitivity }

    /// Policies stored before the sensitivity rule existed read back with the default (sovereign) rule.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.defaultAction = try container.decode(PrivacyAction.self, forKey: .defaultAction)
        self.actions = try container.decode([EntityType: PrivacyAction].self, forKey: .actions)
        self.sensitivity = try container.decodeIfPresent(SensitivityPolicy.self, forKey: .sensitivity) ?? .default
    }

    public func action(for type: EntityType) -> PrivacyAction {
        self.actions[type] ?? self.defaultAction
    }

    /// Mask every type.
    public static let maskAll = PrivacyPolicy(defaultAction: .mask)
    /// Let everything through (no pseudonymisation).
    public static let allowAll = PrivacyPolicy(defaultAction: .allow)
}
