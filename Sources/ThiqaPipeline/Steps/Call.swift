import Crypto
import NIOCore
import ThiqaCore

/// Calls the model, only once records can be made durable (fail closed: no model is called for a call whose
/// record could not be kept). Sends the body the earlier steps shaped, and takes a complete answer in whole;
/// a stream is left open for the relay.
public struct Call: PipelineStep {
    public let name = "call"
    let caller: any ModelCaller
    let recorder: any OutcomeRecorder
    /// Bounds of a complete answer (a backend is not trusted to stay small).
    static let maxChatAnswerBytes = 64 << 20
    static let maxEmbeddingsAnswerBytes = 256 << 20

    public init(caller: any ModelCaller, recorder: any OutcomeRecorder) {
        self.caller = caller
        self.recorder = recorder
    }

    public func run(_ state: inout CallState) async throws {
        try await recorder.ensureWritable()
        if state.request?.stream == true, case .object(var object) = state.json {
            // Ask for usage so the record and the client get real token counts where the backend supports it.
            var options = object["stream_options"]?.objectValue ?? [:]
            options["include_usage"] = .bool(true)
            object["stream_options"] = .object(options)
            state.json = .object(object)
            state.bodyChanged = true
        }
        if state.bodyChanged {
            state.upstreamBody = ByteBuffer(bytes: try state.json.encoded())
        }
        state.record.requestSHA256 = Array(SHA256.hash(data: Array(state.upstreamBody.readableBytesView))).hexString
        let answer = try await caller.send(path: state.call.endpoint.upstreamPath, body: state.upstreamBody, to: state.plan, logger: state.logger)
        state.record.backend = answer.backend.id
        state.record.backendJurisdiction = answer.backend.jurisdiction.code
        state.record.upstreamLatencyMs = answer.timeToHeadMs
        for failure in answer.failedOver {
            state.record.decisions.append("failover:\(failure.backend)")
        }
        state.answer = answer
        guard answer.status == 200 else {
            // A backend's 4xx is the client's error for that model: kept (bounded) to pass it on, not failed over.
            state.answerBytes = try await answer.collect(upTo: 1 << 20)
            return
        }
        guard state.request?.stream != true else { return }
        let limit = state.call.endpoint == .embeddings ? Self.maxEmbeddingsAnswerBytes : Self.maxChatAnswerBytes
        let bytes = try await answer.collect(upTo: limit)
        state.answerBytes = bytes
        state.answerJSON = try? JSONValue.parse(bytes.readableBytesView)
        if let usage = state.answerJSON?["usage"] {
            state.usage = TokenUsage(json: usage)
        }
    }
}

extension TokenUsage {
    /// Usage as a backend reports it; nil when the fields are missing or not numbers.
    public init?(json: JSONValue) {
        guard let prompt = json["prompt_tokens"]?.intValue else { return nil }
        let completion = json["completion_tokens"]?.intValue ?? 0
        let total = json["total_tokens"]?.intValue
        self.init(promptTokens: Int(prompt), completionTokens: Int(completion), totalTokens: total.map(Int.init))
    }
}
