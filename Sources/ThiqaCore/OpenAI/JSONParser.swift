/// A small, strict JSON reader and writer for `JSONValue`. Every request body goes through it, so it works on
/// bytes directly: Foundation's decoder, asked for an enum, tries each type in turn and pays for every miss.
enum JSONBytes {
    struct ParseError: Error, CustomStringConvertible {
        var offset: Int
        var reason: String
        var description: String { "\(reason) at byte \(offset)" }
    }

    static let maxDepth = 512

    static func parse(_ input: some Collection<UInt8>) throws(ParseError) -> JSONValue {
        let bytes = Array(input)
        var index = 0
        let value = try parseValue(bytes, &index, depth: 0)
        skipWhitespace(bytes, &index)
        guard index == bytes.count else { throw ParseError(offset: index, reason: "unexpected data after the JSON value") }
        return value
    }

    @inline(__always)
    static func skipWhitespace(_ bytes: [UInt8], _ index: inout Int) {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    static func parseValue(_ bytes: [UInt8], _ index: inout Int, depth: Int) throws(ParseError) -> JSONValue {
        guard depth < maxDepth else { throw ParseError(offset: index, reason: "nesting deeper than \(maxDepth)") }
        skipWhitespace(bytes, &index)
        guard index < bytes.count else { throw ParseError(offset: index, reason: "unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var object: [String: JSONValue] = [:]
            skipWhitespace(bytes, &index)
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(object)
            }
            while true {
                skipWhitespace(bytes, &index)
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    throw ParseError(offset: index, reason: "expected a string key")
                }
                let key = try parseString(bytes, &index)
                skipWhitespace(bytes, &index)
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw ParseError(offset: index, reason: "expected ':'") }
                index += 1
                guard object.updateValue(try parseValue(bytes, &index, depth: depth + 1), forKey: key) == nil else {
                    throw ParseError(offset: index, reason: "duplicate key '\(key)'")
                }
                skipWhitespace(bytes, &index)
                guard index < bytes.count else { throw ParseError(offset: index, reason: "unexpected end of input in an object") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "}") else { throw ParseError(offset: index, reason: "expected ',' or '}'") }
                index += 1
                return .object(object)
            }
        case UInt8(ascii: "["):
            index += 1
            var array: [JSONValue] = []
            skipWhitespace(bytes, &index)
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(array)
            }
            while true {
                array.append(try parseValue(bytes, &index, depth: depth + 1))
                skipWhitespace(bytes, &index)
                guard index < bytes.count else { throw ParseError(offset: index, reason: "unexpected end of input in an array") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "]") else { throw ParseError(offset: index, reason: "expected ',' or ']'") }
                index += 1
                return .array(array)
            }
        case UInt8(ascii: "\""):
            return .string(try parseString(bytes, &index))
        case UInt8(ascii: "t"):
            try expectLiteral(bytes, &index, "true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral(bytes, &index, "false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral(bytes, &index, "null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber(bytes, &index)
        default:
            throw ParseError(offset: index, reason: "unexpected character '\(Character(Unicode.Scalar(bytes[index])))'")
        }
    }

    static func expectLiteral(_ bytes: [UInt8], _ index: inout Int, _ literal: StaticString) throws(ParseError) {
        let length = literal.utf8CodeUnitCount
        guard index + length <= bytes.count else { throw ParseError(offset: index, reason: "unexpected end of input") }
        for offset in 0..<length where bytes[index + offset] != literal.utf8Start[offset] {
            throw ParseError(offset: index, reason: "invalid literal")
        }
        index += length
    }

    static func parseNumber(_ bytes: [UInt8], _ index: inout Int) throws(ParseError) -> JSONValue {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else {
            throw ParseError(offset: index, reason: "invalid number")
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                throw ParseError(offset: index, reason: "leading zero in a number")
            }
        } else {
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            let digits = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            guard index > digits else { throw ParseError(offset: index, reason: "expected digits after '.'") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            let digits = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            guard index > digits else { throw ParseError(offset: index, reason: "expected digits in the exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let integer = Int64(text) { return .int(integer) }
        guard let double = Double(text), double.isFinite else { throw ParseError(offset: start, reason: "number out of range") }
        return .double(double)
    }

    static func parseString(_ bytes: [UInt8], _ index: inout Int) throws(ParseError) -> String {
        index += 1  // opening quote
        let start = index
        // Fast path: no escapes.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = bytes[start..<index]
                index += 1
                guard let text = String(validating: slice, as: UTF8.self) else {
                    throw ParseError(offset: start, reason: "invalid UTF-8 in a string")
                }
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { throw ParseError(offset: index, reason: "unescaped control character in a string") }
            index += 1
        }
        var out = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let text = String(validating: out, as: UTF8.self) else {
                    throw ParseError(offset: start, reason: "invalid UTF-8 in a string")
                }
                return text
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { break }
                switch bytes[index] {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try parseHex4(bytes, index + 1)
                    index += 4
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard index + 6 < bytes.count, bytes[index + 1] == UInt8(ascii: "\\"), bytes[index + 2] == UInt8(ascii: "u") else {
                            throw ParseError(offset: index, reason: "lone surrogate in a string")
                        }
                        let low = try parseHex4(bytes, index + 3)
                        guard (0xDC00...0xDFFF).contains(low) else { throw ParseError(offset: index, reason: "invalid surrogate pair") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        index += 6
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw ParseError(offset: index, reason: "lone surrogate in a string")
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw ParseError(offset: index, reason: "invalid \\u escape") }
                    out.append(contentsOf: Array(String(Character(unicode)).utf8))
                default:
                    throw ParseError(offset: index, reason: "invalid escape")
                }
                index += 1
            default:
                guard byte >= 0x20 else { throw ParseError(offset: index, reason: "unescaped control character in a string") }
                out.append(byte)
                index += 1
            }
        }
        throw ParseError(offset: index, reason: "unterminated string")
    }

    static func parseHex4(_ bytes: [UInt8], _ at: Int) throws(ParseError) -> UInt32 {
        guard at + 4 <= bytes.count else { throw ParseError(offset: at, reason: "truncated \\u escape") }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[at + offset]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw ParseError(offset: at, reason: "invalid \\u escape")
            }
            value = value << 4 | digit
        }
        return value
    }

    // MARK: Writing

    static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number): out.append(contentsOf: String(number).utf8)
        case .double(let number):
            if number.isFinite {
                out.append(contentsOf: "\(number)".utf8)
            } else {
                out.append(contentsOf: "null".utf8)
            }
        case .string(let text): writeString(text, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                write(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            var first = true
            // Sorted keys: the same value always encodes to the same bytes (digests, tests).
            for key in fields.keys.sorted() {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                write(fields[key]!, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func writeString(_ text: String, into out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x00..<0x20:
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
