import Foundation
import ThiqaCore
import ThiqaLedger
import ThiqaStorage

/// The records the transparency log commits to, and their public leaves.
///
/// Since version 2 the log publishes only ``PublicLeaf`` commitments: the full record below is private (the
/// person reaches theirs with the answer's receipt, the tenant's auditor all of the tenant's), and the leaf reveals
/// neither its kind, tenant, use case, time, categories nor any digest an outsider could match. Version-1 leaves,
/// which published the record itself, stay in logs that have them and keep verifying: a leaf is never rewritten.
///
/// The version-1 leaf (``canonicalBytes(_:)``), kept to read and verify old logs:
///
///     {"backend":…,"decisions":[…],"http_status":200,"interaction_id":"int_…","jurisdiction":"MA","kind":"interaction",
///      "model":…,"outcome":"completed","request_sha256":…,"response_sha256":…,"tenant":…,"time":"2025-01-01T12:00:00.123Z",
///      "use_case":…,"v":1}
///
/// Absent optional values are `null`, so every leaf has the same members. The digests are of the pseudonymised
/// request and of the answer; the text itself is never logged.
public enum InteractionLeaf {
    public static let version: Int64 = 1
    public static let committedVersion: Int64 = 2

    /// What a call's leaf commits to: the record as decided (kind `interaction`), or a stream's end (kind
    /// `completion`). RFC 8785 bytes, so anyone holding the record recomputes exactly what was committed.
    public static func committedRecord(_ record: InteractionRecord, kind: SQLInteractionRepository.RecordWrite.Kind) throws -> [UInt8] {
        func optional(_ text: String?) -> CanonicalJSON.JSONValue { text.map { .string($0) } ?? .null }
        func optional(_ number: Int?) -> CanonicalJSON.JSONValue { number.map { .int(Int64($0)) } ?? .null }
        switch kind {
        case .new:
            return try CanonicalJSON.encode([
                "v": .int(Self.committedVersion), "kind": "interaction", "interaction_id": .string(record.id),
                "time": .string(Self.rfc3339Milliseconds(record.createdAt.millisecondsSince1970)),
                "tenant": .string(record.tenant.rawValue), "use_case": .string(record.useCase.rawValue), "endpoint": .string(record.endpoint),
                "model": optional(record.model), "backend": optional(record.backend), "jurisdiction": optional(record.backendJurisdiction),
                "outcome": .string(record.outcome.rawValue), "http_status": .int(Int64(record.httpStatus)), "error_type": optional(record.errorType),
                "stream": .bool(record.stream), "decisions": .array(record.decisions.map { .string($0) }),
                "request_sha256": optional(record.requestSHA256), "response_sha256": optional(record.responseSHA256),
                "prompt_tokens": optional(record.promptTokens), "completion_tokens": optional(record.completionTokens),
            ])
        case .completion:
            return try CanonicalJSON.encode([
                "v": .int(Self.committedVersion), "kind": "completion", "interaction_id": .string(record.id),
                "time": .string(Self.rfc3339Milliseconds(record.createdAt.millisecondsSince1970 + Int64(record.latencyMs.rounded()))),
                "outcome": .string(record.outcome.rawValue), "http_status": .int(Int64(record.httpStatus)), "error_type": optional(record.errorType),
                "response_sha256": optional(record.responseSHA256),
                "prompt_tokens": optional(record.promptTokens), "completion_tokens": optional(record.completionTokens),
            ])
        }
    }

    /// The public leaf of a write: a salted commitment to its committed record, tagged for its tenant.
    public static func publicLeaf(_ write: SQLInteractionRepository.RecordWrite, tags: TenantTags) throws -> [UInt8] {
        guard let saltHex = write.record.commitmentSalt, let salt = Hex.decode(saltHex), salt.count == PublicLeaf.saltByteCount else {
            throw TransparencyLogError.corrupt("record \(write.record.id) has no commitment salt")
        }
        return try PublicLeaf.encode(
            record: try Self.committedRecord(write.record, kind: write.kind), salt: salt, tenantKey: tags.key(for: write.record.tenant)
        )
    }

    public static func canonicalBytes(_ record: InteractionRecord) throws -> [UInt8] {
        try CanonicalJSON.encode(Self.value(record))
    }

    static func value(_ record: InteractionRecord) -> CanonicalJSON.JSONValue {
        func optional(_ text: String?) -> CanonicalJSON.JSONValue { text.map { .string($0) } ?? .null }
        return [
            "v": .int(Self.version),
            "kind": "interaction",
            "interaction_id": .string(record.id),
            "time": .string(Self.rfc3339Milliseconds(record.createdAt.millisecondsSince1970)),
            "tenant": .string(record.tenant.rawValue),
            "use_case": .string(record.useCase.rawValue),
            "model": optional(record.model),
            "backend": optional(record.backend),
            "jurisdiction": optional(record.backendJurisdiction),
            "outcome": .string(record.outcome.rawValue),
            "http_status": .int(Int64(record.httpStatus)),
            "decisions": .array(record.decisions.map { .string($0) }),
            "request_sha256": optional(record.requestSHA256),
            "response_sha256": optional(record.responseSHA256),
        ]
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` in UTC from milliseconds since 1970, without locale or calendar settings.
    public static func rfc3339Milliseconds(_ milliseconds: Int64) -> String {
        let (days, msOfDay) = Self.floorDivide(milliseconds, 86_400_000)
        // Civil from days (Howard Hinnant's algorithm), proleptic Gregorian.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let hours = msOfDay / 3_600_000
        let minutes = msOfDay / 60_000 % 60
        let seconds = msOfDay / 1000 % 60
        let millis = msOfDay % 1000
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hours, 2)):\(pad(minutes, 2)):\(pad(seconds, 2)).\(pad(millis, 3))Z"
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a / b
        let r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }
}

extension InteractionRecord {
    /// The record as its decision leaf committed to it. A completed stream's row was updated with its end
    /// (outcome, tokens, answer digest); its decision was written before any of that existed.
    public var asDecided: InteractionRecord {
        guard completionLogIndex != nil else { return self }
        var decided = self
        decided.outcome = .streaming
        decided.httpStatus = 200
        decided.errorType = nil
        decided.responseSHA256 = nil
        decided.promptTokens = nil
        decided.completionTokens = nil
        decided.completionLogIndex = nil
        return decided
    }
}
