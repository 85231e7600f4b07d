import Crypto
import FoundationEssentials

/// What happened to one API call. Holds no message content (that lives in `InteractionContent`, opt-in).
public struct InteractionRecord: Sendable, Codable, Equatable {
    public enum Outcome: String, Sendable, Codable {
        /// The model answered in full.
        case completed
        /// The client went away before the answer was complete; the upstream request was cancelled.
        case cancelled
        /// Thiqa refused the request (validation, policy, limits) before any model saw it.
        case rejected
        /// No backend could answer (unreachable, 5xx, timeout, none eligible), or Thiqa failed unexpectedly.
        case failed
        /// A streamed answer whose decision is recorded and whose stream has not ended yet; the completion
        /// (tokens, answer digest, finished or cut off) replaces it when the stream ends. A record left in this
        /// state says the process stopped while the stream ran.
        case streaming
    }

    public var id: String
    public var createdAt: Date
    public var tenant: TenantID
    public var useCase: UseCaseID
    public var apiKeyID: String
    public var endpoint: String
    public var model: String?
    public var backend: String?
    public var backendJurisdiction: String?
    public var outcome: Outcome
    public var httpStatus: Int
    public var errorType: String?
    public var stream: Bool
    public var latencyMs: Double
    public var upstreamLatencyMs: Double?
    public var promptTokens: Int?
    public var completionTokens: Int?
    public var totalTokens: Int?
    /// Policy decisions taken on this call (for example privacy findings and actions), as stable strings.
    public var decisions: [String]
    /// SHA-256 (hex) of the request as the model saw it (pseudonymised) and of the answer: what the
    /// transparency log commits to, never the content itself.
    public var requestSHA256: String?
    public var responseSHA256: String?
    /// Index of this record's leaf in the transparency log, once appended. For a streamed call, the leaf of
    /// the decision, written before the first byte reached the client.
    public var logIndex: UInt64?
    /// A streamed call's second leaf: its completion, appended when the stream ended.
    public var completionLogIndex: UInt64?
    /// The 32 random bytes (hex) the public leaf's commitment is salted with; private, like the record.
    public var commitmentSalt: String?
    /// SHA-256 (hex) of the receipt given to the caller: the receipt itself is never stored.
    public var receiptHash: String?
    /// The pseudonymous subject the deployer named (`sub_…`, a keyed hash; never the identifier). Not part of
    /// what the log commits to: an erasure can clear it without touching the log.
    public var subjectID: String?

    public init(
        id: String = InteractionRecord.newID(), createdAt: Date = Date(), tenant: TenantID, useCase: UseCaseID, apiKeyID: String,
        endpoint: String, model: String? = nil, backend: String? = nil, backendJurisdiction: String? = nil,
        outcome: Outcome = .completed, httpStatus: Int = 200, errorType: String? = nil, stream: Bool = false,
        latencyMs: Double = 0, upstreamLatencyMs: Double? = nil, promptTokens: Int? = nil, completionTokens: Int? = nil,
        totalTokens: Int? = nil, decisions: [String] = [], requestSHA256: String? = nil, responseSHA256: String? = nil,
        logIndex: UInt64? = nil, completionLogIndex: UInt64? = nil, commitmentSalt: String? = nil, receiptHash: String? = nil,
        subjectID: String? = nil
    ) {
        self.id = id
        self.createdAt = createdAt
        self.tenant = tenant
        self.useCase = useCase
        self.apiKeyID = apiKeyID
        self.endpoint = endpoint
        self.model = model
        self.backend = backend
        self.backendJurisdiction = backendJurisdiction
        self.outcome = outcome
        self.httpStatus = httpStatus
        self.errorType = errorType
        self.stream = stream
        self.latencyMs = latencyMs
        self.upstreamLatencyMs = upstreamLatencyMs
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.totalTokens = totalTokens
        self.decisions = decisions
        self.requestSHA256 = requestSHA256
        self.responseSHA256 = responseSHA256
        self.logIndex = logIndex
        self.completionLogIndex = completionLogIndex
        self.commitmentSalt = commitmentSalt
        self.receiptHash = receiptHash
        self.subjectID = subjectID
    }

    /// `int_` + 24 random base62 characters: unguessable, sortable enough for humans, safe in URLs.
    public static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return "int_" + APIKeyFormat.randomString(count: 24, using: &generator)
    }
}

/// What the caller keeps to reach their own record later: an unguessable token given once with the answer.
/// Only its SHA-256 is stored, so a copy of the database does not hand out anyone's receipts. Later rights
/// (a decision's explanation, a contestation) are reached through this same receipt.
public struct Receipt: Sendable, Equatable {
    public let token: String

    public init?(token: String) {
        guard token.hasPrefix("rcp_"), token.utf8.count == 4 + 32,
            token.utf8.dropFirst(4).allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) })
        else { return nil }
        self.token = token
    }

    /// `rcp_` + 32 base62 characters (about 190 bits).
    public static func issue() -> Receipt {
        var generator = SystemRandomNumberGenerator()
        return Receipt(token: "rcp_" + APIKeyFormat.randomString(count: 32, using: &generator))!
    }

    public var hash: String { Array(SHA256.hash(data: Array(token.utf8))).hexString }
}

/// Message content kept for a use case that opted in, until `expiresAt`.
public struct InteractionContent: Sendable, Codable, Equatable {
    public var interactionID: String
    public var request: String
    public var response: String
    public var expiresAt: Date

    public init(interactionID: String, request: String, response: String, expiresAt: Date) {
        self.interactionID = interactionID
        self.request = request
        self.response = response
        self.expiresAt = expiresAt
    }
}
