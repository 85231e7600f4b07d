import Foundation
import Testing
@testable import ThiqaCore

@Suite struct ChatCompletionRequestTests {
    let limits = RequestLimits(maxBodyBytes: 1 << 20, maxMessages: 3, maxCompletionTokens: 100, maxPromptTokens: 50)

    func parse(_ json: String) throws -> JSONValue { try JSONValue.parse(Array(json.utf8)) }

    func expectInvalid(_ json: String, param: String?, sourceLocation: SourceLocation = #_sourceLocation) throws {
        do {
            _ = try ChatCompletionRequest(body: try parse(json), limits: limits)
            Issue.record("expected invalid request", sourceLocation: sourceLocation)
        } catch {
            guard let error = error as? GatewayError, case .invalidRequest(_, let actual, _) = error else {
                Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
                return
            }
            #expect(actual == param, sourceLocation: sourceLocation)
        }
    }

    @Test func validRequest() throws {
        let request = try ChatCompletionRequest(
            body: try parse(#"{"model":"m","messages":[{"role":"user","content":"salam"}],"stream":true,"max_tokens":10,"tools":[]}"#),
            limits: limits
        )
        #expect(request.model == "m")
        #expect(request.stream)
        #expect(request.body["tools"] == .array([]))
    }

    @Test func errorsNameTheField() throws {
        try expectInvalid(#"[]"#, param: nil)
        try expectInvalid(#"{"messages":[{"role":"user","content":"x"}]}"#, param: "model")
        try expectInvalid(#"{"model":5,"messages":[{"role":"user","content":"x"}]}"#, param: "model")
        try expectInvalid(#"{"model":"m"}"#, param: "messages")
        try expectInvalid(#"{"model":"m","messages":"hi"}"#, param: "messages")
        try expectInvalid(#"{"model":"m","messages":[]}"#, param: "messages")
        try expectInvalid(#"{"model":"m","messages":[{"role":"user","content":"a"},{"role":"robot","content":"b"}]}"#, param: "messages[1].role")
        try expectInvalid(#"{"model":"m","messages":[{"role":"user","content":42}]}"#, param: "messages[0].content")
        try expectInvalid(#"{"model":"m","messages":[{"role":"user","content":[{"type":"text"}]}]}"#, param: "messages[0].content[0].text")
        try expectInvalid(#"{"model":"m","messages":[{"role":"user","content":"x"}],"stream":"yes"}"#, param: "stream")
        try expectInvalid(#"{"model":"m","messages":[{"role":"user","content":"x"}],"max_tokens":1000}"#, param: "max_tokens")
        try expectInvalid(#"{"model":"m","messages":[{"role":"user","content":"x"}],"max_tokens":"ten"}"#, param: "max_tokens")
        try expectInvalid(#"{"model":"m","messages":[{"role":"user","content":"x"}],"temperature":3}"#, param: "temperature")
        try expectInvalid(#"{"model":"m","messages":[{"role":"user","content":"x"},{"role":"user","content":"x"},{"role":"user","content":"x"},{"role":"user","content":"x"}]}"#, param: "messages")
        let long = String(repeating: "a", count: 400)
        try expectInvalid(#"{"model":"m","messages":[{"role":"user","content":"\#(long)"}]}"#, param: "messages")
    }

    @Test func sseSplitterHandlesAnySplit() throws {
        let stream = Array("data: {\"a\":1}\n\ndata: {\"b\":2}\r\n\r\n: comment\n\ndata: [DONE]\n\n".utf8)
        for cut in 0...stream.count {
            var splitter = ServerSentEventSplitter()
            let events = try splitter.feed(stream[..<cut]) + splitter.feed(stream[cut...]) + splitter.finish()
            #expect(events.map { String(decoding: $0.data, as: UTF8.self) } == [#"{"a":1}"#, #"{"b":2}"#, "[DONE]"])
            #expect(events.last?.isDone == true)
        }
    }

    @Test func sseSplitterRefusesAnEventThatNeverEnds() throws {
        var splitter = ServerSentEventSplitter(maxEventBytes: 64)
        #expect(try splitter.feed(Array("data: {\"a\":1}\n\n".utf8)).count == 1)
        #expect(throws: ServerSentEventSplitter.EventTooLarge.self) {
            _ = try splitter.feed(Array(repeating: UInt8(ascii: "x"), count: 65))
        }
    }
}

@Suite struct JSONValueTests {
    @Test func roundTripsAndAgreesWithFoundation() throws {
        let text = #"{"a":[1,-2.5,1e3,true,false,null,"x\"y\\z\n\u00e9\ud83d\ude00 ⵣ"],"b":{},"c":[],"d":0}"#
        let value = try JSONValue.parse(Array(text.utf8))
        #expect(value["d"] == .int(0))
        #expect(value["a"]?.arrayValue?[2] == .double(1000))
        #expect(value["a"]?.arrayValue?[6] == .string("x\"y\\z\né😀 ⵣ"))
        let again = try JSONValue.parse(try value.encoded())
        #expect(again == value)
        let foundation = try JSONSerialization.jsonObject(with: Data(try value.encoded())) as? [String: Any]
        #expect(foundation?["d"] as? Int == 0)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\":1,}", "01", "1.", "\"\\x\"", "\"\\ud800\"", "{\"a\":1,\"a\":2}", "[1] x", "tru", "\"\u{01}\"", String(repeating: "[", count: 1000)])
    func rejectsMalformedJSON(_ text: String) {
        #expect(throws: (any Error).self) { try JSONValue.parse(Array(text.utf8)) }
    }
}
