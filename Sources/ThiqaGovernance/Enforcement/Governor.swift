import FoundationEssentials
import ThiqaCore
import ThiqaPrivacy

/// Stable refusal codes of the `govern` step: the `code` of the OpenAI-shaped error body. Documented in
/// GOVERNANCE.md ("Refusal codes"); never renamed, only added to.
public enum RefusalCode: String, Sendable, Codable, CaseIterable, Hashable {
    case useCaseNotDeclared = "use_case_not_declared"
    case useCaseDraftExpired = "use_case_draft_expired"
    case useCaseSuspended = "use_case_suspended"
    case useCaseWithdrawn = "use_case_withdrawn"
    case useCaseProhibited = "use_case_prohibited"
    case useCaseNotAuthorised = "use_case_not_authorised"
    case assessmentMissing = "assessment_missing"
    case assessmentNotApproved = "assessment_not_approved"
    case modelNotAllowed = "model_not_allowed"
    case dataCategoryNotDeclared = "data_category_not_declared"
}

/// A refused (or held) call: what the OpenAI-shaped error says. Status 403 for every code.
public struct Refusal: Sendable, Equatable, Error, CustomStringConvertible {
    public var code: RefusalCode
    /// Says what step is missing and who can take it.
    public var message: String
    /// The request field at fault (`model`, `messages`), as OpenAI's `param`.
    public var param: String?
    public var httpStatus: Int { 403 }
    /// The OpenAI error `type`.
    public var type: String { "permission_error" }
    public var description: String { "\(self.code.rawValue): \(self.message)" }
}

/// What a call must do when it is allowed.
public struct EnforcedControls: Sendable, Equatable {
    /// Backends outside these jurisdictions may not serve the call.
    public var allowedJurisdictions: Set<Jurisdiction>
    /// Message content kept at most this long; `nil`: keep none.
    public var contentRetentionSeconds: Int?
    public var disclosureRequired: Bool
    public var humanOversightRequired: Bool

    public var sovereignOnly: Bool { self.allowedJurisdictions == [.sovereign] }
    public var contentRetentionOff: Bool { self.contentRetentionSeconds == nil }
}

public enum GovernanceWarning: Sendable, Equatable {
    /// A legacy use case running as a draft until `ends`. The gateway puts this in a response header.
    case draftGracePeriod(ends: Date)

    /// ASCII text for a response header and `thiqa registry list`.
    public var text: String {
        switch self {
        case .draftGracePeriod(let ends):
            "use case is an undeclared draft; calls stop on \(Timestamp.format(ends)) unless it is declared (thiqa registry declare)"
        }
    }
}

public struct Allowance: Sendable, Equatable {
    public var useCase: UseCaseRef
    /// nil for a legacy draft that has no assessment yet.
    public var tier: RiskTier?
    public var controls: EnforcedControls
    public var warnings: [GovernanceWarning]
    public var snapshotVersion: UInt64
}

public enum GovernanceDecision: Sendable, Equatable {
    case allow(Allowance)
    case refuse(Refusal)
    /// Purpose limitation set to hold: the call is not sent to a model; a reviewer releases or rejects it.
    case holdForReview(Refusal)
}

/// The `govern` step's rule: reads a snapshot, decides one call. No I/O, no clock of its own.
public struct Governor: Sendable {
    public let snapshot: GovernanceSnapshot
    public init(snapshot: GovernanceSnapshot) { self.snapshot = snapshot }

    /// Checks in order: registered, liveness (withdrawn, suspended, prohibited, draft and grace period, authorisation,
    /// assessment), model, purpose limitation; the first failure decides.
    public func decide(
        useCase ref: UseCaseRef,
        model: String,
        dataTypes: Set<EntityType>,
        sensitiveCategories: Set<SensitiveCategory>,
        at now: Date
    ) -> GovernanceDecision {
        guard let governed = self.snapshot.useCases[ref] else {
            return .refuse(
                Refusal(
                    code: .useCaseNotDeclared,
                    message:
                        "use case \(ref) is not in the governance registry. Ask your administrator or DPO to declare it: thiqa registry apply FILE",
                    param: nil
                )
            )
        }
        let declaration = governed.declaration
        let assessment = governed.assessment
        var warnings: [GovernanceWarning] = []

        switch Liveness.of(declaration, assessment: assessment, result: governed.risk, at: now) {
        case .live: break
        case .liveInGracePeriod(let ends): warnings.append(.draftGracePeriod(ends: ends))
        case .notLive(let reason): return .refuse(Self.refusal(for: reason, ref: ref, assessment: assessment))
        }

        guard declaration.allows(model: model) else {
            return .refuse(
                Refusal(
                    code: .modelNotAllowed,
                    message:
                        "model '\(Self.printable(model))' is not among the models use case \(ref) declares (\(declaration.allowedModels.joined(separator: ", "))). "
                        + "Use one of them, or ask your DPO to add it to the declaration: thiqa registry apply FILE",
                    param: "model"
                )
            )
        }

        // A legacy draft has declared nothing yet; it keeps working as before until its grace period ends.
        if warnings.isEmpty {
            if !dataTypes.isSubset(of: declaration.personalDataTypes) || !sensitiveCategories.isSubset(of: governed.declaredSensitive) {
                let undeclaredTypes = dataTypes.subtracting(declaration.personalDataTypes)
                let undeclaredCategories = sensitiveCategories.subtracting(governed.declaredSensitive)
                var carried: [String] = undeclaredTypes.map(\.rawValue).sorted()
                carried += undeclaredCategories.map { DataCategory($0).rawValue }.sorted()
                let what = "the request carries personal data the declaration of \(ref) does not cover (\(carried.joined(separator: ", ")))"
                switch declaration.purposeLimitation {
                case .refuse:
                    return .refuse(
                        Refusal(
                            code: .dataCategoryNotDeclared,
                            message: "\(what). Remove it from the request, or ask your DPO to declare it: thiqa registry apply FILE",
                            param: "messages"
                        )
                    )
                case .holdForReview:
                    return .holdForReview(
                        Refusal(
                            code: .dataCategoryNotDeclared,
                            message:
                                "\(what). The request is held for review and was not sent to a model; a DPO or reviewer will release or reject it: thiqa registry review",
                            param: "messages"
                        )
                    )
                }
            }
        }

        return .allow(
            Allowance(
                useCase: ref,
                tier: governed.risk?.tier,
                controls: governed.controls,
                warnings: warnings,
                snapshotVersion: self.snapshot.version
            )
        )
    }

