// Log documents are JSONValue and JSONParseError from ThiqaJSON: whoever imports ThiqaLedger reads and builds them.
@_exported import ThiqaJSON

/// RFC 8785 JSON Canonicalization Scheme (JCS): the one byte sequence for a JSON value that is hashed as a log leaf.
///
/// Object members are sorted by the UTF-16 code units of their names, numbers are written as ECMAScript's
/// `Number.prototype.toString` writes them, strings escape only `"`, `\` and control characters, and there is no
/// whitespace (``JSONWriter/Style/canonical``).
///
/// ``JSONValue/int(_:)`` is written as its exact decimal digits, which is what JCS gives for integers of magnitude up
/// to 2^53; keep larger values out of canonical documents (or use a string), as I-JSON advises.
///
/// Strings are Swift strings, which compare by canonical equivalence; two object names that differ only in Unicode
/// normalisation are one name here (the parser rejects such a pair as a duplicate).
public enum CanonicalJSON {
    public typealias JSONValue = ThiqaJSON.JSONValue
    /// Why a value cannot be canonicalised: NaN and infinities have no JSON form.
    public typealias EncodingError = JSONEncodingError
    /// Why bytes are not one JSON value (RFC 8259, plus I-JSON's unique object names).
    public typealias ParseError = JSONParseError

    /// The canonical UTF-8 bytes of `value`.
    /// - Throws: ``EncodingError/nonFiniteNumber`` for NaN or an infinity.
    public static func encode(_ value: JSONValue) throws(EncodingError) -> [UInt8] {
        var out: [UInt8] = []
        try JSONWriter.write(value, style: .canonical, into: &out)
        return out
    }

    /// ECMAScript `Number.prototype.toString` of a finite double, as RFC 8785 section 3.2.2.3 requires.
    public static func serializeNumber(_ value: Double) throws(EncodingError) -> String {
        try JSONWriter.ecmaScriptNumber(value)
    }

    /// Parses UTF-8 JSON text holding exactly one value (surrounding whitespace allowed), nesting up to 256 levels.
    /// Duplicate object names, invalid UTF-8, lone surrogate escapes and numbers outside the double range are rejected.
    public static func parse(_ bytes: some Collection<UInt8>) throws(ParseError) -> JSONValue {
        try JSONReader.parse(bytes, maxDepth: 256)
    }
}
