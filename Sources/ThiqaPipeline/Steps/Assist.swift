import Crypto
import Foundation
import Logging
import NIOCore
import ThiqaAssistant
import ThiqaCore
import ThiqaKnowledge
import ThiqaRetrieval

/// What the citizen assistant needs at run time: the knowledge base and its index (loaded at start), the dense
/// backend for question vectors (optional), the conversation memory, and the model that rephrases (optional: by
/// default the answer is extractive, which is right whatever model is bundled).
public struct AssistantSetup: Sendable {
    /// The model name clients ask for.
    public static let model = "thiqa-assistant"
    /// The assistant in service (swapped whole when the knowledge base is reloaded).
    public let source: AssistantSource
    public var assistant: Assistant { source.assistant }
    public var embeddings: (any EmbeddingProvider)?
    /// Where the embeddings backend is: question vectors are asked only when the call allows that jurisdiction.
    public var embeddingsJurisdiction: Jurisdiction?
    public let memory: ConversationMemory
    /// A model that rewrites the extractive answer; its output passes the grounding check or is discarded.
    public var rephraseModel: String?
    /// Where the assistant runs (the record's backend jurisdiction when it answers alone).
    public var jurisdiction: Jurisdiction
    /// How long a rephrasing may take before the extractive answer is sent without it.
    public var rephraseTimeout: Duration

    public init(
        assistant: Assistant, embeddings: (any EmbeddingProvider)? = nil, embeddingsJurisdiction: Jurisdiction? = .sovereign,
        memory: ConversationMemory = ConversationMemory(),
        rephraseModel: String? = nil, jurisdiction: Jurisdiction = .sovereign, rephraseTimeout: Duration = .seconds(20)
    ) {
        self.rephraseTimeout = rephraseTimeout
        self.source = AssistantSource(assistant)
        self.embeddings = embeddings
        self.embeddingsJurisdiction = embeddingsJurisdiction
        self.memory = memory
        self.rephraseModel = rephraseModel
        self.jurisdiction = jurisdiction
    }

    /// The backend descriptor the record names when Thiqa answered itself.
    public var descriptor: BackendDescriptor {
        BackendDescriptor(
            id: Self.model, baseURL: "thiqa:assistant", models: [Self.model], jurisdiction: jurisdiction,
            hosting: "inside Thiqa (extractive answers from the knowledge base)"
        )
    }
}

/// Answers model `thiqa-assistant` from the knowledge base, after privacy, governance and purpose limitation have
/// run and before routing: the answer it sets makes Route and Call skip, and Record, Restore and Disclose treat it
/// as any model's answer. When a rephrasing model is configured it is called through the same `ModelCaller` (within
/// the jurisdictions this call allows), and its output is kept only if the grounding check accepts it; the record's
/// decisions say which happened (`assistant:extractive`, `assistant:rephrased`, `assistant:rephrase_rejected:<kind>`).
public struct Assist: PipelineStep {
    public let name = "assist"
    let setup: AssistantSetup?
    let planner: any BackendPlanner
    let caller: any ModelCaller
    let recorder: any OutcomeRecorder

    public init(setup: AssistantSetup?, planner: any BackendPlanner, caller: any ModelCaller, recorder: any OutcomeRecorder) {
        self.setup = setup
        self.planner = planner
        self.caller = caller
        self.recorder = recorder
    }

