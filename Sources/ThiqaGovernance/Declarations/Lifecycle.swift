import FoundationEssentials
import ThiqaCore

/// The declaration lifecycle as a pure state machine:
///
/// | from | to | permission | requires |
/// |---|---|---|---|
/// | draft | declared | declare | valid declaration with a CNDP number; an assessment whose tier is minimal or limited; no data that needs authorisation |
/// | draft, declared | authorised | authorise | valid declaration with a CNDP number; an assessment not prohibited; approved by a second principal when high |
/// | declared, authorised | suspended | suspend | a reason |
/// | suspended | the status it was suspended from | reinstate | the requirements of that status, checked again |
/// | draft, declared, authorised, suspended | withdrawn | withdraw | a reason |
///
/// Withdrawn is final; nothing goes back to draft; an authorised use case is never downgraded to declared.
public enum Lifecycle {
    public static func targets(from status: DeclarationStatus) -> Set<DeclarationStatus> {
        switch status {
        case .draft: [.declared, .authorised, .withdrawn]
        case .declared: [.authorised, .suspended, .withdrawn]
        case .authorised: [.suspended, .withdrawn]
        case .suspended: [.declared, .authorised, .withdrawn]
        case .withdrawn: []
        }
    }

    /// The permission a transition needs, or nil when it is not a transition at all.
    public static func permission(from: DeclarationStatus, to: DeclarationStatus) -> Permission? {
        guard Self.targets(from: from).contains(to) else { return nil }
        switch (from, to) {
        case (.suspended, .declared), (.suspended, .authorised): return .reinstate
        case (_, .declared): return .declare
        case (_, .authorised): return .authorise
        case (_, .suspended): return .suspend
        case (_, .withdrawn): return .withdraw
        default: return nil
        }
    }

    /// Whether a use case must be authorised rather than declared: high tier, sensitive data in the declaration or the
    /// assessment, or the CIN number (law 09-08, art. 12 and 21).
    public static func requiresAuthorisation(_ declaration: Declaration, assessment: ImpactAssessment?) -> Bool {
        Self.requiresAuthorisation(declaration, result: assessment?.result)
    }

    static func requiresAuthorisation(_ declaration: Declaration, result: RiskAssessment?) -> Bool {
        if declaration.requiresAuthorisationByData { return true }
        guard let result else { return false }
        return result.tier == .high || result.processesSensitiveData
    }

    /// The declaration after moving to `target`, with its dates set; or why not.
    /// - Parameters:
    ///   - cndpNumber: the récépissé or authorisation number the CNDP issued, when this step records one.
    ///   - reason: why; required to suspend or withdraw, recorded with the change either way.
    public static func transition(
        _ declaration: Declaration,
        to target: DeclarationStatus,
        by principal: StaffPrincipal,
        assessment: ImpactAssessment?,
        cndpNumber: String? = nil,
        reason: String,
        at now: Date
    ) throws(LifecycleError) -> Declaration {
        let from = declaration.status
        guard let permission = Self.permission(from: from, to: target) else { throw .notAllowed(from: from, to: target) }
        do { try principal.require(permission) } catch { throw .unauthorized(error) }
        if let assessment, assessment.useCase != declaration.ref { throw .assessmentOfAnotherUseCase(assessment.useCase) }

        var next = declaration
        if let cndpNumber { next.cndp.number = cndpNumber }
        next.cndp.status = target
        switch target {
        case .declared, .authorised:
            if from == .suspended, let previous = declaration.lifecycle.suspendedFrom, previous != target {
                throw .reinstateMismatch(expected: previous)
            }
            if from != .suspended {
                if target == .declared { next.lifecycle.declaredAt = now } else { next.lifecycle.authorisedAt = now }
            }
            next.lifecycle.suspendedFrom = nil
            next.gracePeriodEnds = nil
        case .suspended:
            guard !reason.trimmed.isEmpty else { throw .reasonRequired(target) }
            next.lifecycle.suspendedAt = now
            next.lifecycle.suspendedFrom = from
        case .withdrawn:
            guard !reason.trimmed.isEmpty else { throw .reasonRequired(target) }
            next.lifecycle.withdrawnAt = now
        case .draft:
            throw .notAllowed(from: from, to: target)
        }
        let problems = next.validate()
        guard problems.isEmpty else { throw .invalid(problems) }
        if target == .declared || target == .authorised { try Self.checkGoLive(next, to: target, assessment: assessment) }
        return next
    }

