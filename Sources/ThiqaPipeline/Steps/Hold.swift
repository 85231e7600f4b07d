import Foundation
import NIOCore
import ThiqaCore

/// Human oversight in the request path. When a step asked for a human (``CallState/review``) or the use case's stop
/// switch is on, the model's answer (or, before the model, nothing) is held: it is sealed as the reviewer's draft,
/// the determination and its log leaf are durable, and the caller gets an OpenAI-shaped answer whose message says a
/// person will decide, with a `thiqa.pending` object (determination id, status URL, receipt). A stream gets one
/// chunk that says so, Thiqa's final chunk and `[DONE]`. Nothing the model said reaches the client.
///
/// For a use case whose answers are decisions, every answer that is not held becomes a determination released at
/// once, named in the answer's `thiqa.determination`.
public struct Hold: PipelineStep {
    public let name = "hold"
    let desk: any OversightDesk
    /// A held stream is read whole before anything is sent; it is bounded like a complete answer.
    static let maxHeldStreamBytes = 16 << 20

    public init(desk: any OversightDesk) {
        self.desk = desk
    }

    public func run(_ state: inout CallState) async throws {
        guard case .chat(let chat)? = state.request else {
            if let demand = state.review {
                throw GatewayError.refused(
                    code: "oversight_requires_chat",
                    message: "This call must wait for a human (\(demand.reason)), and only chat completions can be held; embeddings of this use case cannot be served.",
                    param: nil
                )
            }
            return
        }
        if let answer = state.answer, answer.status != 200 { return }
        if state.review == nil, desk.isStopped(state.call.identity) {
            state.holdForHuman(.afterModel(reason: "stop_switch"))
        }
        let decides = state.governed?.makesDecisions ?? false
        guard state.review != nil || decides else { return }

        var draft: String?
        var modelVersion: String?
        if let demand = state.review, case .afterModel = demand, let answer = state.answer {
            if chat.stream {
                let bytes = try await answer.collect(upTo: Self.maxHeldStreamBytes)
                (draft, modelVersion) = try Self.text(ofStream: bytes)
            } else {
                (draft, modelVersion) = Self.text(ofCompletion: state.answerJSON)
            }
        } else if state.review == nil, !chat.stream {
            (draft, modelVersion) = Self.text(ofCompletion: state.answerJSON)
        }

        let demand = state.review
        state.record.decisions.append(demand.map { "oversight:held:\($0.reason)" } ?? "oversight:released")
        let opened = try await desk.open(
            HeldAnswer(
                identity: state.call.identity, record: state.record, receipt: state.receipt, subjectID: state.subjectID, demand: demand,
                request: String(buffer: state.upstreamBody.readableBytes > 0 ? state.upstreamBody : ByteBuffer(bytes: (try? state.json.encoded()) ?? [])),
                draft: draft, modelVersion: modelVersion, mapping: state.mapping, governed: state.governed,
                languageHint: UserMessages.last(state.json), acceptLanguage: state.call.acceptLanguage,
                contentRetentionSeconds: state.contentRetentionSeconds
            )
        )
        state.record.decisions.append("oversight:determination:\(opened.id)")

        guard demand != nil else {
            // Released at once: the answer goes out as it is, naming its determination.
            if !chat.stream, var object = state.answerJSON?.objectValue {
                var thiqa = object["thiqa"]?.objectValue ?? [:]
                thiqa["determination"] = Self.json(opened, receipt: state.receipt)
                object["thiqa"] = .object(thiqa)
                state.answerJSON = .object(object)
                state.answerChanged = true
            }
            return
        }

        let created = Int64(Date().timeIntervalSince1970)
        let pending = Self.json(opened, receipt: state.receipt)
        let backend = state.answer?.backend ?? Self.humanDesk
        if chat.stream {
            let chunk: JSONValue = [
                "id": .string("chatcmpl-\(state.record.id)"), "object": "chat.completion.chunk", "created": .int(created), "model": .string(chat.model),
                "choices": [["index": 0, "delta": ["role": "assistant", "content": .string(opened.message)], "finish_reason": "stop"]],
                "thiqa": ["pending": pending],
            ]
            var bytes = ServerSentEventSplitter.frame(try chunk.encoded())
            bytes.append(contentsOf: ServerSentEventSplitter.frame(Array("[DONE]".utf8)))
            let (stream, continuation) = AsyncThrowingStream<ByteBuffer, any Error>.makeStream()
            continuation.yield(ByteBuffer(bytes: bytes))
            continuation.finish()
            state.answer = ModelAnswer(
                backend: backend, status: 200, contentType: "text/event-stream", body: stream, timeToHeadMs: state.answer?.timeToHeadMs ?? 0,
                failedOver: []
            )
            state.usage = nil
        } else {
            var body: [String: JSONValue] = [
                "id": .string("chatcmpl-\(state.record.id)"), "object": "chat.completion", "created": .int(created), "model": .string(chat.model),
                "choices": [["index": 0, "message": ["role": "assistant", "content": .string(opened.message)], "finish_reason": "stop"]],
                "thiqa": ["pending": pending],
            ]
            // The tokens the model spent on the held draft are real; a call no model read spent none.
            let usage = state.usage ?? TokenUsage(promptTokens: 0, completionTokens: 0)
            body["usage"] = [
                "prompt_tokens": .int(Int64(usage.promptTokens)), "completion_tokens": .int(Int64(usage.completionTokens)),
                "total_tokens": .int(Int64(usage.totalTokens)),
            ]
            let json = JSONValue.object(body)
            state.answerJSON = json
            state.answerBytes = ByteBuffer(bytes: try json.encoded())
            state.answerChanged = false
            if state.answer == nil {
                let (stream, continuation) = AsyncThrowingStream<ByteBuffer, any Error>.makeStream()
                continuation.finish()
                state.answer = ModelAnswer(
                    backend: backend, status: 200, contentType: "application/json", body: stream, timeToHeadMs: 0, failedOver: []
                )
            }
        }
    }

    /// Stands for the backend of an answer no model wrote (a human will): never called, never recorded as a backend.
    static let humanDesk = BackendDescriptor(id: "thiqa-review", baseURL: "", models: [], jurisdiction: .sovereign)

    static func json(_ opened: OpenedDetermination, receipt: Receipt) -> JSONValue {
        [
            "determination_id": .string(opened.id), "status": .string(opened.status), "status_url": .string(opened.statusURL),
            "explanation_url": .string(opened.explanationURL), "receipt": .string(receipt.token), "message": .string(opened.message),
            "language": .string(opened.language), "log_index": .int(Int64(opened.logIndex)),
        ]
    }

    static func text(ofCompletion json: JSONValue?) -> (String?, String?) {
        let content = json?["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue
        return (content, json?["model"]?.stringValue)
    }

    /// The text of a streamed answer, read whole.
    static func text(ofStream bytes: ByteBuffer) throws -> (String, String?) {
        var splitter = ServerSentEventSplitter()
        var text = ""
        var model: String?
        for event in try splitter.feed(bytes.readableBytesView) where !event.isDone {
            guard let chunk = try? JSONValue.parse(event.data) else { continue }
            if model == nil { model = chunk["model"]?.stringValue }
            for choice in chunk["choices"]?.arrayValue ?? [] {
                if let delta = choice["delta"]?["content"]?.stringValue { text += delta }
            }
        }
        return (text, model)
    }
}
