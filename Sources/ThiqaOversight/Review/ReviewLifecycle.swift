import Foundation
import ThiqaGovernance

/// What a staff member does with a determination.
public enum ReviewAction: Sendable, Equatable {
    /// Puts it in a reviewer's hands (anyone who may review may assign, themselves included).
    case assign(to: PrincipalID)
    case approve(note: String?)
    /// `textSHA256` is the digest of the reviewer's text, which the caller seals beside the held content.
    case amend(textSHA256: String, reason: String)
    case reject(reason: String)

    public var name: String {
        switch self {
        case .assign: "assigned"
        case .approve: "approved"
        case .amend: "amended"
        case .reject: "rejected"
        }
    }
}

/// One thing that happened to a determination: the unit appended to the transparency log (as a commitment).
public struct ReviewEvent: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case held, released, assigned, proposed, approved, amended, rejected, escalated, reidentified
    }

    public var determination: DeterminationID
    public var kind: Kind
    /// The staff principal who acted; nil for what Thiqa does itself (holding, releasing, escalating).
    public var principal: PrincipalID?
    public var at: Date
    public var reason: String?
    /// The status after the event.
    public var status: DeterminationStatus
    /// For `proposed`: the verdict put forward. For a final event: the verdict given.
    public var verdict: Verdict?
    public var assignee: PrincipalID?
    public var textSHA256: String?

    public init(
        determination: DeterminationID, kind: Kind, principal: PrincipalID?, at: Date, reason: String? = nil, status: DeterminationStatus,
        verdict: Verdict? = nil, assignee: PrincipalID? = nil, textSHA256: String? = nil
    ) {
        self.determination = determination
        self.kind = kind
        self.principal = principal
        self.at = at
        self.reason = reason
        self.status = status
        self.verdict = verdict
        self.assignee = assignee
        self.textSHA256 = textSHA256
    }
}

public enum ReviewError: Error, Sendable, Equatable, CustomStringConvertible {
    case notPermitted(AuthorizationError)
    case alreadyFinal(DeterminationID, DeterminationStatus)
    /// Four eyes: the second review must come from another staff principal than the first, whatever token they use.
    case sameReviewer(PrincipalID)
    /// A held call whose model was never called has no draft: the reviewer writes the answer (amend) or rejects.
    case draftRequired
    /// A reason is required for this action (field named).
    case reasonRequired(String)
    /// The second reviewer confirms or rejects the first's verdict; a new text needs a new review.
    case secondReviewCannotAmend

    public var code: String {
        switch self {
        case .notPermitted: "review_not_permitted"
        case .alreadyFinal: "determination_final"
        case .sameReviewer: "second_reviewer_required"
        case .draftRequired: "draft_required"
        case .reasonRequired: "reason_required"
        case .secondReviewCannotAmend: "second_review_cannot_amend"
        }
    }

    public var description: String {
        switch self {
        case .notPermitted(let error): error.description
        case .alreadyFinal(let id, let status): "\(id) is already final (\(status.rawValue)); a final determination never changes"
        case .sameReviewer(let id):
            "\(id) gave the first review of this determination and cannot give the second: another reviewer or DPO must (four eyes)"
        case .draftRequired: "the model was not called for this request, so there is no draft to approve: write the answer (amend) or reject it"
        case .reasonRequired(let field): "'\(field)' is required: say why, in a sentence the person can read"
        case .secondReviewCannotAmend:
            "a second review confirms (approve) or rejects the first reviewer's verdict; to change the text, reject it with a reason"
        }
    }
}

