import FoundationEssentials
import Testing
import ThiqaCore
import ThiqaGovernance
import ThiqaPrivacy

@Suite("Lifecycle")
struct LifecycleTests {
    @Test("the transition table: withdrawn is final, nothing returns to draft, authorised is never downgraded")
    func table() {
        #expect(Lifecycle.targets(from: .draft) == [.declared, .authorised, .withdrawn])
        #expect(Lifecycle.targets(from: .withdrawn).isEmpty)
        #expect(Lifecycle.permission(from: .authorised, to: .declared) == nil)
        #expect(Lifecycle.permission(from: .declared, to: .draft) == nil)
        #expect(Lifecycle.permission(from: .suspended, to: .declared) == .reinstate)
        #expect(Lifecycle.permission(from: .draft, to: .authorised) == .authorise)
    }

    @Test("a DPO declares a minimal use case with its CNDP number; the date is set")
    func declare() throws {
        let declared = try Lifecycle.transition(
            declaration(),
            to: .declared,
            by: Staff.dpo,
            assessment: assessment(Answer.chatbot),
            cndpNumber: "D-GC-42/2026",
            reason: "récépissé reçu",
            at: Clock.later(days: 2)
        )
        #expect(declared.status == .declared)
        #expect(declared.cndp.number == "D-GC-42/2026")
        #expect(declared.lifecycle.declaredAt == Clock.later(days: 2))
    }

    @Test(
        "roles: who may take each step",
        arguments: [
            (Staff.admin, DeclarationStatus.declared, true), (Staff.dpo, .declared, true), (Staff.reviewer, .declared, false),
            (Staff.auditor, .declared, false),
            (Staff.admin, .authorised, false), (Staff.dpo, .authorised, true), (Staff.reviewer, .authorised, false),
            (Staff.admin, .withdrawn, true), (Staff.auditor, .withdrawn, false),
        ]
    )
    func roles(principal: StaffPrincipal, target: DeclarationStatus, allowed: Bool) {
        let result = Result { () throws(LifecycleError) in
            try Lifecycle.transition(
                declaration(),
                to: target,
                by: principal,
                assessment: assessment(Answer.chatbot),
                cndpNumber: "D-1",
                reason: "why",
                at: Clock.t0
            )
        }
        switch result {
        case .success: #expect(allowed)
        case .failure(let error):
            #expect(!allowed, "\(error)")
            if case .unauthorized = error {} else { Issue.record("expected unauthorized, got \(error)") }
        }
    }

