import Foundation
import Testing

@testable import ThiqaLedger

/// RFC 8785 (JCS): the RFC's own examples, and ECMAScript number formatting against values produced by an
/// ECMAScript engine.
@Suite("RFC 8785 canonical JSON")
struct CanonicalJSONTests {
    func canonical(_ json: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let value = try CanonicalJSON.parse(Array(json.utf8))
        return String(decoding: try CanonicalJSON.encode(value), as: UTF8.self)
    }

    /// RFC 8785 Appendix B: IEEE 754 bit patterns and their canonical text.
    @Test(arguments: [
        ("0000000000000000", "0"), ("8000000000000000", "0"), ("0000000000000001", "5e-324"), ("8000000000000001", "-5e-324"),
        ("7fefffffffffffff", "1.7976931348623157e+308"), ("ffefffffffffffff", "-1.7976931348623157e+308"),
        ("4340000000000000", "9007199254740992"), ("c340000000000000", "-9007199254740992"),
        ("4430000000000000", "295147905179352830000"), ("44b52d02c7e14af5", "9.999999999999997e+22"),
        ("44b52d02c7e14af6", "1e+23"), ("44b52d02c7e14af7", "1.0000000000000001e+23"),
        ("444b1ae4d6e2ef4e", "999999999999999700000"), ("444b1ae4d6e2ef4f", "999999999999999900000"),
        ("444b1ae4d6e2ef50", "1e+21"), ("3eb0c6f7a0b5ed8c", "9.999999999999997e-7"), ("3eb0c6f7a0b5ed8d", "0.000001"),
        ("41b3de4355555553", "333333333.3333332"), ("41b3de4355555554", "333333333.33333325"),
        ("41b3de4355555555", "333333333.3333333"), ("41b3de4355555556", "333333333.3333334"),
        ("41b3de4355555557", "333333333.33333343"), ("becbf647612f3696", "-0.0000033333333333333333"),
        ("43143ff3c1cb0959", "1424953923781206.2"),
    ])
    func appendixBNumbers(bits: String, want: String) throws {
        let value = Double(bitPattern: try #require(UInt64(bits, radix: 16)))
        #expect(try CanonicalJSON.serializeNumber(value) == want)
        #expect(String(decoding: try CanonicalJSON.encode(.double(value)), as: UTF8.self) == want)
    }

    @Test func nonFiniteNumbersAreErrors() {
        for value in [Double.nan, .infinity, -.infinity] {
            #expect(throws: CanonicalJSON.EncodingError.nonFiniteNumber) { try CanonicalJSON.encode(.array([.double(value)])) }
        }
    }

    /// 2000 bit patterns formatted by an ECMAScript engine (Vectors/jcs-numbers.json).
    @Test func numbersMatchECMAScript() throws {
        struct File: Decodable {
            struct Vector: Decodable {
                var bits: String
                var json: String
            }
            var vectors: [Vector]
        }
        let file = try JSONDecoder().decode(File.self, from: TestVectors.generated("jcs-numbers.json"))
        #expect(file.vectors.count > 1900)
        for vector in file.vectors {
            let value = Double(bitPattern: try #require(UInt64(vector.bits, radix: 16)))
            #expect(try CanonicalJSON.serializeNumber(value) == vector.json, "\(vector.bits)")
        }
    }

    /// RFC 8785 section 3.2.2 example.
    @Test func primitivesExample() throws {
        let input = #"""
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """#
        let want = #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(try self.canonical(input) == want)
    }

    /// RFC 8785 section 3.2.3 example: names sorted by UTF-16 code units.
    @Test func sortingExample() throws {
        let input = #"""
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """#
        let want =
            #"{"\r":"Carriage Return","1":"One","\#u{80}":"Control","ö":"Latin Small Letter O With Diaeresis","€":"Euro Sign","😀":"Emoji: Grinning Face","דּ":"Hebrew Letter Dalet With Dagesh"}"#
        #expect(try self.canonical(input) == want)
        // U+1F600 (surrogates D83D DE00) sorts before U+FB33 in UTF-16 although it is after it in code points.
        let value: CanonicalJSON.JSONValue = ["\u{FB33}": 1, "\u{1F600}": 2]
        #expect(String(decoding: try CanonicalJSON.encode(value), as: UTF8.self) == "{\"\u{1F600}\":2,\"\u{FB33}\":1}")
    }

    /// RFC 8785 Appendix A-style nested data, and a value built in Swift.
    @Test func nestedValues() throws {
        #expect(try self.canonical(#" { "b" : [ 1 , { "z": -0, "a": 1e0 } ], "a": "x" } "#) == #"{"a":"x","b":[1,{"a":1,"z":0}]}"#)
        let value: CanonicalJSON.JSONValue = [
            "id": "0190c0de-0000-7000-8000-000000000000", "leaf": .int(Int64.max), "ok": true, "none": nil, "ratio": 0.5,
            "tags": ["b", "a"], "nested": ["k": .object([:]), "e": .array([])],
        ]
        #expect(
            String(decoding: try CanonicalJSON.encode(value), as: UTF8.self)
                == #"{"id":"0190c0de-0000-7000-8000-000000000000","leaf":9223372036854775807,"nested":{"e":[],"k":{}},"none":null,"ok":true,"ratio":0.5,"tags":["b","a"]}"#
        )
        // Parsing canonical output gives the same value back.
        #expect(try CanonicalJSON.parse(CanonicalJSON.encode(value)) == value)
    }

    @Test func stringEscaping() throws {
        let value: CanonicalJSON.JSONValue = .string("\u{0}\u{1}\u{8}\t\n\u{B}\u{C}\r\u{1F}\u{7F} \"\\/\u{2028}é😀")
        #expect(
            String(decoding: try CanonicalJSON.encode(value), as: UTF8.self)
                == "\"\\u0000\\u0001\\b\\t\\n\\u000b\\f\\r\\u001f\u{7F} \\\"\\\\/\u{2028}é😀\""
        )
    }

    @Test(arguments: [
        "", " ", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "[01]", "[1.]", "[.5]", "[1e]", "[-]", "[+1]", "[NaN]", "[Infinity]",
        "[1e400]", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"\\x\"", "\"a\u{1}\"", "[true false]", "nul", "{\"a\":1,\"a\":2}",
        "[1] [2]", "'a'", "\"unterminated",
    ])
    func rejectsInvalidJSON(_ text: String) {
        #expect(throws: CanonicalJSON.ParseError.self, "\(text.debugDescription)") { try CanonicalJSON.parse(Array(text.utf8)) }
    }

    @Test func rejectsInvalidUTF8AndDeepNesting() {
        #expect(throws: CanonicalJSON.ParseError.self) { try CanonicalJSON.parse([0x22, 0xFF, 0x22]) }
        #expect(throws: CanonicalJSON.ParseError.self) {
            try CanonicalJSON.parse(Array((String(repeating: "[", count: 300) + String(repeating: "]", count: 300)).utf8))
        }
        #expect(throws: Never.self) { try CanonicalJSON.parse(Array((String(repeating: "[", count: 200) + String(repeating: "]", count: 200)).utf8)) }
    }

    @Test func numberKinds() throws {
        #expect(try CanonicalJSON.parse(Array("-9223372036854775808".utf8)) == .int(Int64.min))
        #expect(try CanonicalJSON.parse(Array("9223372036854775808".utf8)) == .double(9_223_372_036_854_775_808))
        #expect(try CanonicalJSON.parse(Array("3.0".utf8)) == .double(3))
        #expect(try CanonicalJSON.parse(Array("-0".utf8)) == .int(0))
        #expect(try CanonicalJSON.parse(Array("1E2".utf8)) == .double(100))
    }
}
