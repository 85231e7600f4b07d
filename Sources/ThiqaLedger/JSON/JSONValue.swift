extension CanonicalJSON {
    /// A JSON value. Integers that fit `Int64` and have no fraction or exponent parse as ``int(_:)``, other numbers
    /// as ``number(_:)``.
    public enum JSONValue: Sendable, Equatable {
        case string(String)
        case number(Double)
        case int(Int64)
        case bool(Bool)
        case null
        case array([JSONValue])
        case object([String: JSONValue])
    }
}

extension CanonicalJSON.JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(arrayLiteral elements: CanonicalJSON.JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, CanonicalJSON.JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