    public func run(_ state: inout CallState) async throws {
        guard case .chat(let chat) = state.request, chat.model == AssistantSetup.model else { return }
        guard let setup else { throw GatewayError.modelNotFound(model: chat.model) }
        guard state.allowedJurisdictions.contains(setup.jurisdiction) else {
            throw GatewayError.noEligibleBackend(reason: "the assistant runs under \(setup.jurisdiction.code), which this call does not allow")
        }
        // Fail closed like Call: no answer for a call whose record could not be kept.
        try await recorder.ensureWritable()
        let texts = UserMessages.texts(state.json)
        guard let text = texts.last, !text.isEmpty else {
            throw GatewayError.invalidRequest(
                message: "The assistant answers the last user message, and there is none with text.", param: "messages", code: "invalid_value")
        }
        let memoryKey = state.call.conversationID.map { ConversationMemory.key(caller: state.call.identity.key.id, conversation: $0) }
        let remembered = memoryKey.flatMap { setup.memory.entry($0) }
        let question = Assistant.Question(
            text: text, earlierMessages: Array(texts.dropLast()), conversationProcedure: remembered?.procedureID,
            preferredLanguage: state.call.acceptLanguage.flatMap(LanguageForm.init(tag:))
        )
        // One version of the knowledge base for the whole answer, even if a reload lands meanwhile.
        let assistant = setup.assistant
        let answer: AssistantAnswer
        do {
            let dense = setup.embeddingsJurisdiction.map(state.allowedJurisdictions.contains) ?? false
            answer = try await assistant.answer(question, provider: dense ? setup.embeddings : nil)
        } catch {
            // The dense backend is an improvement, not a dependency: lexical retrieval answers alone.
            state.logger.warning("assistant: dense retrieval failed, lexical only", metadata: ["thiqa.error": "\(error)"])
            state.record.decisions.append("assistant:dense_unavailable")
            answer = try await assistant.answer(question, provider: nil)
        }
        // A person who objected to automated processing is answered without a model: the procedure as the knowledge
        // base writes it (no rephrasing), or, when none matches, a human through the review queue (Hold).
        let objected = state.review == .beforeModel(reason: "objection")
        if objected, answer.abstained {
            state.record.decisions.append("assistant:objection:handed-over")
            return
        }
        if objected {
            state.review = nil
            state.record.decisions.append("assistant:objection:knowledge-base-only")
        }
        if let memoryKey { setup.memory.remember(memoryKey, procedureID: answer.procedureID, language: answer.language.frame) }
        state.record.decisions.append("assistant:answer:\(answer.basisWord)")
        if let id = answer.procedureID { state.record.decisions.append("assistant:procedure:\(id)") }

        var body = answer.body
        var backend = setup.descriptor
        var decision = "extractive"
        if let model = setup.rephraseModel, !answer.abstained, !objected {
            switch await rephrase(answer, question: text, model: model, setup: setup, knowledge: assistant.knowledge, state: &state) {
            case .accepted(let text, let by):
                body = text
                backend = by
                decision = "rephrased"
            case .rejected(let rejection, let by):
                backend = by
                decision = "rephrase_rejected:\(rejection.finding.rawValue)"
            case .failed:
                decision = "rephrase_failed"
            }
        }
        state.record.decisions.append("assistant:\(decision)")
        let content = body + "\n\n" + answer.footer
        state.record.backend = backend.id
        state.record.backendJurisdiction = backend.jurisdiction.code
        state.record.requestSHA256 = Self.sha256(state.upstreamBody)
        let thiqa = Self.thiqaObject(answer, decision: decision)
        let completion = Self.completionTokens(content)
        state.usage = TokenUsage(promptTokens: chat.estimatedPromptTokens, completionTokens: completion)
        let id = "chatcmpl-" + state.record.id
        let created = Int64(Date().timeIntervalSince1970)
        if chat.stream {
            let events = Self.streamEvents(content, id: id, created: created, thiqa: thiqa, usage: state.usage!)
            state.answer = ModelAnswer(
                backend: backend, status: 200, contentType: "text/event-stream", body: BufferSequence(events), timeToHeadMs: 0, failedOver: [])
        } else {
            let json: JSONValue = [
                "id": .string(id), "object": "chat.completion", "created": .int(created), "model": .string(AssistantSetup.model),
                "choices": [["index": 0, "message": ["role": "assistant", "content": .string(content)], "finish_reason": "stop"]],
                "usage": Self.usageJSON(state.usage!),
                "thiqa": thiqa,
            ]
            let bytes = ByteBuffer(bytes: try json.encoded())
            state.answer = ModelAnswer(
                backend: backend, status: 200, contentType: "application/json", body: BufferSequence([bytes]), timeToHeadMs: 0, failedOver: [])
            state.answerBytes = bytes
            state.answerJSON = json
        }
    }

    enum Rephrasing {
        case accepted(String, by: BackendDescriptor)
        case rejected(GroundingCheck.Rejection, by: BackendDescriptor)
        case failed
    }

