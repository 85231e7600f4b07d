import Crypto
import Metrics
import NIOCore
import ThiqaCore

/// Makes the outcome durable before the client hears anything: a complete answer's record with its tokens and
/// answer digest; for a stream, the record of the decision (who, which use case, which backend, which policy
/// actions) before the first byte, its completion being written when the stream ends.
public struct Record: PipelineStep {
    public let name = "record"
    let recorder: any OutcomeRecorder

    public init(recorder: any OutcomeRecorder) { self.recorder = recorder }

    public func run(_ state: inout CallState) async throws {
        guard let answer = state.answer else { return }
        if answer.status != 200 {
            state.record.outcome = .failed
            state.record.httpStatus = answer.status
            state.record.errorType = "upstream_\(answer.status)"
            try await write(&state, content: nil)
            return
        }
        if state.request?.stream == true {
            state.record.outcome = .streaming
            state.record.httpStatus = 200
            try await write(&state, content: nil)
            state.completionRecorder = recorder
            return
        }
        let bytes = state.answerBytes ?? ByteBuffer()
        state.record.outcome = .completed
        state.record.httpStatus = 200
        state.record.responseSHA256 = Array(SHA256.hash(data: Array(bytes.readableBytesView))).hexString
        state.record.promptTokens = state.usage?.promptTokens
        state.record.completionTokens = state.call.endpoint == .embeddings ? nil : state.usage?.completionTokens
        state.record.totalTokens = state.usage?.totalTokens
        Self.countTokens(state.usage, model: state.record.model ?? "")
        // Kept content is what the model saw and said: pseudonymised, never the raw values.
        let content = state.call.endpoint == .chatCompletions ? state.content(response: String(buffer: bytes)) : nil
        try await write(&state, content: content)
    }

    func write(_ state: inout CallState, content: InteractionContent?) async throws {
        state.record.latencyMs = state.elapsedMs
        MetricHandles.requestDuration(endpoint: state.record.endpoint, outcome: state.record.outcome.rawValue)
            .recordNanoseconds(Int64(state.record.latencyMs * 1_000_000))
        let stored = try await recorder.record(state.record, content: content)
        state.record.logIndex = stored.logIndex
        state.recorded = true
    }

    static func countTokens(_ usage: TokenUsage?, model: String) {
        guard let usage else { return }
        MetricHandles.tokens(model: model, kind: "prompt").increment(by: usage.promptTokens)
        MetricHandles.tokens(model: model, kind: "completion").increment(by: usage.completionTokens)
    }
}
