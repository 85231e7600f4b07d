/// Why bytes are not one JSON value.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public let reason: String
    /// The byte offset where it was noticed.
    public let offset: Int

    public init(reason: String, offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String { "\(self.reason) at byte \(self.offset)" }
}

/// The one strict JSON reader (RFC 8259 plus I-JSON's rules), on bytes: every request body, stream event, log
/// document and `thiqa scan --jsonl` line goes through it.
///
/// Exactly one value, surrounded by whitespace at most. Rejected: duplicate object names (two names that differ
/// only in Unicode normalisation are one Swift string, so they are duplicates too), invalid UTF-8, unescaped
/// control characters, lone surrogate escapes, leading zeros, numbers outside the double range, and nesting
/// deeper than `maxDepth`. Integers without fraction or exponent that fit `Int64` are kept exact (``JSONValue/int(_:)``),
/// as RFC 8785 needs for the log's indexes and sizes; other numbers are the correctly rounded double.
public enum JSONReader {
    public static func parse(_ input: some Collection<UInt8>, maxDepth: Int) throws(JSONParseError) -> JSONValue {
        var parser = Parser(bytes: Array(input), maxDepth: maxDepth)
        let value = try parser.parseValue(depth: 0)
        try parser.expectEnd()
        return value
    }

    /// One member of a top-level object, with where its value is written in the input.
    public struct Member: Sendable, Equatable {
        public var name: String
        public var value: JSONValue
        /// The bytes of the value as written: for callers that must echo a value exactly (a number id, say).
        public var source: Range<Int>
    }

