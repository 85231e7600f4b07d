import Logging
import NIOCore
import ThiqaCore
import ThiqaPrivacy

/// Where the pipeline's outcomes become durable: the one recorder every call goes through.
public protocol OutcomeRecorder: Sendable {
    /// Throws (503) when records cannot be made durable right now: no model may be called then.
    func ensureWritable() async throws(GatewayError)
    /// Returns once the record and its log leaf are committed, with the leaf's index.
    func record(_ record: InteractionRecord, content: InteractionContent?) async throws -> InteractionRecord
    /// Returns once a streamed call's completion (an update of its record and a second leaf) is committed.
    func complete(_ record: InteractionRecord, content: InteractionContent?) async throws -> InteractionRecord
}

/// Chooses the backends that may take a call, in the order to try them.
public protocol BackendPlanner: Sendable {
    func plan(model: String, allowed: Set<Jurisdiction>, requireEmbeddings: Bool) -> BackendSelection.Verdict
}

/// Sends a request to the planned backends (failing over before the first byte reaches the client) and returns
/// the first answer whose head arrived.
public protocol ModelCaller: Sendable {
    func send(path: String, body: ByteBuffer, to plan: [BackendDescriptor], logger: Logger) async throws(GatewayError) -> ModelAnswer
    /// A backend's stream broke after its first byte reached the client: the next calls should avoid it.
    func streamBroke(backend: String)
}

/// The sealed pseudonym mappings of conversations, each owned by the key that created it.
public protocol ConversationStore: Sendable {
    /// The mapping of this owner's conversation and its version (nil when there is none yet).
    func load(identity: CallerIdentity, conversation: String) async throws -> (mapping: PseudonymMapping, version: Int64)?
    /// Saves if the stored version is still `expectedVersion`; false when another turn saved first.
    func save(_ mapping: PseudonymMapping, identity: CallerIdentity, conversation: String, expectedVersion: Int64?) async throws -> Bool
    /// The same, for a conversation about a subject: the mapping is sealed under the subject's key, so the
    /// subject's erasure makes it unreadable.
    func save(
        _ mapping: PseudonymMapping, identity: CallerIdentity, conversation: String, subject: String?, expectedVersion: Int64?
    ) async throws -> Bool
}

extension ConversationStore {
    /// Stores that keep no subject data apart save the same way with or without one.
    public func save(
        _ mapping: PseudonymMapping, identity: CallerIdentity, conversation: String, subject: String?, expectedVersion: Int64?
    ) async throws -> Bool {
        try await save(mapping, identity: identity, conversation: conversation, expectedVersion: expectedVersion)
    }
}

/// An answer whose head has arrived; the body may still be streaming.
public struct ModelAnswer: Sendable {
    public struct FailedAttempt: Sendable, Equatable {
        public var backend: String
        public var reason: String
        public init(backend: String, reason: String) {
            self.backend = backend
            self.reason = reason
        }
    }

    public var backend: BackendDescriptor
    public var status: Int
    public var contentType: String?
    public var body: any AsyncSequence<ByteBuffer, any Error> & Sendable
    /// Time from sending to the response head.
    public var timeToHeadMs: Double
    /// Backends tried before this one, with why they failed.
    public var failedOver: [FailedAttempt]

    public init(
        backend: BackendDescriptor, status: Int, contentType: String?, body: any AsyncSequence<ByteBuffer, any Error> & Sendable,
        timeToHeadMs: Double, failedOver: [FailedAttempt]
    ) {
        self.backend = backend
        self.status = status
        self.contentType = contentType
        self.body = body
        self.timeToHeadMs = timeToHeadMs
        self.failedOver = failedOver
    }

    /// The whole body, refusing more than `limit` bytes (an answer is bounded like a request).
    public func collect(upTo limit: Int) async throws -> ByteBuffer {
        try await Self.collect(self.body, upTo: limit)
    }

    static func collect(_ chunks: some AsyncSequence<ByteBuffer, any Error>, upTo limit: Int) async throws -> ByteBuffer {
        var out = ByteBuffer()
        for try await var chunk in chunks {
            guard out.readableBytes + chunk.readableBytes <= limit else { throw AnswerTooLarge(limit: limit) }
            out.writeBuffer(&chunk)
        }
        return out
    }
}

/// A backend's answer was larger than Thiqa accepts.
public struct AnswerTooLarge: Error, Sendable, CustomStringConvertible {
    public var limit: Int
    public var description: String { "the model backend's answer is larger than \(limit) bytes" }
}
