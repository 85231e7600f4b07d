extension CanonicalJSON {
    /// Why bytes are not one JSON value (RFC 8259, plus I-JSON's unique object names).
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong.
        public let reason: String
        /// The byte offset where it was noticed.
        public let offset: Int

        public var description: String { "\(self.reason) at byte \(self.offset)" }
    }

    /// Parses UTF-8 JSON text holding exactly one value (surrounding whitespace allowed). Duplicate object names,
    /// invalid UTF-8, lone surrogate escapes and numbers outside the double range are rejected.
    public static func parse(_ bytes: some Collection<UInt8>) throws(ParseError) -> JSONValue {
        var parser = JSONParser(bytes: Array(bytes))
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.position == parser.bytes.count else { throw parser.error("unexpected content after the JSON value") }
        return value
    }
}

private struct JSONParser {
    let bytes: [UInt8]
    var position = 0
    static let maxDepth = 256

    init(bytes: [UInt8]) { self.bytes = bytes }

    func error(_ reason: String) -> CanonicalJSON.ParseError {
        CanonicalJSON.ParseError(reason: reason, offset: self.position)
    }

    var current: UInt8? { self.position < self.bytes.count ? self.bytes[self.position] : nil }

    mutating func skipWhitespace() {
        while let byte = self.current, byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d {
            self.position += 1
        }
    }

    mutating func expect(_ literal: String) throws(CanonicalJSON.ParseError) {
        for byte in literal.utf8 {
            guard self.current == byte else { throw self.error("invalid literal, expected \(literal)") }
            self.position += 1
        }
    }

