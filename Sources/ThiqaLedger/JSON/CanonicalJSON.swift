/// RFC 8785 JSON Canonicalization Scheme (JCS): the one byte sequence for a JSON value that is hashed as a log leaf.
///
/// Object members are sorted by the UTF-16 code units of their names, numbers are written as ECMAScript's
/// `Number.prototype.toString` writes them, strings escape only `"`, `\` and control characters, and there is no
/// whitespace.
///
/// ``JSONValue/int(_:)`` is written as its exact decimal digits, which is what JCS gives for integers of magnitude up
/// to 2^53; keep larger values out of canonical documents (or use a string), as I-JSON advises.
///
/// Strings are Swift strings, which compare by canonical equivalence; two object names that differ only in Unicode
/// normalisation are one name here (the parser rejects such a pair as a duplicate).
public enum CanonicalJSON {
    /// Why a value cannot be canonicalised.
    public enum EncodingError: Error, Sendable, Equatable, CustomStringConvertible {
        /// NaN and infinities have no JSON form.
        case nonFiniteNumber

        public var description: String { "NaN and infinite numbers cannot be written as JSON" }
    }

    /// The canonical UTF-8 bytes of `value`.
    /// - Throws: ``EncodingError/nonFiniteNumber`` for NaN or an infinity.
    public static func encode(_ value: JSONValue) throws(EncodingError) -> [UInt8] {
        var out: [UInt8] = []
        try Self.write(value, into: &out)
        return out
    }

    /// ECMAScript `Number.prototype.toString` of a finite double, as RFC 8785 section 3.2.2.3 requires.
    public static func serializeNumber(_ value: Double) throws(EncodingError) -> String {
        guard value.isFinite else { throw .nonFiniteNumber }
        if value == 0 { return "0" }
        // Swift's description is the shortest digit string that round-trips, closest to the value; only its
        // layout differs from ECMAScript's.
        var text = Substring(value.magnitude.description)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...])!
            text = text[..<e]
        }
        let integerPart: Substring
        let fractionPart: Substring
        if let dot = text.firstIndex(of: ".") {
            integerPart = text[..<dot]
            fractionPart = text[text.index(after: dot)...]
        } else {
            integerPart = text
            fractionPart = ""
        }
        var digits = Array(integerPart.utf8) + Array(fractionPart.utf8)
        // n: the decimal point sits after n digits of `digits`.
        var n = integerPart.utf8.count + exponent
        while let first = digits.first, first == UInt8(ascii: "0") {
            digits.removeFirst()
            n -= 1
        }
        while let last = digits.last, last == UInt8(ascii: "0") { digits.removeLast() }
        let k = digits.count
        var out = value < 0 ? "-" : ""
        let s = String(decoding: digits, as: UTF8.self)
        if k <= n && n <= 21 {
            out += s + String(repeating: "0", count: n - k)
        } else if 0 < n && n <= 21 {
            out += String(s.prefix(n)) + "." + String(s.dropFirst(n))
        } else if -6 < n && n <= 0 {
            out += "0." + String(repeating: "0", count: -n) + s
        } else {
            let e = n - 1
            let exponentText = (e < 0 ? "-" : "+") + String(e.magnitude)
            if k == 1 {
                out += s + "e" + exponentText
            } else {
                out += String(s.prefix(1)) + "." + String(s.dropFirst()) + "e" + exponentText
            }
        }
        return out
    }

    private static func write(_ value: JSONValue, into out: inout [UInt8]) throws(EncodingError) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let integer): out.append(contentsOf: String(integer).utf8)
        case .number(let number): out.append(contentsOf: try Self.serializeNumber(number).utf8)
        case .string(let string): Self.writeString(string, into: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                try Self.write(element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            let names = members.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            for (index, name) in names.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(name, into: &out)
                out.append(UInt8(ascii: ":"))
                try Self.write(members[name]!, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func writeString(_ string: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x08: out.append(contentsOf: #"\b"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0x0a: out.append(contentsOf: #"\n"#.utf8)
            case 0x0c: out.append(contentsOf: #"\f"#.utf8)
            case 0x0d: out.append(contentsOf: #"\r"#.utf8)
            case 0x00..<0x20:
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(Self.hexDigits[Int(byte >> 4)])
                out.append(Self.hexDigits[Int(byte & 0x0f)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
