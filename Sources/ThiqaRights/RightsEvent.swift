import Foundation
import ThiqaJSON

/// One right exercised, or one step of it: what is recorded (table `rights_events`) and committed to in the
/// transparency log. The committed record carries ids, kinds, states and times only — never an identifier, a
/// reason or a message — and the public leaf is a salted commitment to it, so the log shows that something was
/// appended and nothing about whom.
public struct RightsEvent: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case objection = "objection"
        case objectionWithdrawn = "objection_withdrawn"
        case contestationOpened = "contestation_opened"
        case contestationStep = "contestation_step"
        case accessRequested = "access_requested"
        case accessReleased = "access_released"
        case rectification = "rectification"
        case erasure = "erasure"
    }

    public var id: String
    public var kind: Kind
    public var tenant: String
    public var subjectID: String?
    /// What the event is about: an objection, a case, a request id.
    public var target: String
    /// Who acted: `person`, or a staff principal id.
    public var actor: String
    /// Stable, non-personal details: a case state, a proof kind, a scope, counts.
    public var detail: [String: String]
    public var at: Date

    public init(
        id: String = RightsToken.make(prefix: "rev_", count: 24), kind: Kind, tenant: String, subjectID: String?, target: String, actor: String,
        detail: [String: String] = [:], at: Date
    ) {
        self.id = id
        self.kind = kind
        self.tenant = tenant
        self.subjectID = subjectID
        self.target = target
        self.actor = actor
        self.detail = detail
        self.at = at
    }

    /// The record the log's leaf commits to (RFC 8785): without the subject id, so a leaf, even with its salt,
    /// links to nobody; the event's row keeps it for the subject's own file.
    public var committedRecord: [UInt8] {
        var object: [String: JSONValue] = [
            "v": .int(1), "kind": .string("thiqa.rights.\(kind.rawValue)"), "event_id": .string(id), "tenant": .string(tenant),
            "target": .string(target), "actor": .string(actor), "at_ms": .int(Int64((at.timeIntervalSince1970 * 1000).rounded())),
        ]
        object["detail"] = .object(detail.mapValues { .string($0) })
        var out: [UInt8] = []
        // Only strings and integers: canonical writing cannot fail.
        try? JSONWriter.write(.object(object), style: .canonical, into: &out)
        return out
    }
}
