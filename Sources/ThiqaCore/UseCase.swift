import FoundationEssentials
import ThiqaPrivacy

/// A declared use case: what a tenant uses AI for, and the rules its requests follow.
public struct UseCase: Sendable, Codable, Equatable {
    public var tenant: TenantID
    public var id: UseCaseID
    public var name: String
    /// How long message content is kept. `nil` (the default) keeps no content at all: data minimisation.
    public var contentRetentionSeconds: Int?
    /// Jurisdictions whose backends may receive this use case's requests. Default: sovereign only.
    public var allowedJurisdictions: [Jurisdiction]
    /// Requests per minute per API key.
    public var rateLimitPerMinute: Int
    /// What happens to each type of personal data found in a request: mask (pseudonymise, the default),
    /// block (refuse the request) or allow (send as is).
    public var privacyPolicy: PrivacyPolicy
    /// The `max_tokens` a chat request gets when it asks for none, and the most it may ask for: a request
    /// without a cap must not make a model write until the backend's own limit.
    public var maxTokens: Int
    public var createdAt: Date

    public init(
        tenant: TenantID,
        id: UseCaseID,
        name: String? = nil,
        contentRetentionSeconds: Int? = nil,
        allowedJurisdictions: [Jurisdiction] = [.sovereign],
        rateLimitPerMinute: Int = 600,
        privacyPolicy: PrivacyPolicy = .maskAll,
        maxTokens: Int = UseCase.defaultMaxTokens,
        createdAt: Date = Date()
    ) {
        self.tenant = tenant
        self.id = id
        self.name = name ?? id.rawValue
        self.contentRetentionSeconds = contentRetentionSeconds
        self.allowedJurisdictions = allowedJurisdictions
        self.rateLimitPerMinute = rateLimitPerMinute
        self.privacyPolicy = privacyPolicy
        self.maxTokens = maxTokens
        self.createdAt = createdAt
    }

    public static let defaultMaxTokens = 1024

    public func validate() throws(ValidationError) {
        if let retention = contentRetentionSeconds, retention <= 0 {
            throw ValidationError(field: "content_retention", reason: "must be a positive duration")
        }
        if allowedJurisdictions.isEmpty {
            throw ValidationError(field: "allowed_jurisdictions", reason: "must list at least one jurisdiction")
        }
        if maxTokens <= 0 {
            throw ValidationError(field: "max_tokens", reason: "must be a positive number of tokens")
        }
        if rateLimitPerMinute <= 0 {
            throw ValidationError(field: "rate_limit", reason: "must be a positive number of requests per minute")
        }
    }
}

/// Durations as operators write them: `90s`, `15m`, `12h`, `30d`.
public enum DurationText {
    public static func parseSeconds(_ text: String, field: String) throws(ValidationError) -> Int {
        let trimmed = text.filter { !$0.isWhitespace }
        guard let unit = trimmed.last, let number = Int(trimmed.dropLast()), number > 0 else {
            throw ValidationError(field: field, reason: "expected a duration such as 90s, 15m, 12h or 30d, got '\(text)'")
        }
        switch unit {
        case "s": return number
        case "m": return number * 60
        case "h": return number * 3600
        case "d": return number * 86400
        default:
            throw ValidationError(field: field, reason: "expected a duration such as 90s, 15m, 12h or 30d, got '\(text)'")
        }
    }

    public static func format(seconds: Int) -> String {
        if seconds % 86400 == 0 { return "\(seconds / 86400)d" }
        if seconds % 3600 == 0 { return "\(seconds / 3600)h" }
        if seconds % 60 == 0 { return "\(seconds / 60)m" }
        return "\(seconds)s"
    }
}
