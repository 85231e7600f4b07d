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

    /// Where the request body comes from. It is read by the `validate` step, so a body that cannot be read
    /// (too large, cut off) is an outcome the pipeline records like any other.
    public struct Body: Sendable {
        /// Reads the whole body, refusing more than the given number of bytes.
        public let collect: @Sendable (_ limit: Int) async throws -> ByteBuffer

        public init(collect: @escaping @Sendable (_ limit: Int) async throws -> ByteBuffer) {
            self.collect = collect
        }

        public static func bytes(_ buffer: ByteBuffer) -> Body {
            Body { limit in
                guard buffer.readableBytes <= limit else { throw GatewayError.payloadTooLarge(limitBytes: limit) }
                return buffer
            }
        }
    }

    public var identity: CallerIdentity
    public var endpoint: Endpoint
    public var body: Body
    /// Keeps placeholders consistent across the turns of one conversation of this caller, as the caller sent it
    /// (the `validate` step checks it).
    public var conversationID: String?
    /// The request's `Accept-Language`, a fallback for the AI disclosure's language.
    public var acceptLanguage: String?
    /// The deployer's subject headers as received (`Thiqa-Subject-CIN`, `Thiqa-Subject`): read by the
    /// identify-subject step, which keeps only a keyed hash of them.
    public var subjectHeaders = SubjectHeaders()

    public struct SubjectHeaders: Sendable, Equatable {
        public var cin: String?
        public var generic: String?
        public init(cin: String? = nil, generic: String? = nil) {
            self.cin = cin
            self.generic = generic
        }
    }

    public init(identity: CallerIdentity, endpoint: Endpoint, body: Body, conversationID: String? = nil) {
        self.identity = identity
        self.endpoint = endpoint
        self.body = body
        self.conversationID = conversationID
    }

    public init(identity: CallerIdentity, endpoint: Endpoint, body: ByteBuffer, conversationID: String? = nil) {
        self.init(identity: identity, endpoint: endpoint, body: .bytes(body), conversationID: conversationID)
    }

    /// 1 to 128 letters, digits, '-', '_', '.' or ':' — safe in logs and as part of a storage key.
    public static func validConversationID(_ value: String) -> Bool {
        (1...128).contains(value.utf8.count)
            && value.utf8.allSatisfy({
                ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E
                    || $0 == 0x3A
            })
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
