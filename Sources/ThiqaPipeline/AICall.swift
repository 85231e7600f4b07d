import NIOCore
import ThiqaCore

/// One AI call as the pipeline sees it: who calls and what they ask, with no transport. The HTTP layer builds it
/// from a request; later channels (SMS, USSD, the web chat) build it from their own messages.
public struct AICall: Sendable {
    /// Every kind of call that reaches a model. The router's routes for them are checked against this list.
    public enum Endpoint: String, Sendable, CaseIterable {
        case chatCompletions = "/v1/chat/completions"
        case embeddings = "/v1/embeddings"

        /// The path on an OpenAI-compatible backend, relative to its `/v1` base URL.
        public var upstreamPath: String {
            switch self {
            case .chatCompletions: return "/chat/completions"
            case .embeddings: return "/embeddings"
            }
        }
    }

    public var identity: CallerIdentity
    public var endpoint: Endpoint
    /// The request body as received (JSON).
    public var body: ByteBuffer
    /// Keeps placeholders consistent across the turns of one conversation of this caller.
    public var conversationID: String?

    public init(identity: CallerIdentity, endpoint: Endpoint, body: ByteBuffer, conversationID: String? = nil) {
        self.identity = identity
        self.endpoint = endpoint
        self.body = body
        self.conversationID = conversationID
    }
}

/// The validated request, by endpoint.
public enum ModelRequest: Sendable {
    case chat(ChatCompletionRequest)
    case embeddings(EmbeddingsRequest)

    public var model: String {
        switch self {
        case .chat(let chat): return chat.model
        case .embeddings(let embeddings): return embeddings.model
        }
    }

    public var stream: Bool {
        if case .chat(let chat) = self { return chat.stream }
        return false
    }
}
