/// Why a value cannot be written as JSON.
public enum JSONEncodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// NaN and infinities have no JSON form.
    case nonFiniteNumber

    public var description: String { "NaN and infinite numbers cannot be written as JSON" }
}

/// The one JSON writer. No whitespace; object members sorted by the UTF-16 code units of their names; strings
/// escape only `"`, `\` and control characters (RFC 8785 section 3.2.2.2).
public enum JSONWriter {
    public enum Style: Sendable {
        /// RFC 8785 (JCS): numbers as ECMAScript's `Number.prototype.toString` writes them; NaN and infinities throw.
        /// ``JSONValue/int(_:)`` is written as its exact digits, which is what JCS gives up to 2^53.
        case canonical
        /// Canonical layout, but a double keeps a fraction or an exponent (`5.0`, `1e-07`) so that it reads back as a
        /// double, and NaN or an infinity is written `null`: for bodies forwarded and events relayed.
        case compact
    }

    public static func write(_ value: JSONValue, style: Style, into out: inout [UInt8]) throws(JSONEncodingError) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let integer): out.append(contentsOf: String(integer).utf8)
        case .double(let number):
            switch style {
            case .canonical: out.append(contentsOf: try Self.ecmaScriptNumber(number).utf8)
            case .compact: out.append(contentsOf: (number.isFinite ? number.description : "null").utf8)
            }
        case .string(let string): Self.writeString(string, into: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                try Self.write(element, style: style, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            let names = members.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            for (index, name) in names.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(name, into: &out)
                out.append(UInt8(ascii: ":"))
                try Self.write(members[name]!, style: style, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// `string` as a JSON string literal. `escapingLineSeparators` also escapes U+2028 and U+2029, which JSON
    /// allows raw but which split lines for readers of JSON Lines that use Unicode line breaks (Python's `splitlines`).
    public static func writeString(_ string: String, into out: inout [UInt8], escapingLineSeparators: Bool = false) {
        out.append(UInt8(ascii: "\""))
        var utf8 = string.utf8.makeIterator()
        while let byte = utf8.next() {
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
                out.append(Hex.digits[Int(byte >> 4)])
                out.append(Hex.digits[Int(byte & 0x0f)])
            case 0xE2 where escapingLineSeparators:
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                let second = utf8.next()
                let third = second == 0x80 ? utf8.next() : nil
                if let third, third == 0xA8 || third == 0xA9 {
                    out.append(contentsOf: (third == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8)
                } else {
                    out.append(byte)
                    if let second { out.append(second) }
                    if let third { out.append(third) }
                }
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// ECMAScript `Number.prototype.toString` of a finite double, as RFC 8785 section 3.2.2.3 requires.
    public static func ecmaScriptNumber(_ value: Double) throws(JSONEncodingError) -> String {
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
}