    mutating func parseValue(depth: Int) throws(CanonicalJSON.ParseError) -> CanonicalJSON.JSONValue {
        guard depth < Self.maxDepth else { throw self.error("nesting deeper than \(Self.maxDepth)") }
        guard let byte = self.current else { throw self.error("unexpected end of input") }
        switch byte {
        case UInt8(ascii: "{"): return try self.parseObject(depth: depth)
        case UInt8(ascii: "["): return try self.parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try self.parseString())
        case UInt8(ascii: "t"):
            try self.expect("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try self.expect("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try self.expect("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try self.parseNumber()
        default:
            throw self.error("unexpected character")
        }
    }

    mutating func parseObject(depth: Int) throws(CanonicalJSON.ParseError) -> CanonicalJSON.JSONValue {
        self.position += 1
        var members: [String: CanonicalJSON.JSONValue] = [:]
        self.skipWhitespace()
        if self.current == UInt8(ascii: "}") {
            self.position += 1
            return .object(members)
        }
        while true {
            self.skipWhitespace()
            guard self.current == UInt8(ascii: "\"") else { throw self.error("expected an object member name") }
            let nameOffset = self.position
            let name = try self.parseString()
            self.skipWhitespace()
            guard self.current == UInt8(ascii: ":") else { throw self.error("expected ':' after an object member name") }
            self.position += 1
            self.skipWhitespace()
            let value = try self.parseValue(depth: depth + 1)
            guard members.updateValue(value, forKey: name) == nil else {
                throw CanonicalJSON.ParseError(reason: "duplicate object member name \(name.debugDescription)", offset: nameOffset)
            }
            self.skipWhitespace()
            switch self.current {
            case UInt8(ascii: ","): self.position += 1
            case UInt8(ascii: "}"):
                self.position += 1
                return .object(members)
            default: throw self.error("expected ',' or '}' in an object")
            }
        }
    }

    mutating func parseArray(depth: Int) throws(CanonicalJSON.ParseError) -> CanonicalJSON.JSONValue {
        self.position += 1
        var elements: [CanonicalJSON.JSONValue] = []
        self.skipWhitespace()
        if self.current == UInt8(ascii: "]") {
            self.position += 1
            return .array(elements)
        }
        while true {
            self.skipWhitespace()
            elements.append(try self.parseValue(depth: depth + 1))
            self.skipWhitespace()
            switch self.current {
            case UInt8(ascii: ","): self.position += 1
            case UInt8(ascii: "]"):
                self.position += 1
                return .array(elements)
            default: throw self.error("expected ',' or ']' in an array")
            }
        }
    }

    mutating func parseHex4() throws(CanonicalJSON.ParseError) -> UInt32 {
        guard self.position + 4 <= self.bytes.count,
            let bytes = Hex.decode(String(decoding: self.bytes[self.position..<self.position + 4], as: UTF8.self))
        else { throw self.error("invalid \\u escape") }
        self.position += 4
        return UInt32(bytes[0]) << 8 | UInt32(bytes[1])
    }

    mutating func parseString() throws(CanonicalJSON.ParseError) -> String {
        self.position += 1
        var scalars = String.UnicodeScalarView()
        var run: [UInt8] = []  // raw UTF-8 since the last escape
        func flush(_ run: inout [UInt8], into scalars: inout String.UnicodeScalarView) -> Bool {
            guard !run.isEmpty else { return true }
            guard let text = String(validating: run, as: UTF8.self) else { return false }
            scalars.append(contentsOf: text.unicodeScalars)
            run.removeAll(keepingCapacity: true)
            return true
        }
        while true {
            guard let byte = self.current else { throw self.error("unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                guard flush(&run, into: &scalars) else { throw self.error("invalid UTF-8 in a string") }
                self.position += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                guard flush(&run, into: &scalars) else { throw self.error("invalid UTF-8 in a string") }
                self.position += 1
                guard let escape = self.current else { throw self.error("unterminated string") }
                self.position += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    let unit = try self.parseHex4()
                    var value = unit
                    if (0xD800..<0xDC00).contains(unit) {
                        guard self.position + 2 <= self.bytes.count, self.bytes[self.position] == UInt8(ascii: "\\"),
                            self.bytes[self.position + 1] == UInt8(ascii: "u")
                        else { throw self.error("lone high surrogate escape") }
                        self.position += 2
                        let low = try self.parseHex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw self.error("high surrogate not followed by a low one") }
                        value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(unit) {
                        throw self.error("lone low surrogate escape")
                    }
                    scalars.append(Unicode.Scalar(value)!)
                default:
                    throw self.error("invalid escape")
                }
            case 0x00..<0x20:
                throw self.error("unescaped control character in a string")
            default:
                run.append(byte)
                self.position += 1
            }
        }
    }

    mutating func parseNumber() throws(CanonicalJSON.ParseError) -> CanonicalJSON.JSONValue {
        let start = self.position
        func isDigit(_ byte: UInt8?) -> Bool { byte.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false }
        if self.current == UInt8(ascii: "-") { self.position += 1 }
        if self.current == UInt8(ascii: "0") {
            self.position += 1
        } else if isDigit(self.current) {
            while isDigit(self.current) { self.position += 1 }
        } else {
            throw self.error("invalid number")
        }
        var isInteger = true
        if self.current == UInt8(ascii: ".") {
            isInteger = false
            self.position += 1
            guard isDigit(self.current) else { throw self.error("invalid number: digits must follow '.'") }
            while isDigit(self.current) { self.position += 1 }
        }
        if self.current == UInt8(ascii: "e") || self.current == UInt8(ascii: "E") {
            isInteger = false
            self.position += 1
            if self.current == UInt8(ascii: "+") || self.current == UInt8(ascii: "-") { self.position += 1 }
            guard isDigit(self.current) else { throw self.error("invalid number: digits must follow the exponent") }
            while isDigit(self.current) { self.position += 1 }
        }
        let text = String(decoding: self.bytes[start..<self.position], as: UTF8.self)
        if isInteger, let integer = Int64(text) {
            return .int(integer)
        }
        guard let number = Double(text), number.isFinite else {
            throw CanonicalJSON.ParseError(reason: "number out of range", offset: start)
        }
        return .number(number)
    }
}
