import Crypto
import Foundation
import ThiqaCore
import ThiqaGovernance
import ThiqaLedger

/// What the transparency log commits to for a review event: kind `determination`, as RFC 8785 bytes. The log
/// publishes only a salted ``PublicLeaf`` commitment of it (like interaction leaves v2), so the public learns nothing
/// about the person; whoever holds the record and its salt (the person through their receipt, staff, the tenant's
/// auditor) recomputes the commitment and checks it against the log.
///
/// Free text (reasons, amended answers) and the facts are committed by their SHA-256, so the record itself stays
/// free of what the person wrote or was told.
public enum DeterminationLeaf {
    public static let kind = "determination"
    public static let version: Int64 = 1

    public static func committedRecord(_ event: ReviewEvent, of determination: Determination) throws -> [UInt8] {
        func optional(_ text: String?) -> CanonicalJSON.JSONValue { text.map { .string($0) } ?? .null }
        let facts = try CanonicalJSON.encode(Self.factsValue(determination.facts))
        return try CanonicalJSON.encode([
            "v": .int(Self.version), "kind": .string(Self.kind), "determination_id": .string(determination.id.rawValue),
            "interaction_id": .string(determination.interactionID), "tenant": .string(determination.tenant.rawValue),
            "use_case": .string(determination.useCase.rawValue), "event": .string(event.kind.rawValue), "status": .string(event.status.rawValue),
            "time": .string(Self.rfc3339Milliseconds(event.at)), "principal": optional(event.principal?.rawValue),
            "verdict": optional(event.verdict?.rawValue), "assignee": optional(event.assignee?.rawValue),
            "reason_sha256": optional(event.reason.map(Self.sha256)), "text_sha256": optional(event.textSHA256),
            "facts_sha256": .string(SHA256.hash(data: facts).hexString),
        ])
    }

    public static func factsValue(_ facts: ExplanationFacts) -> CanonicalJSON.JSONValue {
        func optional(_ text: String?) -> CanonicalJSON.JSONValue { text.map { .string($0) } ?? .null }
        return [
            "use_case_name": .string(facts.useCaseName), "controller": .string(facts.controller), "model": optional(facts.model),
            "model_version": optional(facts.modelVersion), "backend": optional(facts.backend), "jurisdiction": optional(facts.jurisdiction),
            "registry_version": facts.registryVersion.map { .int(Int64($0)) } ?? .null, "tier": optional(facts.tier?.rawValue),
            "sources": .array(facts.sources.map { .string($0) }), "actions": .array(facts.actions.map { .string($0) }),
        ]
    }

    public static func sha256(_ text: String) -> String { SHA256.hash(data: Array(text.utf8)).hexString }

    static func rfc3339Milliseconds(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = Date(timeIntervalSince1970: Double(milliseconds / 1000))
        let text = Timestamp.format(seconds)
        let millis = String(milliseconds % 1000)
        return text.dropLast() + "." + String(repeating: "0", count: 3 - millis.count) + millis + "Z"
    }
}