    @Test("suspension needs a reason and a suspend permission; reinstatement by a DPO returns to the same status")
    func suspendAndReinstate() throws {
        let declared = declaration(status: .declared)
        #expect(throws: LifecycleError.reasonRequired(.suspended)) {
            try Lifecycle.transition(declared, to: .suspended, by: Staff.admin, assessment: nil, reason: " ", at: Clock.t0)
        }
        let suspended = try Lifecycle.transition(
            declared,
            to: .suspended,
            by: Staff.admin,
            assessment: nil,
            reason: "fuite signalée",
            at: Clock.later(days: 1)
        )
        #expect(suspended.lifecycle.suspendedFrom == .declared)
        #expect(throws: LifecycleError.unauthorized(.notPermitted(Staff.admin.id, .reinstate))) {
            try Lifecycle.transition(suspended, to: .declared, by: Staff.admin, assessment: assessment(Answer.chatbot), reason: "", at: Clock.t0)
        }
        #expect(throws: LifecycleError.reinstateMismatch(expected: .declared)) {
            try Lifecycle.transition(suspended, to: .authorised, by: Staff.dpo, assessment: assessment(Answer.chatbot), reason: "", at: Clock.t0)
        }
        let back = try Lifecycle.transition(
            suspended,
            to: .declared,
            by: Staff.dpo,
            assessment: assessment(Answer.chatbot),
            reason: "corrigé",
            at: Clock.later(days: 3)
        )
        #expect(back.status == .declared)
        #expect(back.lifecycle.declaredAt == declared.lifecycle.declaredAt)
        #expect(back.lifecycle.suspendedFrom == nil)
    }

    @Test("high tier: declared is not enough, and authorisation needs an assessment approved by someone else")
    func highNeedsAuthorisation() throws {
        #expect(throws: LifecycleError.authorisationRequired) {
            try Lifecycle.transition(
                declaration(),
                to: .declared,
                by: Staff.dpo,
                assessment: assessment(Answer.benefits),
                cndpNumber: "D-1",
                reason: "",
                at: Clock.t0
            )
        }
        #expect(throws: LifecycleError.assessmentNotApproved(.inReview)) {
            try Lifecycle.transition(
                declaration(),
                to: .authorised,
                by: Staff.dpo,
                assessment: assessment(Answer.benefits),
                cndpNumber: "A-1",
                reason: "",
                at: Clock.t0
            )
        }
        let authorised = try Lifecycle.transition(
            declaration(),
            to: .authorised,
            by: Staff.dpo,
            assessment: assessment(Answer.benefits, approvedBy: Staff.reviewer),
            cndpNumber: "A-1",
            reason: "",
            at: Clock.t0
        )
        #expect(authorised.status == .authorised)
    }

    @Test("sensitive data or the CIN cannot merely be declared")
    func sensitiveNeedsAuthorisation() {
        #expect(throws: LifecycleError.authorisationRequired) {
            try Lifecycle.transition(
                declaration(),
                to: .declared,
                by: Staff.dpo,
                assessment: assessment(Answer.healthChat),
                cndpNumber: "D-1",
                reason: "",
                at: Clock.t0
            )
        }
        #expect(throws: LifecycleError.authorisationRequired) {
            try Lifecycle.transition(
                declaration(types: [.CIN]),
                to: .declared,
                by: Staff.dpo,
                assessment: assessment(Answer.chatbot),
                cndpNumber: "D-1",
                reason: "",
                at: Clock.t0
            )
        }
    }

    @Test("prohibited, unassessed, invalid, final: refused with the reason")
    func refusals() {
        #expect(throws: LifecycleError.prohibited(["prohibited.social_scoring"])) {
            try Lifecycle.transition(
                declaration(),
                to: .authorised,
                by: Staff.dpo,
                assessment: assessment(Answer.socialScoring),
                cndpNumber: "A-1",
                reason: "",
                at: Clock.t0
            )
        }
        #expect(throws: LifecycleError.assessmentMissing) {
            try Lifecycle.transition(declaration(), to: .declared, by: Staff.dpo, assessment: nil, cndpNumber: "D-1", reason: "", at: Clock.t0)
        }
        #expect(throws: LifecycleError.invalid([ValidationError(field: "cndp.number", reason: "required when status is declared")])) {
            try Lifecycle.transition(declaration(), to: .declared, by: Staff.dpo, assessment: assessment(Answer.chatbot), reason: "", at: Clock.t0)
        }
        #expect(throws: LifecycleError.notAllowed(from: .withdrawn, to: .declared)) {
            try Lifecycle.transition(
                declaration(status: .withdrawn),
                to: .declared,
                by: Staff.dpo,
                assessment: assessment(Answer.chatbot),
                reason: "",
                at: Clock.t0
            )
        }
        #expect(throws: LifecycleError.assessmentOfAnotherUseCase(ref("commune-rabat", "other"))) {
            try Lifecycle.transition(
                declaration(),
                to: .declared,
                by: Staff.dpo,
                assessment: assessment(Answer.chatbot, for: ref("commune-rabat", "other")),
                cndpNumber: "D-1",
                reason: "",
                at: Clock.t0
            )
        }
    }

    @Test("going live ends a legacy grace period")
    func graceEnds() throws {
        let legacy = declaration(grace: Clock.later(days: 30))
        let declared = try Lifecycle.transition(
            legacy,
            to: .declared,
            by: Staff.dpo,
            assessment: assessment(Answer.chatbot),
            cndpNumber: "D-9",
            reason: "",
            at: Clock.t0
        )
        #expect(declared.gracePeriodEnds == nil)
    }
}