    /// The disclosure an allowed call of `ref` shows, in the language `acceptLanguage` prefers (else the use case's
    /// default); nil for a use case the snapshot does not hold.
    public func disclosure(useCase ref: UseCaseRef, acceptLanguage: String?) -> Disclosure? {
        self.snapshot.useCases[ref].map { DisclosureText.render(for: $0, in: self.snapshot, acceptLanguage: acceptLanguage) }
    }

    /// A client-supplied name echoed in a message: printable ASCII, at most 100 characters.
    static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.prefix(100).map { (0x20..<0x7F).contains($0.value) ? $0 : "?" }))
    }

    /// The declaration's own choices, tightened by the tier's controls, never loosened.
    static func controls(_ declaration: Declaration, result: RiskAssessment?) -> EnforcedControls {
        let controls = result?.controls ?? []
        var jurisdictions = declaration.hosting.allowedJurisdictions
        if controls.contains(.sovereignHosting) || !declaration.sensitiveCategories.isEmpty { jurisdictions = [.sovereign] }
        var retention = declaration.retention.contentSeconds
        switch controls.contentRetentionLimit {
        case .forbidden: retention = nil
        case .atMostDays(let days): retention = retention.map { min($0, days * 86_400) }
        case nil: break
        }
        return EnforcedControls(
            allowedJurisdictions: jurisdictions,
            contentRetentionSeconds: retention,
            // Without an assessment (a legacy draft) nothing says disclosure can be skipped.
            disclosureRequired: result == nil || controls.contains(.aiDisclosure),
            humanOversightRequired: controls.contains(.humanOversight)
        )
    }

    static func refusal(for reason: NotLiveReason, ref: UseCaseRef, assessment: ImpactAssessment?) -> Refusal {
        switch reason {
        case .draft:
            return Refusal(
                code: .useCaseNotDeclared,
                message:
                    "use case \(ref) is a draft, not declared to the CNDP yet. Ask your DPO to record its declaration: thiqa registry declare \(ref) --cndp-number NUMBER",
                param: nil
            )
        case .draftExpired(let ends):
            return Refusal(
                code: .useCaseDraftExpired,
                message: "use case \(ref) is an undeclared draft whose grace period ended on \(Timestamp.format(ends)). "
                    + "Ask your DPO to declare it: thiqa registry declare \(ref) --cndp-number NUMBER",
                param: nil
            )
        case .suspended:
            return Refusal(
                code: .useCaseSuspended,
                message: "use case \(ref) is suspended. Ask your DPO to reinstate it once the cause is dealt with: thiqa registry reinstate \(ref)",
                param: nil
            )
        case .withdrawn:
            return Refusal(
                code: .useCaseWithdrawn,
                message:
                    "use case \(ref) is withdrawn and cannot serve calls again. Ask your administrator to declare a new use case: thiqa registry apply FILE",
                param: nil
            )
        case .prohibited:
            let rules = assessment?.result.reasons.filter { $0.tier == .prohibited }.map(\.rule).joined(separator: ", ") ?? ""
            return Refusal(
                code: .useCaseProhibited,
                message:
                    "use case \(ref) is assessed as a prohibited practice (\(rules)) and may not run. Ask your DPO to withdraw it: thiqa registry withdraw \(ref)",
                param: nil
            )
        case .authorisationRequired:
            return Refusal(
                code: .useCaseNotAuthorised,
                message: "use case \(ref) is declared, but it is high-risk or processes sensitive data or the CIN, which needs a CNDP authorisation. "
                    + "Ask your DPO to record the authorisation: thiqa registry authorise \(ref) --cndp-number NUMBER",
                param: nil
            )
        case .assessmentMissing:
            return Refusal(
                code: .assessmentMissing,
                message: "use case \(ref) has no impact assessment. Ask your DPO or a reviewer to submit one: thiqa registry assess \(ref)",
                param: nil
            )
        case .assessmentNotApproved(let status):
            let revision = assessment.map { " (revision \($0.revision), \(status.rawValue))" } ?? ""
            return Refusal(
                code: .assessmentNotApproved,
                message: "use case \(ref) is high-risk and its impact assessment\(revision) is not approved. "
                    + "Ask your DPO or a reviewer other than its author to approve it: thiqa registry approve \(ref)",
                param: nil
            )
        }
    }
}