    /// Asks the configured model to reword the extractive body, and checks what it wrote against the sources.
    func rephrase(
        _ answer: AssistantAnswer, question: String, model: String, setup: AssistantSetup, knowledge: KnowledgeBase, state: inout CallState
    ) async -> Rephrasing {
        guard case .route(let plan) = planner.plan(model: model, allowed: state.allowedJurisdictions, requireEmbeddings: false) else {
            state.logger.warning("assistant: no backend may take the rephrasing model", metadata: ["thiqa.model": "\(model)"])
            return .failed
        }
        let request: JSONValue = [
            // About as long as the answer itself (a rewording, not an essay), which also bounds a slow model's time.
            "model": .string(model), "temperature": 0, "max_tokens": .int(Int64(min(900, answer.body.utf8.count / 3 + 32))), "stream": false,
            "messages": [
                ["role": "system", "content": .string(Self.rephrasePrompt(answer.language))],
                ["role": "user", "content": .string(answer.body)],
            ],
        ]
        do {
            let caller = self.caller
            let logger = state.logger
            let body = ByteBuffer(bytes: try request.encoded())
            // A slow model must not hold the answer: past the timeout the person gets the extractive one.
            let reply: (ModelAnswer, ByteBuffer)? = try await withThrowingTaskGroup(of: (ModelAnswer, ByteBuffer)?.self) { group in
                group.addTask {
                    let sent = try await caller.send(path: "/chat/completions", body: body, to: plan, logger: logger)
                    return (sent, try await sent.collect(upTo: 1 << 20))
                }
                group.addTask {
                    try await Task.sleep(for: setup.rephraseTimeout)
                    return nil
                }
                let first = try await group.next() ?? nil
                group.cancelAll()
                return first
            }
            guard let (sent, bytes) = reply else {
                state.logger.warning("assistant: the rephrasing model did not answer in time, extractive answer sent")
                return .failed
            }
            guard sent.status == 200,
                let text = try JSONValue.parse(bytes.readableBytesView)["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue
            else {
                return .failed
            }
            let sources = answer.sources.compactMap(\.procedureID).compactMap { knowledge[$0] }
            if let rejection = GroundingCheck(sources: sources, extractive: answer, question: question).check(text) {
                state.logger.info("assistant: rephrasing rejected", metadata: ["thiqa.reason": "\(rejection)"])
                return .rejected(rejection, by: sent.backend)
            }
            return .accepted(text.trimmingCharacters(in: .whitespacesAndNewlines), by: sent.backend)
        } catch {
            state.logger.warning("assistant: rephrasing failed, extractive answer sent", metadata: ["thiqa.error": "\(error)"])
            return .failed
        }
    }

    static func rephrasePrompt(_ language: AnswerLanguage) -> String {
        """
        You reword an answer for a citizen of Morocco, in the same language and script as the answer (\(language.frame.rawValue)). \
        Use only the facts written in the answer. Never add a number, an amount, a fee, a delay, a document or a place. \
        Keep every number, every step and every [1] citation marker. Quoted steps stay in \(language.quote == .arabic ? "Arabic" : "French"). \
        Reply with the reworded answer only.
        """
    }

    /// The `thiqa` object of the answer: its sources (also in the text) and what the assistant did.
    static func thiqaObject(_ answer: AssistantAnswer, decision: String) -> JSONValue {
        let sources: [JSONValue] = answer.sources.map { source in
            ["title": .string(source.title), "url": .string(source.url), "procedure_id": source.procedureID.map { .string($0) } ?? .null]
        }
        return [
            "sources": .array(sources),
            "assistant": [
                "language": .string(answer.language.frame.rawValue), "quoted_language": .string(answer.language.quote.rawValue),
                "direction": .string(answer.language.direction), "basis": .string(answer.basisWord),
                "procedure_id": answer.procedureID.map { .string($0) } ?? .null, "decision": .string("assistant:\(decision)"),
            ],
        ]
    }

    /// OpenAI-shaped chunks: the role and Thiqa's object first, the text a few words at a time, the end, the usage.
    static func streamEvents(_ content: String, id: String, created: Int64, thiqa: JSONValue, usage: TokenUsage) -> [ByteBuffer] {
        func chunk(_ delta: JSONValue, finish: JSONValue = .null, extra: [String: JSONValue] = [:]) -> ByteBuffer {
            var object: [String: JSONValue] = [
                "id": .string(id), "object": "chat.completion.chunk", "created": .int(created), "model": .string(AssistantSetup.model),
                "choices": [["index": 0, "delta": delta, "finish_reason": finish]],
            ]
            for (key, value) in extra { object[key] = value }
            return ByteBuffer(bytes: ServerSentEventSplitter.frame((try? JSONValue.object(object).encoded()) ?? []))
        }
        var events = [chunk(["role": "assistant", "content": ""], extra: ["thiqa": thiqa])]
        for piece in pieces(content) { events.append(chunk(["content": .string(piece)])) }
        events.append(chunk([:], finish: "stop"))
        let usageChunk: JSONValue = [
            "id": .string(id), "object": "chat.completion.chunk", "created": .int(created), "model": .string(AssistantSetup.model),
            "choices": [], "usage": usageJSON(usage),
        ]
        events.append(ByteBuffer(bytes: ServerSentEventSplitter.frame((try? usageChunk.encoded()) ?? [])))
        events.append(ByteBuffer(bytes: ServerSentEventSplitter.frame(Array("[DONE]".utf8))))
        return events
    }

    /// The text in pieces of a few words (whitespace kept), as a model would stream it.
    static func pieces(_ text: String, wordsPerPiece: Int = 6) -> [String] {
        var pieces: [String] = []
        var current = ""
        var words = 0
        for character in text {
            current.append(character)
            if character == " " || character == "\n" {
                words += 1
                if words >= wordsPerPiece {
                    pieces.append(current)
                    current = ""
                    words = 0
                }
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    static func usageJSON(_ usage: TokenUsage) -> JSONValue {
        ["prompt_tokens": .int(Int64(usage.promptTokens)), "completion_tokens": .int(Int64(usage.completionTokens)),
         "total_tokens": .int(Int64(usage.totalTokens))]
    }

    /// About four bytes of UTF-8 a token, the estimate the gateway uses for prompts.
    static func completionTokens(_ text: String) -> Int { max(1, text.utf8.count / 4) }

    static func sha256(_ buffer: ByteBuffer) -> String {
        Array(SHA256.hash(data: Array(buffer.readableBytesView))).hexString
    }
}

/// A finite answer body already in memory, as the async sequence a model answer's body is.
struct BufferSequence: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let buffers: [ByteBuffer]
    init(_ buffers: [ByteBuffer]) { self.buffers = buffers }

    struct AsyncIterator: AsyncIteratorProtocol {
        var remaining: ArraySlice<ByteBuffer>
        mutating func next() async throws -> ByteBuffer? { remaining.popFirst() }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(remaining: buffers[...]) }
}
