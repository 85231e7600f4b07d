import NIOCore
import ThiqaCore

/// What every answer tells the person and the integrator: that an AI system produced it, which backend in which
/// jurisdiction, the interaction id, its log entry, and the receipt with which the person reaches their record.
public struct Disclosure: Sendable, Equatable {
    public var interactionID: String
    public var receipt: String
    public var backend: String?
    public var jurisdiction: String?
    public var logIndex: UInt64?
    /// The registry's AI disclosure, in the conversation's language, when the use case's tier requires it.
    public var ai: AIDisclosure?
    /// ASCII warnings for the answer's headers (a legacy draft's grace period).
    public var warnings: [String] = []
}

/// Hands the transport what it sends: the answer (or the backend's error) with its disclosure, or the stream.
public struct Disclose: PipelineStep {
    public let name = "disclose"
    let governance: any GovernanceSource

    public init(governance: any GovernanceSource) {
        self.governance = governance
    }

    public func run(_ state: inout CallState) async throws {
        guard let answer = state.answer else { return }
        if state.governed?.disclosureRequired == true, case .chat = state.request {
            state.aiDisclosure = governance.disclosure(state.call.identity, text: UserMessages.last(state.json), acceptLanguage: state.call.acceptLanguage)
        }
        let disclosure = Disclosure(
            interactionID: state.record.id, receipt: state.receipt.token, backend: state.record.backend,
            jurisdiction: state.record.backendJurisdiction, logIndex: state.record.logIndex, ai: state.aiDisclosure,
            warnings: state.governed?.warnings ?? []
        )
        if answer.status != 200 {
            state.outcome = .complete(status: answer.status, body: Self.upstreamError(state.answerBytes ?? ByteBuffer()), disclosure: disclosure)
            return
        }
        if state.request?.stream == true, case .chat(let chat) = state.request {
            state.outcome = .stream(AnswerStream(state: state, answer: answer, estimatedPromptTokens: chat.estimatedPromptTokens), disclosure: disclosure)
            return
        }
        var body = state.answerBytes ?? ByteBuffer()
        if let ai = state.aiDisclosure, !state.answerChanged, let members = state.answerJSON?.objectValue, !members.isEmpty,
            members["thiqa"] == nil, let spliced = Self.splice(ai, into: body)
        {
            // The answer is otherwise sent as the backend wrote it: splicing the pre-rendered member before its
            // closing brace replaces a parse and an encode of the whole answer (issue 11's remaining 7–11 % of
            // throughput, issue 15).
            state.outcome = .complete(status: 200, body: spliced, disclosure: disclosure)
            return
        }
        if let ai = state.aiDisclosure, var object = (state.answerJSON ?? (try? JSONValue.parse(body.readableBytesView)))?.objectValue {
            var thiqa = object["thiqa"]?.objectValue ?? [:]
            thiqa["disclosure"] = ai.json
            object["thiqa"] = .object(thiqa)
            state.answerJSON = .object(object)
            state.answerChanged = true
        }
        if state.answerChanged, let json = state.answerJSON {
            body = ByteBuffer(bytes: try json.encoded())
        }
        state.outcome = .complete(status: 200, body: body, disclosure: disclosure)
    }

    /// `body` (a JSON object with at least one member and no `thiqa` member, as the caller checked) with
    /// `,"thiqa":{"disclosure":…}` inserted before its closing brace; nil when the body does not end in `}`.
    static func splice(_ ai: AIDisclosure, into body: ByteBuffer) -> ByteBuffer? {
        let bytes = body.readableBytesView
        var end = bytes.endIndex
        while end > bytes.startIndex, Self.isWhitespace(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        guard end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: "}") else { return nil }
        let close = bytes.index(before: end)
        var out = ByteBuffer()
        out.reserveCapacity(body.readableBytes + ai.encodedJSON.count + 32)
        out.writeBytes(bytes[bytes.startIndex..<close])
        out.writeBytes(Self.disclosureOpening)
        out.writeBytes(ai.encodedJSON)
        out.writeBytes(Self.disclosureClosing)
        return out
    }

    static let disclosureOpening = Array(#","thiqa":{"disclosure":"#.utf8)
    static let disclosureClosing = Array("}}".utf8)

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// Not every backend answers errors in OpenAI's shape: what is not is wrapped, so clients can read it.
    static func upstreamError(_ bytes: ByteBuffer) -> ByteBuffer {
        if let json = try? JSONValue.parse(bytes.readableBytesView), json["error"]?.objectValue != nil { return bytes }
        let text = String(String(buffer: bytes).prefix(500))
        let wrapped: JSONValue = [
            "error": [
                "message": .string("The model backend rejected the request: \(text)"), "type": "invalid_request_error", "param": .null,
                "code": "upstream_rejected",
            ]
        ]
        return ByteBuffer(bytes: (try? wrapped.encoded()) ?? [])
    }
}
