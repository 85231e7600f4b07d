/// A tenant: the administration or company that deploys use cases.
public struct TenantID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) throws(ValidationError) {
        try Self.validateSlug(rawValue, field: "tenant")
        self.rawValue = rawValue
    }
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Slugs keep identifiers safe in logs, metrics labels and URLs.
    static func validateSlug(_ value: String, field: String) throws(ValidationError) {
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
}

/// A declared AI use case of a tenant (for example `civil-status-assistant`).
public struct UseCaseID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) throws(ValidationError) {
        try TenantID.validateSlug(rawValue, field: "use_case")
        self.rawValue = rawValue
    }
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
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
