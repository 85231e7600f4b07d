import Testing
import ThiqaJSON

@Suite struct JSONReaderTests {
    static func parse(_ text: String, maxDepth: Int = 512) throws(JSONParseError) -> JSONValue {
        try JSONReader.parse(Array(text.utf8), maxDepth: maxDepth)
    }

    @Test func numbersKeepIntegersExactAndOtherwiseRoundCorrectly() throws {
        #expect(try Self.parse("9223372036854775807") == .int(.max))
        #expect(try Self.parse("-9223372036854775808") == .int(.min))
        #expect(try Self.parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
        #expect(try Self.parse("1.0") == .double(1))
        #expect(try Self.parse("0.1") == .double(0.1))
        #expect(try Self.parse("-0") == .int(0))
        #expect(try Self.parse("5e-324") == .double(.leastNonzeroMagnitude))
        #expect(throws: JSONParseError.self) { try Self.parse("1e309") }
    }

    @Test func depthIsTheCallersChoice() throws {
        let nested = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try Self.parse(nested, maxDepth: 64) }
        let error = try #require(throws: JSONParseError.self) { try Self.parse(nested, maxDepth: 63) }
        #expect(error.reason == "nesting deeper than 63")
    }

    @Test(arguments: [
        (#"{"a":1,"a":2}"#, "duplicate key 'a'", 7), (#""\ud800""#, "lone surrogate in a string", 6), ("[1] [2]", "unexpected data after the JSON value", 4),
        ("\"a\u{1}\"", "unescaped control character in a string", 2), ("[01]", "leading zero in a number", 2), (#"{"a" 1}"#, "expected ':'", 5),
    ])
    func errorsSayWhatAndWhere(_ text: String, _ reason: String, _ offset: Int) {
        #expect(throws: JSONParseError(reason: reason, offset: offset)) { try Self.parse(text) }
    }

    @Test func invalidUTF8IsRejected() {
        #expect(throws: JSONParseError.self) { try JSONReader.parse([0x22, 0xC3, 0x28, 0x22], maxDepth: 8) }
        #expect(throws: JSONParseError.self) { try JSONReader.parse([0x22, 0x5C, 0x6E, 0xFF, 0x22], maxDepth: 8) }
    }

    @Test func objectMembersComeInOrderWithTheirSourceBytes() throws {
        let text = #" {"id": 1.50e2 , "text":"\u0036", "n":[1, {"x":null}]} "#
        let bytes = Array(text.utf8)
        let members = try JSONReader.parseObjectMembers(bytes, maxDepth: 8)
        #expect(members.map(\.name) == ["id", "text", "n"])
        #expect(String(decoding: bytes[members[0].source], as: UTF8.self) == "1.50e2")
        #expect(members[0].value == .double(150))
        #expect(members[1].value == .string("6"))
        #expect(String(decoding: bytes[members[2].source], as: UTF8.self) == #"[1, {"x":null}]"#)
        #expect(throws: JSONParseError(reason: "duplicate key 'id'", offset: 8)) {
            try JSONReader.parseObjectMembers(Array(#"{"id":1,"id":2}"#.utf8), maxDepth: 8)
        }
        #expect(throws: JSONParseError.self) { try JSONReader.parseObjectMembers(Array("[1]".utf8), maxDepth: 8) }
        #expect(throws: JSONParseError.self) { try JSONReader.parseObjectMembers(Array(#"{"a":[[1]]}"#.utf8), maxDepth: 2) }
    }
}

@Suite struct JSONWriterTests {
    static func text(_ value: JSONValue, _ style: JSONWriter.Style) throws -> String {
        var out: [UInt8] = []
        try JSONWriter.write(value, style: style, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func compactKeepsDoublesDoublesAndCanonicalWritesECMAScript() throws {
        let value: JSONValue = ["b": [5.0, 1e-7, 0.1, 1e21], "a": .int(3), "é": nil, "z": true]
        #expect(try Self.text(value, .compact) == #"{"a":3,"b":[5.0,1e-07,0.1,1e+21],"z":true,"é":null}"#)
        #expect(try Self.text(value, .canonical) == #"{"a":3,"b":[5,1e-7,0.1,1e+21],"z":true,"é":null}"#)
        let compact = try value.encoded()
        #expect(try JSONValue.parse(compact) == value, "compact output reads back as the same value")
    }

    @Test func nonFiniteNumbers() throws {
        #expect(try Self.text([.double(.nan), .double(.infinity)], .compact) == "[null,null]")
        #expect(throws: JSONEncodingError.nonFiniteNumber) { try Self.text([.double(.infinity)], .canonical) }
    }

    @Test func namesSortByUTF16CodeUnits() throws {
        // U+1F600 is D83D DE00 in UTF-16, before U+FB33 although after it in code points.
        #expect(try Self.text(["\u{FB33}": 1, "\u{1F600}": 2], .canonical) == "{\"\u{1F600}\":2,\"\u{FB33}\":1}")
    }

    @Test func lineSeparatorsAreEscapedOnlyWhenAsked() {
        var plain: [UInt8] = []
        JSONWriter.writeString("a\u{2028}b\u{2029}c\u{2027}\u{8}", into: &plain)
        #expect(String(decoding: plain, as: UTF8.self) == "\"a\u{2028}b\u{2029}c\u{2027}\\b\"")
        var escaped: [UInt8] = []
        JSONWriter.writeString("a\u{2028}b\u{2029}c\u{2027}\u{8}", into: &escaped, escapingLineSeparators: true)
        #expect(String(decoding: escaped, as: UTF8.self) == "\"a\\u2028b\\u2029c\u{2027}\\b\"")
    }
}

@Suite struct HexTests {
    @Test func roundTripsAndRejects() {
        let bytes: [UInt8] = [0x00, 0x0f, 0xa0, 0xff]
        #expect(Hex.encode(bytes) == "000fa0ff")
        #expect(Hex.decode("000FA0ff") == bytes)
        #expect(Hex.decode("000FA0ff", lowercaseOnly: true) == nil)
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
    }
}