extension Determination {
    /// Applies one review action, or refuses it without changing anything. Pure: the caller stores the result and
    /// logs the event in one transaction.
    public mutating func apply(_ action: ReviewAction, by principal: StaffPrincipal, at now: Date) throws(ReviewError) -> ReviewEvent {
        do { try principal.require(.review) } catch { throw .notPermitted(error) }
        guard !self.status.isFinal else { throw .alreadyFinal(self.id, self.status) }
        let verdict: Verdict
        var reason: String?
        var textSHA256: String?
        switch action {
        case .assign(let assignee):
            self.assignee = assignee
            return ReviewEvent(determination: self.id, kind: .assigned, principal: principal.id, at: now, status: self.status, assignee: assignee)
        case .approve(let note):
            verdict = .approve
            reason = note.flatMap { $0.isEmpty ? nil : $0 }
        case .amend(let digest, let why):
            guard !why.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .reasonRequired("reason") }
            verdict = .amend
            reason = why
            textSHA256 = digest
        case .reject(let why):
            guard !why.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .reasonRequired("reason") }
            verdict = .reject
            reason = why
        }

        if self.status == .awaitingSecondReview, let proposal = self.proposal {
            guard principal.id != proposal.by else { throw .sameReviewer(principal.id) }
            switch verdict {
            case .amend: throw .secondReviewCannotAmend
            case .approve:
                // Confirms the first reviewer's verdict, with its text and reason.
                self.finish(
                    FinalOutcome(
                        verdict: proposal.verdict, reviewers: [proposal.by, principal.id], decidedAt: now, reason: proposal.reason,
                        textSHA256: proposal.textSHA256
                    )
                )
            case .reject:
                self.finish(FinalOutcome(verdict: .reject, reviewers: [proposal.by, principal.id], decidedAt: now, reason: reason, textSHA256: nil))
            }
            return ReviewEvent(
                determination: self.id, kind: Self.eventKind(self.outcome!.verdict), principal: principal.id, at: now, reason: reason,
                status: self.status, verdict: self.outcome!.verdict, textSHA256: self.outcome!.textSHA256
            )
        }

        if verdict == .approve && self.hold == .beforeModel { throw .draftRequired }
        if self.requiresSecondReview {
            self.proposal = Proposal(verdict: verdict, by: principal.id, at: now, reason: reason, textSHA256: textSHA256)
            self.status = .awaitingSecondReview
            return ReviewEvent(
                determination: self.id, kind: .proposed, principal: principal.id, at: now, reason: reason, status: self.status, verdict: verdict,
                textSHA256: textSHA256
            )
        }
        self.finish(FinalOutcome(verdict: verdict, reviewers: [principal.id], decidedAt: now, reason: reason, textSHA256: textSHA256))
        return ReviewEvent(
            determination: self.id, kind: Self.eventKind(verdict), principal: principal.id, at: now, reason: reason, status: self.status,
            verdict: verdict, textSHA256: textSHA256
        )
    }

    mutating func finish(_ outcome: FinalOutcome) {
        self.outcome = outcome
        self.status = outcome.verdict.finalStatus
    }

    static func eventKind(_ verdict: Verdict) -> ReviewEvent.Kind {
        switch verdict {
        case .approve: .approved
        case .amend: .amended
        case .reject: .rejected
        }
    }

    /// The event that opens a determination's history: held for a reviewer, or released at once.
    public var openingEvent: ReviewEvent {
        ReviewEvent(
            determination: self.id, kind: self.hold == nil ? .released : .held, principal: nil, at: self.createdAt, reason: self.holdReason,
            status: self.status
        )
    }
}

/// Who may see a held answer with the person's real values put back: the DPO only (a reviewer sees placeholders).
public enum Reidentification {
    public static func check(_ principal: StaffPrincipal) throws(ReviewError) {
        do { try principal.require(.review) } catch { throw .notPermitted(error) }
        guard principal.roles.contains(.dpo) else { throw .notPermitted(.notPermitted(principal.id, .authorise)) }
    }

    public static func allowed(_ principal: StaffPrincipal) -> Bool {
        (try? Self.check(principal)) != nil
    }
}

/// The stop switch of one use case: while it is on, every answer is held for a human, whatever the tier says.
public struct StopSwitch: Sendable, Codable, Equatable {
    public var stopped: Bool
    public var by: PrincipalID?
    public var at: Date?
    public var reason: String?

    public init(stopped: Bool = false, by: PrincipalID? = nil, at: Date? = nil, reason: String? = nil) {
        self.stopped = stopped
        self.by = by
        self.at = at
        self.reason = reason
    }

    /// Only those who may suspend a use case (administrator, DPO) may stop or resume its automation.
    public static func change(to stopped: Bool, by principal: StaffPrincipal, at now: Date, reason: String?) throws(ReviewError) -> StopSwitch {
        do { try principal.require(stopped ? .suspend : .reinstate) } catch { throw .notPermitted(error) }
        if stopped && (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .reasonRequired("reason") }
        return StopSwitch(stopped: stopped, by: principal.id, at: now, reason: reason)
    }
}

/// Deadlines: a held determination past its due time and not yet escalated goes to the use case's DPO. Pure: the
/// caller passes the instant (its clock is injectable, so tests do not sleep).
public enum Escalation {
    public static func isDue(_ determination: Determination, at now: Date) -> Bool {
        guard !determination.status.isFinal, determination.escalatedAt == nil, let due = determination.dueAt else { return false }
        return now >= due
    }

    public static func escalate(_ determination: inout Determination, to dpoContact: String, at now: Date) -> ReviewEvent {
        determination.escalatedAt = now
        determination.escalatedTo = dpoContact
        return ReviewEvent(
            determination: determination.id, kind: .escalated, principal: nil, at: now, reason: "review deadline passed; escalated to the DPO",
            status: determination.status
        )
    }
}