    private static func checkGoLive(_ declaration: Declaration, to target: DeclarationStatus, assessment: ImpactAssessment?) throws(LifecycleError) {
        guard let assessment else { throw .assessmentMissing }
        let result = assessment.result
        if result.tier == .prohibited { throw .prohibited(result.reasons.filter { $0.tier == .prohibited }.map(\.rule)) }
        if target == .declared && Self.requiresAuthorisation(declaration, assessment: assessment) { throw .authorisationRequired }
        if result.tier == .high && !assessment.isApproved { throw .assessmentNotApproved(assessment.status) }
    }
}

public enum LifecycleError: Error, Sendable, Equatable, CustomStringConvertible {
    case notAllowed(from: DeclarationStatus, to: DeclarationStatus)
    case unauthorized(AuthorizationError)
    case invalid([ValidationError])
    case assessmentMissing
    case assessmentOfAnotherUseCase(UseCaseRef)
    case prohibited([String])
    /// High tier, sensitive data or the CIN: `declared` is not enough.
    case authorisationRequired
    case assessmentNotApproved(AssessmentStatus)
    case reasonRequired(DeclarationStatus)
    /// A suspension is lifted back to the status it interrupted.
    case reinstateMismatch(expected: DeclarationStatus)

    public var description: String {
        switch self {
        case .notAllowed(let from, let to): "a \(from.rawValue) use case cannot become \(to.rawValue)"
        case .unauthorized(let error): error.description
        case .invalid(let problems): problems.map(\.description).joined(separator: "\n")
        case .assessmentMissing: "no impact assessment: submit one first (thiqa registry assess)"
        case .assessmentOfAnotherUseCase(let ref): "the assessment given is of \(ref)"
        case .prohibited(let rules): "the assessment's tier is prohibited (\(rules.joined(separator: ", "))): it cannot go live"
        case .authorisationRequired:
            "this use case is high-risk, processes sensitive data or the CIN: it needs a CNDP authorisation (status authorised), not a declaration"
        case .assessmentNotApproved(let status):
            "the high-risk assessment is \(status.rawValue): a DPO or reviewer other than its author must approve it (thiqa registry approve)"
        case .reasonRequired(let status): "say why the use case is \(status.rawValue) (reason must not be empty)"
        case .reinstateMismatch(let expected): "a suspended use case is reinstated to the status it had: \(expected.rawValue)"
        }
    }
}

/// Whether a use case may serve calls at an instant.
public enum Liveness: Sendable, Equatable {
    case live
    /// A legacy use case migrated to a draft, still working (with a warning) until the date the operator set.
    case liveInGracePeriod(until: Date)
    case notLive(NotLiveReason)

    public var isLive: Bool {
        switch self {
        case .live, .liveInGracePeriod: true
        case .notLive: false
        }
    }

    /// "Live when declared (minimal and limited tiers) or authorised (high tier, and any use case that processes
    /// sensitive data); draft, suspended and withdrawn ones are not", with the legacy grace period.
    public static func of(_ declaration: Declaration, assessment: ImpactAssessment?, at now: Date) -> Liveness {
        Self.of(declaration, assessment: assessment, result: assessment?.result, at: now)
    }

    /// The same, with the assessment's result already computed (the snapshot computes it once per registry change).
    static func of(_ declaration: Declaration, assessment: ImpactAssessment?, result: RiskAssessment?, at now: Date) -> Liveness {
        if let result, result.tier == .prohibited { return .notLive(.prohibited) }
        switch declaration.status {
        case .withdrawn: return .notLive(.withdrawn)
        case .suspended: return .notLive(.suspended)
        case .draft:
            guard let ends = declaration.gracePeriodEnds else { return .notLive(.draft) }
            return now < ends ? .liveInGracePeriod(until: ends) : .notLive(.draftExpired(ends))
        case .declared, .authorised:
            guard let assessment, let result else { return .notLive(.assessmentMissing) }
            if declaration.status == .declared && Lifecycle.requiresAuthorisation(declaration, result: result) {
                return .notLive(.authorisationRequired)
            }
            if result.tier == .high && !assessment.isApproved { return .notLive(.assessmentNotApproved(assessment.status)) }
            return .live
        }
    }
}

public enum NotLiveReason: Sendable, Equatable {
    case draft
    case draftExpired(Date)
    case suspended
    case withdrawn
    case prohibited
    case assessmentMissing
    case authorisationRequired
    case assessmentNotApproved(AssessmentStatus)
}