    /// The members of a top-level object, in the order written, each with the bytes of its value.
    public static func parseObjectMembers(_ input: some Collection<UInt8>, maxDepth: Int) throws(JSONParseError) -> [Member] {
        var parser = Parser(bytes: Array(input), maxDepth: maxDepth)
        parser.skipWhitespace()
        guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "{") else {
            throw JSONParseError(reason: "expected an object", offset: parser.index)
        }
        var members: [Member] = []
        var names: Set<String> = []
        try parser.parseObjectBody(depth: 0) { (name, offset, parser) throws(JSONParseError) in
            parser.skipWhitespace()
            let start = parser.index
            let value = try parser.parseValue(depth: 1)
            guard names.insert(name).inserted else { throw JSONParseError(reason: "duplicate key '\(name)'", offset: offset) }
            members.append(Member(name: name, value: value, source: start..<parser.index))
        }
        try parser.expectEnd()
        return members
    }

    struct Parser {
        let bytes: [UInt8]
        let maxDepth: Int
        var index = 0

        init(bytes: [UInt8], maxDepth: Int) {
            self.bytes = bytes
            self.maxDepth = maxDepth
        }

        func error(_ reason: String, at offset: Int? = nil) -> JSONParseError {
            JSONParseError(reason: reason, offset: offset ?? self.index)
        }

        mutating func expectEnd() throws(JSONParseError) {
            self.skipWhitespace()
            guard self.index == self.bytes.count else { throw self.error("unexpected data after the JSON value") }
        }

        @inline(__always)
        mutating func skipWhitespace() {
            while self.index < self.bytes.count {
                switch self.bytes[self.index] {
                case 0x20, 0x0A, 0x0D, 0x09: self.index += 1
                default: return
                }
            }
        }

        mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
            guard depth < self.maxDepth else { throw self.error("nesting deeper than \(self.maxDepth)") }
            self.skipWhitespace()
            guard self.index < self.bytes.count else { throw self.error("unexpected end of input") }
            switch self.bytes[self.index] {
            case UInt8(ascii: "{"):
                var object: [String: JSONValue] = [:]
                try self.parseObjectBody(depth: depth) { (name, offset, parser) throws(JSONParseError) in
                    guard object.updateValue(try parser.parseValue(depth: depth + 1), forKey: name) == nil else {
                        throw JSONParseError(reason: "duplicate key '\(name)'", offset: offset)
                    }
                }
                return .object(object)
            case UInt8(ascii: "["):
                self.index += 1
                var array: [JSONValue] = []
                self.skipWhitespace()
                if self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: "]") {
                    self.index += 1
                    return .array(array)
                }
                while true {
                    array.append(try self.parseValue(depth: depth + 1))
                    self.skipWhitespace()
                    guard self.index < self.bytes.count else { throw self.error("unexpected end of input in an array") }
                    if self.bytes[self.index] == UInt8(ascii: ",") {
                        self.index += 1
                        continue
                    }
                    guard self.bytes[self.index] == UInt8(ascii: "]") else { throw self.error("expected ',' or ']'") }
                    self.index += 1
                    return .array(array)
                }
            case UInt8(ascii: "\""):
                return .string(try self.parseString())
            case UInt8(ascii: "t"):
                try self.expectLiteral("true")
                return .bool(true)
            case UInt8(ascii: "f"):
                try self.expectLiteral("false")
                return .bool(false)
            case UInt8(ascii: "n"):
                try self.expectLiteral("null")
                return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return try self.parseNumber()
            default:
                throw self.error("unexpected character '\(Character(Unicode.Scalar(self.bytes[self.index])))'")
            }
        }

        /// `{` … `}` with the members handed to `member` (name, offset of the name) to read the value.
        mutating func parseObjectBody(
            depth: Int, _ member: (String, Int, inout Parser) throws(JSONParseError) -> Void
        ) throws(JSONParseError) {
            self.index += 1
            self.skipWhitespace()
            if self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: "}") {
                self.index += 1
                return
            }
            while true {
                self.skipWhitespace()
                guard self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: "\"") else {
                    throw self.error("expected a string key")
                }
                let offset = self.index
                let name = try self.parseString()
                self.skipWhitespace()
                guard self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: ":") else { throw self.error("expected ':'") }
                self.index += 1
                try member(name, offset, &self)
                self.skipWhitespace()
                guard self.index < self.bytes.count else { throw self.error("unexpected end of input in an object") }
                if self.bytes[self.index] == UInt8(ascii: ",") {
                    self.index += 1
                    continue
                }
                guard self.bytes[self.index] == UInt8(ascii: "}") else { throw self.error("expected ',' or '}'") }
                self.index += 1
                return
            }
        }

        mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
            let length = literal.utf8CodeUnitCount
            guard self.index + length <= self.bytes.count else { throw self.error("unexpected end of input") }
            for offset in 0..<length where self.bytes[self.index + offset] != literal.utf8Start[offset] {
                throw self.error("invalid literal")
            }
            self.index += length
        }

        @inline(__always)
        func isDigit(_ at: Int) -> Bool {
            at < self.bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self.bytes[at])
        }

        mutating func parseNumber() throws(JSONParseError) -> JSONValue {
            let start = self.index
            var isInteger = true
            if self.bytes[self.index] == UInt8(ascii: "-") { self.index += 1 }
            guard self.isDigit(self.index) else { throw self.error("invalid number") }
            if self.bytes[self.index] == UInt8(ascii: "0") {
                self.index += 1
                if self.isDigit(self.index) { throw self.error("leading zero in a number") }
            } else {
                while self.isDigit(self.index) { self.index += 1 }
            }
            if self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: ".") {
                isInteger = false
                self.index += 1
                guard self.isDigit(self.index) else { throw self.error("expected digits after '.'") }
                while self.isDigit(self.index) { self.index += 1 }
            }
            if self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: "e") || self.bytes[self.index] == UInt8(ascii: "E") {
                isInteger = false
                self.index += 1
                if self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: "+") || self.bytes[self.index] == UInt8(ascii: "-") {
                    self.index += 1
                }
                guard self.isDigit(self.index) else { throw self.error("expected digits in the exponent") }
                while self.isDigit(self.index) { self.index += 1 }
            }
            let text = String(decoding: self.bytes[start..<self.index], as: UTF8.self)
            if isInteger, let integer = Int64(text) { return .int(integer) }
            guard let double = Double(text), double.isFinite else { throw self.error("number out of range", at: start) }
            return .double(double)
        }

        mutating func parseString() throws(JSONParseError) -> String {
            self.index += 1  // opening quote
            let start = self.index
            // Fast path: no escapes.
            while self.index < self.bytes.count {
                let byte = self.bytes[self.index]
                if byte == UInt8(ascii: "\"") {
                    let slice = self.bytes[start..<self.index]
                    self.index += 1
                    guard let text = String(validating: slice, as: UTF8.self) else { throw self.error("invalid UTF-8 in a string", at: start) }
                    return text
                }
                if byte == UInt8(ascii: "\\") { break }
                guard byte >= 0x20 else { throw self.error("unescaped control character in a string") }
                self.index += 1
            }
            var out = Array(self.bytes[start..<self.index])
            while self.index < self.bytes.count {
                let byte = self.bytes[self.index]
                switch byte {
                case UInt8(ascii: "\""):
                    self.index += 1
                    guard let text = String(validating: out, as: UTF8.self) else { throw self.error("invalid UTF-8 in a string", at: start) }
                    return text
                case UInt8(ascii: "\\"):
                    self.index += 1
                    guard self.index < self.bytes.count else { throw self.error("unterminated string") }
                    switch self.bytes[self.index] {
                    case UInt8(ascii: "\""): out.append(0x22)
                    case UInt8(ascii: "\\"): out.append(0x5C)
                    case UInt8(ascii: "/"): out.append(0x2F)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try self.parseHex4(at: self.index + 1)
                        self.index += 4
                        if (0xD800...0xDBFF).contains(scalar) {
                            guard self.index + 6 < self.bytes.count, self.bytes[self.index + 1] == UInt8(ascii: "\\"),
                                self.bytes[self.index + 2] == UInt8(ascii: "u")
                            else { throw self.error("lone surrogate in a string") }
                            let low = try self.parseHex4(at: self.index + 3)
                            guard (0xDC00...0xDFFF).contains(low) else { throw self.error("invalid surrogate pair") }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            self.index += 6
                        } else if (0xDC00...0xDFFF).contains(scalar) {
                            throw self.error("lone surrogate in a string")
                        }
                        guard let unicode = Unicode.Scalar(scalar) else { throw self.error("invalid \\u escape") }
                        out.append(contentsOf: String(Character(unicode)).utf8)
                    default:
                        throw self.error("invalid escape")
                    }
                    self.index += 1
                default:
                    guard byte >= 0x20 else { throw self.error("unescaped control character in a string") }
                    out.append(byte)
                    self.index += 1
                }
            }
            throw self.error("unterminated string")
        }

        func parseHex4(at: Int) throws(JSONParseError) -> UInt32 {
            guard at + 4 <= self.bytes.count,
                let pair = Hex.decode(String(decoding: self.bytes[at..<at + 4], as: UTF8.self))
            else { throw self.error("invalid \\u escape", at: at) }
            return UInt32(pair[0]) << 8 | UInt32(pair[1])
        }
    }
}
