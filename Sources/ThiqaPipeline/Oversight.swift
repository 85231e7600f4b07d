import ThiqaCore
import ThiqaPrivacy

/// Where the Hold step makes a determination durable and learns a use case's stop switch. Implemented outside
/// the pipeline (storage, sealing, the log); the stop switch is read from memory, never from a database per call.
public protocol OversightDesk: Sendable {
    /// True while the use case's stop switch is on: every answer is then held for a human.
    func isStopped(_ identity: CallerIdentity) -> Bool
    /// Stores the determination of one answer (held, or released at once), its sealed content and its log leaf;
    /// returns once all of it is durable.
    func open(_ answer: HeldAnswer) async throws -> OpenedDetermination
}

/// What the desk is given of a call to hold or release.
public struct HeldAnswer: Sendable {
    public var identity: CallerIdentity
    /// The interaction record as decided so far (id, model, backend, decisions).
    public var record: InteractionRecord
    public var receipt: Receipt
    public var subjectID: String?
    /// nil: the use case makes decisions but nothing requires a human; the determination is released at once.
    public var demand: ReviewDemand?
    /// The request as the model read it (or would have): pseudonymised.
    public var request: String
    /// The model's answer, pseudonymised; nil when no model was called, or for a released stream (its text is not
    /// known before it has been relayed).
    public var draft: String?
    /// The model as the backend named itself in its answer.
    public var modelVersion: String?
    public var mapping: PseudonymMapping
    public var governed: GovernedControls?
    /// The last user message (the language of the explanation) and the request's `Accept-Language`.
    public var languageHint: String?
    public var acceptLanguage: String?
    public var contentRetentionSeconds: Int?
}

/// A durable determination, as the answer tells the caller about it.
public struct OpenedDetermination: Sendable, Equatable {
    public var id: String
    public var status: String
    /// Where the caller (with its API key) reads the status and, once final, the outcome.
    public var statusURL: String
    /// Where the person reads the status and the explanation with their receipt.
    public var explanationURL: String
    /// The message the person reads while a human decides, in their language.
    public var message: String
    public var language: String
    public var logIndex: UInt64

    public init(id: String, status: String, statusURL: String, explanationURL: String, message: String, language: String, logIndex: UInt64) {
        self.id = id
        self.status = status
        self.statusURL = statusURL
        self.explanationURL = explanationURL
        self.message = message
        self.language = language
        self.logIndex = logIndex
    }
}

extension CallState {
    /// Asks for a human; a demand already there is kept when it is the stronger (`beforeModel` wins).
    public mutating func holdForHuman(_ demand: ReviewDemand) {
        if case .beforeModel? = self.review { return }
        if self.review == nil || { if case .beforeModel = demand { true } else { false } }() {
            self.review = demand
        }
    }
}
