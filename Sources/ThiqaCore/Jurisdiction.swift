/// Where a backend is hosted, as an ISO 3166-1 alpha-2 country code. `MA` is sovereign.
public struct Jurisdiction: Hashable, Sendable, Codable, CustomStringConvertible {
    public let code: String
    public static let sovereign = Jurisdiction(uncheckedCode: "MA")

    public init(_ code: String) throws(ValidationError) {
        let upper = code.uppercased()
        guard upper.utf8.count == 2, upper.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else {
            throw ValidationError(field: "jurisdiction", reason: "expected an ISO 3166-1 alpha-2 country code such as MA or FR, got '\(code)'")
        }
        self.code = upper
    }
    init(uncheckedCode: String) { self.code = uncheckedCode }

    public var isSovereign: Bool { self == .sovereign }
    public var description: String { code }

    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(String.self)
        try self.init(value)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
