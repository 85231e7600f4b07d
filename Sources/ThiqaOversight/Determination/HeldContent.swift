import Foundation
import ThiqaPrivacy

/// What a reviewer reads and amends: the request and the model's draft as the model saw and wrote them
/// (pseudonymised), the mapping that puts the person's values back, and a first reviewer's amended text. Stored
/// only sealed (``HeldContentSealer``), whatever the use case's content-retention setting.
public struct HeldContent: Sendable, Codable, Equatable {
    public var request: String
    /// nil when no model was called: the reviewer writes the answer.
    public var draft: String?
    public var mapping: PseudonymMapping
    public var amended: String?
    /// The use case's content retention when the call was made (nil: none): what is kept once the determination is
    /// final, and for how long.
    public var contentRetentionSeconds: Int?

    public init(request: String, draft: String?, mapping: PseudonymMapping, amended: String? = nil, contentRetentionSeconds: Int?) {
        self.request = request
        self.draft = draft
        self.mapping = mapping
        self.amended = amended
        self.contentRetentionSeconds = contentRetentionSeconds
    }

    enum CodingKeys: String, CodingKey {
        case request, draft, mapping, amended
        case contentRetentionSeconds = "content_retention_seconds"
    }

    /// The text a final verdict releases, with the person's values put back; nil for a rejection.
    public func released(_ outcome: FinalOutcome) -> String? {
        let restorer = PlaceholderRestorer(mapping: self.mapping)
        switch outcome.verdict {
        case .approve: return self.draft.map(restorer.restore)
        case .amend: return self.amended.map(restorer.restore)
        case .reject: return nil
        }
    }
}

/// Seals held content and released outcomes at rest, bound to the subject and the record they belong to (both are
/// associated data: a sealed blob moved to another record does not open). Implemented today with the gateway's
/// master key; per-subject keys (crypto-shredding) can replace it without touching the callers.
public protocol HeldContentSealer: Sendable {
    /// Async: a subject's key lives in the key store apart from the main database (crypto-shredding).
    func seal(_ plaintext: [UInt8], subjectID: String?, recordID: String) async throws -> [UInt8]
    func open(_ sealed: [UInt8], subjectID: String?, recordID: String) async throws -> [UInt8]
}
