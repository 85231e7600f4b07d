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

    public init(defaultAction: PrivacyAction = .mask, actions: [EntityType: PrivacyAction] = [:]) {
        self.defaultAction = defaultAction
        self.actions = actions
    }

    public func action(for type: EntityType) -> PrivacyAction {
        self.actions[type] ?? self.defaultAction
    }

    /// Mask every type.
    public static let maskAll = PrivacyPolicy(defaultAction: .mask)
    /// Let everything through (no pseudonymisation).
    public static let allowAll = PrivacyPolicy(defaultAction: .allow)
}