@Suite("Liveness")
struct LivenessTests {
    @Test("declared is live for minimal and limited tiers, not for high or sensitive")
    func declared() {
        #expect(Liveness.of(declaration(status: .declared), assessment: assessment(Answer.minimal), at: Clock.t0) == .live)
        #expect(Liveness.of(declaration(status: .declared), assessment: assessment(Answer.chatbot), at: Clock.t0) == .live)
        #expect(
            Liveness.of(declaration(status: .declared), assessment: assessment(Answer.benefits, approvedBy: Staff.dpo2), at: Clock.t0)
                == .notLive(.authorisationRequired)
        )
        #expect(
            Liveness.of(declaration(status: .declared), assessment: assessment(Answer.healthChat), at: Clock.t0) == .notLive(.authorisationRequired)
        )
        #expect(Liveness.of(declaration(status: .declared), assessment: nil, at: Clock.t0) == .notLive(.assessmentMissing))
    }

    @Test("authorised is live for high tier only with an approved assessment")
    func authorised() {
        #expect(Liveness.of(declaration(status: .authorised), assessment: assessment(Answer.benefits, approvedBy: Staff.dpo2), at: Clock.t0) == .live)
        #expect(
            Liveness.of(declaration(status: .authorised), assessment: assessment(Answer.benefits), at: Clock.t0)
                == .notLive(.assessmentNotApproved(.inReview))
        )
        #expect(Liveness.of(declaration(status: .authorised), assessment: assessment(Answer.healthChat), at: Clock.t0) == .live)
        #expect(Liveness.of(declaration(status: .authorised), assessment: assessment(Answer.socialScoring), at: Clock.t0) == .notLive(.prohibited))
    }

    @Test("draft, suspended and withdrawn are not live")
    func notLive() {
        #expect(Liveness.of(declaration(), assessment: assessment(Answer.minimal), at: Clock.t0) == .notLive(.draft))
        #expect(Liveness.of(declaration(status: .suspended), assessment: assessment(Answer.minimal), at: Clock.t0) == .notLive(.suspended))
        #expect(Liveness.of(declaration(status: .withdrawn), assessment: assessment(Answer.minimal), at: Clock.t0) == .notLive(.withdrawn))
    }

    @Test("a legacy draft is live until its grace period ends, and not one second after")
    func gracePeriod() {
        let ends = Clock.later(days: 30)
        let legacy = declaration(grace: ends)
        #expect(Liveness.of(legacy, assessment: nil, at: Clock.later(days: 29)) == .liveInGracePeriod(until: ends))
        #expect(Liveness.of(legacy, assessment: nil, at: ends.addingTimeInterval(-1)).isLive)
        #expect(Liveness.of(legacy, assessment: nil, at: ends) == .notLive(.draftExpired(ends)))
        #expect(Liveness.of(legacy, assessment: assessment(Answer.socialScoring), at: Clock.t0) == .notLive(.prohibited))
    }
}

@Suite("Legacy migration")
struct LegacyMigrationTests {
    static let legacy = LegacyMigration.draft(
        tenant: try! TenantID("commune-rabat"),
        id: try! UseCaseID("civil-status-assistant"),
        name: "civil-status-assistant",
        contentRetentionSeconds: nil,
        allowedJurisdictions: [.sovereign],
        createdAt: Clock.t0,
        gracePeriodEnds: Clock.later(days: 60)
    )

    @Test("a migrated draft keeps working with any model until its grace period ends, with a warning")
    func keepsWorking() throws {
        let governor = Governor(
            snapshot: GovernanceSnapshot(
                version: 1,
                useCases: [GovernedUseCase(declaration: Self.legacy, controller: controller, assessment: nil)],
                registryBaseURL: "https://x.ma"
            )
        )
        guard
            case .allow(let allowance) = governor.decide(
                useCase: ref(),
                model: "any-model",
                dataTypes: [.CIN],
                sensitiveCategories: [.health],
                at: Clock.later(days: 59)
            )
        else {
            Issue.record("expected the legacy draft to keep working")
            return
        }
        #expect(allowance.warnings == [.draftGracePeriod(ends: Clock.later(days: 60))])
        #expect(allowance.controls.sovereignOnly && allowance.controls.contentRetentionOff)
        guard
            case .refuse(let refusal) = governor.decide(
                useCase: ref(),
                model: "any-model",
                dataTypes: [],
                sensitiveCategories: [],
                at: Clock.later(days: 60)
            )
        else {
            Issue.record("expected a refusal after the grace period")
            return
        }
        #expect(refusal.code == .useCaseDraftExpired)
    }

    @Test("validation lists what the DPO must still declare")
    func whatIsMissing() {
        let fields = Self.legacy.validate().map(\.field)
        #expect(fields == ["purpose", "legal_basis", "allowed_models[0]", "value_chain.developer", "value_chain.deployer"])
    }
}
