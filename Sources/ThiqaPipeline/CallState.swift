import Foundation
import Logging
import NIOCore
import ThiqaCore
import ThiqaPrivacy

/// Everything one call has learnt so far, filled in by the steps in order. A step reads what earlier steps set
/// and adds its own part; the record is what the recorder writes, whatever the outcome.
public struct CallState: Sendable {
    public let call: AICall
    public let logger: Logger
    public let started: ContinuousClock.Instant
    /// The record of this call, written exactly once (twice for a stream: its decision, then its completion).
    public var record: InteractionRecord
    /// Given to the caller with the answer; only its hash is recorded.
    public let receipt: Receipt

    // validate
    public var json: JSONValue = .null
    public var request: ModelRequest?

    // govern
    /// Jurisdictions whose backends may take the call; later steps only narrow it.
    public var allowedJurisdictions: Set<Jurisdiction>
    /// What the registry decided for this call (nil until the govern step has run).
    public var governed: GovernedControls?
    /// How long message content is kept: the use case's choice, which the registry's controls may only shorten
    /// or turn off (nil: keep none).
    public var contentRetentionSeconds: Int?

    // validate, then protect
    /// The body as received, then as the model will receive it (pseudonymised).
    public var upstreamBody: ByteBuffer
    /// True when a step changed `json`: the Call step encodes it again instead of forwarding the bytes received.
    public var bodyChanged = false
    public var mapping = PseudonymMapping()
    public var sensitiveCategories: Set<SensitiveCategory> = []
    /// The personal-data types Protect found in what the model would read (for purpose limitation).
    public var personalDataTypes: Set<EntityType> = []

    // route
    public var plan: [BackendDescriptor] = []

    // call
    public var answer: ModelAnswer?
    /// The whole answer of a call that is not streamed.
    public var answerBytes: ByteBuffer?
    public var usage: TokenUsage?

    /// The parsed answer, when a step needed to look inside it (usage, restore, pooling); `answerChanged` says
    /// whether it must be encoded again.
    public var answerJSON: JSONValue?
    public var answerChanged = false

    // record
    /// True once the record is durable: a later failure must not write a second one.
    public var recorded = false
    /// For a stream: where its completion is recorded when it ends, and whom to tell when its backend breaks.
    public var completionRecorder: (any OutcomeRecorder)?
    public var modelCaller: (any ModelCaller)?

    // disclose
    public var outcome: PipelineAnswer?
    /// The AI disclosure the answer carries, when the registry requires one.
    public var aiDisclosure: AIDisclosure?

    // oversight and rights
    /// The pseudonymous subject the deployer named for this call (a keyed hash; never the raw identifier).
    public var subjectID: String?
    /// Set when the call must wait for a human instead of being released (see ``ReviewDemand``).
    public var review: ReviewDemand?

    public var keepsContent: Bool { contentRetentionSeconds != nil }

    public init(call: AICall, logger: Logger, receipt: Receipt = .issue(), now: ContinuousClock.Instant = .now) {
        self.call = call
        self.logger = logger
        self.started = now
        self.receipt = receipt
        self.record = InteractionRecord(
            tenant: call.identity.key.tenant, useCase: call.identity.key.useCase, apiKeyID: call.identity.key.id,
            endpoint: call.endpoint.rawValue
        )
        self.record.receiptHash = receipt.hash
        self.allowedJurisdictions = Set(call.identity.useCase.allowedJurisdictions)
        self.contentRetentionSeconds = call.identity.useCase.contentRetentionSeconds
        self.upstreamBody = ByteBuffer()
    }

    public var elapsedMs: Double {
        let (seconds, attoseconds) = (ContinuousClock.now - started).components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }

    /// Message content to keep, for a use case that opted in: what the model saw and said (pseudonymised).
    public func content(response: String) -> InteractionContent? {
        guard let seconds = contentRetentionSeconds else { return nil }
        return InteractionContent(
            interactionID: record.id, request: String(buffer: upstreamBody), response: response,
            expiresAt: Date().addingTimeInterval(TimeInterval(seconds))
        )
    }
}
