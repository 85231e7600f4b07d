import Crypto
import FoundationEssentials
import ThiqaCore
import ThiqaLedger
import ThiqaPrivacy

typealias JSONValue = CanonicalJSON.JSONValue

/// One field of a declaration before and after a change. `nil` on one side: the declaration did not exist.
public struct FieldChange: Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var old: CanonicalJSON.JSONValue?
    public var new: CanonicalJSON.JSONValue?
    public init(field: String, old: CanonicalJSON.JSONValue?, new: CanonicalJSON.JSONValue?) {
        self.field = field
        self.old = old
        self.new = new
    }

    public var description: String {
        func show(_ value: JSONValue?) -> String {
            guard let value, let bytes = try? CanonicalJSON.encode(value) else { return "(none)" }
            return String(decoding: bytes, as: UTF8.self)
        }
        return "\(self.field): \(show(self.old)) → \(show(self.new))"
    }
}

/// One version of a declaration's history: who changed what, when and why. Its canonical bytes are a transparency-log
/// leaf of kind ``leafKind``, so an auditor can replay a use case's history and see it was never rewritten.
public struct DeclarationChange: Sendable, Equatable {
    public static let leafKind = "thiqa.registry.declaration_change"
    public static let formatVersion: Int64 = 1

    public var useCase: UseCaseRef
    /// 1 for the creation, then +1 per change.
    public var version: Int
    public var principal: PrincipalID
    public var at: Date
    public var reason: String
    public var changes: [FieldChange]
    /// SHA-256 (hex) of the declaration's canonical bytes after this change: replaying the diffs must reach it.
    public var declarationSHA256: String

    /// The change from `old` (nil for a creation) to `new`, or nil when nothing differs.
    public init?(from old: Declaration?, to new: Declaration, version: Int, principal: PrincipalID, at: Date, reason: String) {
        let changes = DeclarationDiff.diff(old, new)
        guard !changes.isEmpty else { return nil }
        self.useCase = new.ref
        self.version = version
        self.principal = principal
        self.at = at
        self.reason = reason
        self.changes = changes
        self.declarationSHA256 = new.canonicalSHA256
    }

    /// A change as it was logged (read back from its leaf), without recomputing the diff.
    public init(
        logged useCase: UseCaseRef, version: Int, principal: PrincipalID, at: Date, reason: String, changes: [FieldChange],
        declarationSHA256: String
    ) {
        self.useCase = useCase
        self.version = version
        self.principal = principal
        self.at = at
        self.reason = reason
        self.changes = changes
        self.declarationSHA256 = declarationSHA256
    }

    /// RFC 8785 canonical JSON: the leaf's bytes.
    public var canonicalBytes: [UInt8] {
        let changes: [JSONValue] = self.changes.map { change in
            .object(["field": .string(change.field), "old": change.old ?? .null, "new": change.new ?? .null])
        }
        let document: JSONValue = .object([
            "kind": .string(Self.leafKind),
            "format": .int(Self.formatVersion),
            "tenant": .string(self.useCase.tenant.rawValue),
            "use_case": .string(self.useCase.useCase.rawValue),
            "version": .int(Int64(self.version)),
            "principal": .string(self.principal.rawValue),
            "at": .string(Timestamp.format(self.at)),
            "reason": .string(self.reason),
            "changes": .array(changes),
            "declaration_sha256": .string(self.declarationSHA256),
        ])
        // Only integers and strings are written, so encoding cannot meet a non-finite number.
        return (try? CanonicalJSON.encode(document)) ?? []
    }
}

/// Field-level differences between two declarations, over their canonical fields, sorted by field name.
public enum DeclarationDiff {
    public static func diff(_ old: Declaration?, _ new: Declaration) -> [FieldChange] {
        let before = old?.canonicalFields ?? [:]
        let after = new.canonicalFields
        return Set(before.keys).union(after.keys).sorted().compactMap { field in
            let previous = before[field]
            let next = after[field]
            return previous == next ? nil : FieldChange(field: field, old: previous, new: next)
        }
    }
}

