/// Identifiers operators choose (tenants, use cases): slugs, safe in logs, metrics labels and URLs.
public protocol SlugIdentifier: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The field name used in validation errors.
    static var field: String { get }
    var rawValue: String { get }
    init(unchecked rawValue: String)
}

extension SlugIdentifier {
    public init(_ rawValue: String) throws(ValidationError) {
        try validateSlug(rawValue, field: Self.field)
        self.init(unchecked: rawValue)
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(unchecked: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

func validateSlug(_ value: String, field: String) throws(ValidationError) {
    guard !value.isEmpty, value.utf8.count <= 64 else {
        throw ValidationError(field: field, reason: "must be 1 to 64 characters")
    }
    for byte in value.utf8 {
        let ok = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F || byte == 0x2E
        guard ok else {
            throw ValidationError(field: field, reason: "may contain only lower-case letters, digits, '-', '_' and '.' (got '\(value)')")
        }
    }
}

/// A tenant: the administration or company that deploys use cases.
public struct TenantID: SlugIdentifier {
    public static let field = "tenant"
    public let rawValue: String
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// A declared AI use case of a tenant (for example `civil-status-assistant`).
public struct UseCaseID: SlugIdentifier {
    public static let field = "use_case"
    public let rawValue: String
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// An input that does not have the expected form: names the field and the reason.
public struct ValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var reason: String
    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }
    public var description: String { "\(field): \(reason)" }
}

/// Who is calling: established from the bearer key before any pipeline step runs.
public struct CallerIdentity: Sendable {
    public var key: APIKeyRecord
    public var useCase: UseCase

    public init(key: APIKeyRecord, useCase: UseCase) {
        self.key = key
        self.useCase = useCase
    }
}
