import Foundation
import Logging
import NIOCore
import ThiqaCore
import ThiqaPrivacy

/// A streamed answer whose decision is already durable. `write(to:)` relays the model's events to the client
/// (restoring placeholders on the way), then records the completion — tokens, answer digest, finished or cut
/// off — and only then sends Thiqa's final chunk and `[DONE]`. A backend that breaks mid-stream ends the stream
/// with an OpenAI-shaped error event and a record that says so, never a silent truncation.
public struct AnswerStream: Sendable {
    /// What the relay needs of the call (not the whole state: the state holds the answer that holds this stream).
    struct Context: Sendable {
        var record: InteractionRecord
        var receipt: Receipt
        var mapping: PseudonymMapping
        var keepsContent: Bool
        var logger: Logger
        var started: ContinuousClock.Instant
        var upstreamBody: ByteBuffer
        var retentionSeconds: Int?
        var recorder: (any OutcomeRecorder)?
        var caller: (any ModelCaller)?
        var aiDisclosure: AIDisclosure?

        var elapsedMs: Double {
            let (seconds, attoseconds) = (ContinuousClock.now - started).components
            return Double(seconds) * 1000 + Double(attoseconds) / 1e15
        }

        func content(response: String) -> InteractionContent? {
            guard let retentionSeconds else { return nil }
            return InteractionContent(
                interactionID: record.id, request: String(buffer: upstreamBody), response: response,
                expiresAt: Date().addingTimeInterval(TimeInterval(retentionSeconds))
            )
        }
    }

    let state: Context
    let answer: ModelAnswer
    let estimatedPromptTokens: Int

    init(state: CallState, answer: ModelAnswer, estimatedPromptTokens: Int) {
        self.state = Context(
            record: state.record, receipt: state.receipt, mapping: state.mapping, keepsContent: state.keepsContent, logger: state.logger,
            started: state.started, upstreamBody: state.upstreamBody, retentionSeconds: state.contentRetentionSeconds,
            recorder: state.completionRecorder, caller: state.modelCaller, aiDisclosure: state.aiDisclosure
        )
        self.answer = answer
        self.estimatedPromptTokens = estimatedPromptTokens
    }

    var recorder: (any OutcomeRecorder)? { state.recorder }

    /// Relays the stream through `send`. Throws when the client went away (the record says `cancelled`); leaving
    /// the loop drops the upstream body, which cancels the upstream request.
    public func write(to send: (ByteBuffer) async throws -> Void) async throws {
        var record = state.record
        var relay = StreamRelay(keepAnswer: state.keepsContent, mapping: state.mapping)
        do {
            try await Self.forEach(answer.body) { buffer in
                let out = try relay.relay(buffer.readableBytesView)
                guard !out.isEmpty else { return }
                do { try await send(ByteBuffer(bytes: out)) } catch { throw ClientGone() }
            }
        } catch {
            if Self.isClientGone(error) {
                record.completionTokens = relay.contentEvents
                await complete(&record, outcome: .cancelled, status: 499, errorType: "client_disconnected", relay: relay)
                throw error
            }
            // The backend broke (reset, malformed stream) after the first byte: say so in the stream and the record,
            // and let the next calls avoid it.
            if let backend = record.backend { state.caller?.streamBroke(backend: backend) }
            record.completionTokens = relay.contentEvents
            await complete(&record, outcome: .failed, status: 502, errorType: "upstream_stream_interrupted", relay: relay)
            try await send(ByteBuffer(bytes: Self.errorEvent(
                message: "The model backend's stream broke before the answer was complete (\(error)); the answer above is incomplete.",
                code: "upstream_stream_interrupted", type: "server_error"
            )))
            return
        }
        let tail = relay.finish()
        if !tail.isEmpty { try await send(ByteBuffer(bytes: tail)) }
        let estimated = relay.usage == nil
        let usage = relay.usage ?? TokenUsage(promptTokens: estimatedPromptTokens, completionTokens: relay.contentEvents)
        record.promptTokens = usage.promptTokens
        record.completionTokens = usage.completionTokens
        record.totalTokens = usage.totalTokens
        Record.countTokens(usage, model: record.model ?? "")
        let completed = await complete(&record, outcome: .completed, status: 200, errorType: nil, relay: relay)
        guard completed else {
            // The answer was relayed, but its completion could not be made durable: no final chunk claims it was.
            try await send(ByteBuffer(bytes: Self.errorEvent(
                message: "Thiqa could not record the end of this answer durably; treat it as not delivered.", code: "service_unavailable",
                type: "server_error"
            )))
            return
        }
        let final: JSONValue = [
            "id": .string(relay.chunkID ?? record.id), "object": "chat.completion.chunk",
            "created": .int(relay.created ?? Int64(Date().timeIntervalSince1970)), "model": .string(relay.model ?? record.model ?? ""),
            "choices": [],
            "usage": ["prompt_tokens": .int(Int64(usage.promptTokens)), "completion_tokens": .int(Int64(usage.completionTokens)),
                      "total_tokens": .int(Int64(usage.totalTokens))],
            "thiqa": [
                "interaction_id": .string(record.id), "receipt": .string(state.receipt.token), "ai_generated": true,
                "usage_estimated": .bool(estimated), "backend": .string(record.backend ?? ""),
                "jurisdiction": record.backendJurisdiction.map { .string($0) } ?? .null,
                "log_index": record.logIndex.map { .int(Int64($0)) } ?? .null,
                "completion_log_index": record.completionLogIndex.map { .int(Int64($0)) } ?? .null,
                "disclosure": state.aiDisclosure?.json ?? .null,
            ],
        ]
        var out = ServerSentEventSplitter.frame(try final.encoded())
        out.append(contentsOf: ServerSentEventSplitter.frame(Array("[DONE]".utf8)))
        try await send(ByteBuffer(bytes: out))
    }

    /// Writes the completion; false when it could not be made durable.
    @discardableResult
    func complete(_ record: inout InteractionRecord, outcome: InteractionRecord.Outcome, status: Int, errorType: String?, relay: StreamRelay) async -> Bool {
        record.outcome = outcome
        record.httpStatus = status
        record.errorType = errorType
        record.responseSHA256 = relay.answerSHA256
        record.latencyMs = state.elapsedMs
        guard let recorder else { return false }
        let content = outcome == .completed ? state.content(response: relay.answer) : nil
        do {
            let stored = try await recorder.complete(record, content: content)
            record.completionLogIndex = stored.completionLogIndex
            return true
        } catch {
            state.logger.error("cannot record the end of a stream", metadata: ["thiqa.interaction_id": "\(record.id)", "thiqa.error": "\(error)"])
            return false
        }
    }

    static func forEach(_ chunks: some AsyncSequence<ByteBuffer, any Error>, _ body: (ByteBuffer) async throws -> Void) async throws {
        for try await chunk in chunks { try await body(chunk) }
    }

    /// Errors of the client's side of the stream (the transport's writer), as opposed to the backend's.
    static func isClientGone(_ error: any Error) -> Bool {
        error is ClientGone || error is CancellationError
    }

    static func errorEvent(message: String, code: String, type: String) -> [UInt8] {
        let event: JSONValue = ["error": ["message": .string(message), "type": .string(type), "param": .null, "code": .string(code)]]
        return ServerSentEventSplitter.frame((try? event.encoded()) ?? [])
    }
}

/// Thrown by a transport's writer when the client is gone, so the stream records `cancelled`, not a backend fault.
public struct ClientGone: Error, Sendable {
    public init() {}
}