extension Declaration {
    /// The declaration as a flat map of field names (those validation errors and declarations files use) to JSON
    /// values. Sets are sorted; lists keep their declared order; absent values are `null`.
    public var canonicalFields: [String: CanonicalJSON.JSONValue] {
        func strings(_ values: some Sequence<String>) -> JSONValue { .array(values.sorted().map(JSONValue.string)) }
        func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        func date(_ value: Date?) -> JSONValue { value.map { .string(Timestamp.format($0)) } ?? .null }
        var fields: [String: CanonicalJSON.JSONValue] = [
            "tenant": .string(self.tenant.rawValue),
            "id": .string(self.id.rawValue),
            "name": .string(self.name),
            "purpose": .string(self.purpose),
            "legal_basis": optional(self.legalBasis?.rawValue),
            "data_categories": strings(self.dataCategories.map(\.rawValue)),
            "data_subjects": strings(self.dataSubjects.map(\.rawValue)),
            "personal_data_types": strings(self.personalDataTypes.map(\.rawValue)),
            "recipients": .array(self.recipients.map { .object(["name": .string($0.name), "kind": .string($0.kind.rawValue)]) }),
            "transfers": .array(
                self.transfers.map {
                    .object([
                        "country": .string($0.country.code), "recipient": .string($0.recipient), "basis": .string($0.basis.rawValue),
                        "authorisation_number": optional($0.authorisationNumber),
                    ])
                }
            ),
            "retention.content": self.retention.contentSeconds.map { .int(Int64($0)) } ?? .null,
            "retention.records_days": .int(Int64(self.retention.recordsDays)),
            "hosting.allowed_jurisdictions": strings(self.hosting.allowedJurisdictions.map(\.code)),
            "allowed_models": .array(self.allowedModels.map(JSONValue.string)),
            "value_chain.developer": .string(self.valueChain.developer),
            "value_chain.integrator": optional(self.valueChain.integrator),
            "value_chain.deployer": .string(self.valueChain.deployer),
            "cndp.status": .string(self.cndp.status.rawValue),
            "cndp.number": optional(self.cndp.number),
            "lifecycle.created_at": date(self.lifecycle.createdAt),
            "lifecycle.declared_at": date(self.lifecycle.declaredAt),
            "lifecycle.authorised_at": date(self.lifecycle.authorisedAt),
            "lifecycle.suspended_at": date(self.lifecycle.suspendedAt),
            "lifecycle.withdrawn_at": date(self.lifecycle.withdrawnAt),
            "lifecycle.suspended_from": optional(self.lifecycle.suspendedFrom?.rawValue),
            "grace_period_ends": date(self.gracePeriodEnds),
            "purpose_limitation": .string(self.purposeLimitation.rawValue),
            "disclosure_language": .string(self.disclosureLanguage.rawValue),
        ]
        // Only when set, so the digests of declarations written before the field existed do not change.
        if self.makesDecisions == true { fields["makes_decisions"] = .bool(true) }
        return fields
    }

    /// RFC 8785 bytes of ``canonicalFields``.
    public var canonicalBytes: [UInt8] { (try? CanonicalJSON.encode(.object(self.canonicalFields))) ?? [] }

    public var canonicalSHA256: String { SHA256.hash(data: self.canonicalBytes).hexString }
}

extension ImpactAssessment {
    public static let leafKind = "thiqa.registry.assessment"

    /// RFC 8785 bytes of the assessment as it stands (answers, tier, controls, review), a log leaf of kind
    /// ``leafKind`` written at each submission, revision, approval and return.
    public var canonicalBytes: [UInt8] {
        let result = self.result
        let answers: [String: JSONValue] = self.answers.raw.mapValues { .array($0.map(JSONValue.string)) }
        var approval: JSONValue = .null
        if let value = self.approval {
            approval = .object([
                "approver": .string(value.approver.rawValue), "at": .string(Timestamp.format(value.at)), "revision": .int(Int64(value.revision)),
                "note": value.note.map(JSONValue.string) ?? .null,
            ])
        }
        let document: JSONValue = .object([
            "kind": .string(Self.leafKind),
            "format": .int(1),
            "tenant": .string(self.useCase.tenant.rawValue),
            "use_case": .string(self.useCase.useCase.rawValue),
            "revision": .int(Int64(self.revision)),
            "questionnaire": .string(self.questionnaireVersion),
            "answers": .object(answers),
            "author": .string(self.author.rawValue),
            "submitted_at": .string(Timestamp.format(self.submittedAt)),
            "status": .string(self.status.rawValue),
            "approval": approval,
            "review_note": self.reviewNote.map(JSONValue.string) ?? .null,
            "tier": .string(result.tier.rawValue),
            "reasons": .array(result.reasons.map { .string($0.rule) }),
            "controls": .array(result.controls.codes.map(JSONValue.string)),
        ])
        return (try? CanonicalJSON.encode(document)) ?? []
    }
}
