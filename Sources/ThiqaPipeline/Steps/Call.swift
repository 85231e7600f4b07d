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
        // An earlier step (Assist) already answered: no model to call.
        guard state.answer == nil else { return }
        try await recorder.ensureWritable()
        // A human writes this answer: no model may read the request.
        if case .beforeModel? = state.review { return }
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
        var plan = state.plan
        var broken: [ModelAnswer.FailedAttempt] = []
        while true {
            let answer = try await caller.send(path: state.call.endpoint.upstreamPath, body: state.upstreamBody, to: plan, logger: state.logger)
            let tried = broken + answer.failedOver
            state.record.backend = answer.backend.id
            state.record.backendJurisdiction = answer.backend.jurisdiction.code
            state.record.upstreamLatencyMs = answer.timeToHeadMs
            state.answer = answer
            state.modelCaller = caller
            if answer.status != 200 {
                // A backend's 4xx is the client's error for that model: kept (bounded) to pass it on, not failed over.
                state.answerBytes = try await answer.collect(upTo: 1 << 20)
                Self.recordAttempts(tried, in: &state)
                return
            }
            // A 200 that is not what was asked (a page instead of JSON, JSON that does not parse, a stream that is not
            // server-sent events) is the backend's fault, found before anything reached the client: try another.
            var fault: String?
            if state.request?.stream == true {
                if !(answer.contentType ?? "").contains("text/event-stream") { fault = "wrong_content_type" }
            } else {
                let limit = state.call.endpoint == .embeddings ? Self.maxEmbeddingsAnswerBytes : Self.maxChatAnswerBytes
                let bytes: ByteBuffer
                do {
                    bytes = try await answer.collect(upTo: limit)
                } catch is AnswerTooLarge {
                    throw GatewayError.upstreamFailed(reason: "backend '\(answer.backend.id)' answered more than \(limit) bytes")
                } catch {
                    // The connection broke inside the body: nothing reached the client yet, so another backend may answer.
                    bytes = ByteBuffer()
                    fault = "reset_mid_body"
                }
                state.answerBytes = bytes
                state.answerJSON = try? JSONValue.parse(bytes.readableBytesView)
                if fault != nil {
                } else if !(answer.contentType ?? "application/json").contains("json") {
                    fault = "wrong_content_type"
                } else if state.answerJSON?.objectValue == nil {
                    fault = "malformed_answer"
                }
            }
            guard let fault else {
                if let usage = state.answerJSON?["usage"] { state.usage = TokenUsage(json: usage) }
                Self.recordAttempts(tried, in: &state)
                return
            }
            caller.streamBroke(backend: answer.backend.id)
            broken = tried + [ModelAnswer.FailedAttempt(backend: answer.backend.id, reason: fault)]
            plan.removeAll { candidate in broken.contains { $0.backend == candidate.id } }
            guard !plan.isEmpty else {
                Self.recordAttempts(broken, in: &state)
                throw GatewayError.upstreamFailed(reason: "backend '\(answer.backend.id)' answered with \(fault), and no other backend is left")
            }
        }
    }

    /// Every backend tried before the one that answered, and why it was left: in the record's decisions.
    static func recordAttempts(_ attempts: [ModelAnswer.FailedAttempt], in state: inout CallState) {
        for (attempt, failure) in attempts.enumerated() {
            state.record.decisions.append("failover:\(failure.backend)")
            state.record.decisions.append("attempt:\(attempt + 1):\(failure.backend):\(Self.reasonWord(failure.reason))")
        }
    }
}

extension Call {
    /// A failure's reason as one short word for the record (`status_429`, `timeout`, `connection`).
    static func reasonWord(_ reason: String) -> String {
        if reason.hasPrefix("status ") { return "status_" + reason.dropFirst(7).prefix(3) }
        if ["malformed_answer", "wrong_content_type", "reset_mid_body"].contains(reason) { return reason }
        if reason.contains("within") || reason == "timeout" { return "timeout" }
        return "connection"
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
