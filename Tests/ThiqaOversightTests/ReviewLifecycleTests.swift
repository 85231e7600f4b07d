import Foundation
import Testing
import ThiqaCore
import ThiqaGovernance
import ThiqaOversight

@Suite struct ReviewLifecycleTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let reviewer = StaffPrincipal(id: PrincipalID("stf_rev"), name: "Salma Tazi", roles: [.reviewer], createdAt: start)
    static let dpo = StaffPrincipal(id: PrincipalID("stf_dpo"), name: "Youssef Bennani", roles: [.dpo], createdAt: start)
    static let auditor = StaffPrincipal(id: PrincipalID("stf_audit"), name: "Nadia Idrissi", roles: [.auditor], createdAt: start)

    static func facts() -> ExplanationFacts {
        ExplanationFacts(
            useCaseName: "Aide au logement", controller: "Commune de Test", model: "gemma-3-270m", modelVersion: nil, backend: "local",
            jurisdiction: "MA", registryVersion: 7, tier: .high, actions: ["privacy:PHONE:pseudonymize"]
        )
    }

    static func held(secondReview: Bool = false, kind: HoldKind = .afterModel) throws -> Determination {
        Determination(
            tenant: try TenantID("test"), useCase: try UseCaseID("benefits"), interactionID: "int_x", receiptHash: "00", subjectID: nil,
            hold: kind, holdReason: "human_oversight", createdAt: start, reviewDeadline: .seconds(3600), requiresSecondReview: secondReview,
            facts: facts(), language: .fr
        )
    }

    @Test func aSingleReviewerDecidesWhenNoSecondReviewIsRequired() throws {
        var determination = try Self.held()
        #expect(determination.status == .held)
        #expect(determination.dueAt == Self.start.addingTimeInterval(3600))
        let event = try determination.apply(.approve(note: nil), by: Self.reviewer, at: Self.start.addingTimeInterval(60))
        #expect(event.kind == .approved)
        #expect(determination.status == .approved)
        #expect(determination.outcome?.reviewers == [Self.reviewer.id])
        #expect(throws: ReviewError.alreadyFinal(determination.id, .approved)) {
            try determination.apply(.reject(reason: "late"), by: Self.dpo, at: Self.start)
        }
    }

    @Test func fourEyesNeedsASecondDifferentPrincipal() throws {
        var determination = try Self.held(secondReview: true)
        let first = try determination.apply(.amend(textSHA256: "ab", reason: "montant corrigé"), by: Self.reviewer, at: Self.start)
        #expect(first.kind == .proposed)
        #expect(determination.status == .awaitingSecondReview)
        // The same principal, whatever credential it came with, is refused as second.
        let sameAgain = StaffPrincipal(id: Self.reviewer.id, name: "Salma Tazi", roles: [.reviewer, .dpo], createdAt: Self.start)
        #expect(throws: ReviewError.sameReviewer(Self.reviewer.id)) {
            try determination.apply(.approve(note: nil), by: sameAgain, at: Self.start)
        }
        #expect(determination.status == .awaitingSecondReview, "a refused action changes nothing")
        #expect(throws: ReviewError.secondReviewCannotAmend) {
            try determination.apply(.amend(textSHA256: "cd", reason: "autre"), by: Self.dpo, at: Self.start)
        }
        let second = try determination.apply(.approve(note: "d’accord"), by: Self.dpo, at: Self.start.addingTimeInterval(5))
        #expect(second.kind == .amended, "the confirmation gives the first reviewer's verdict")
        #expect(determination.status == .amended)
        #expect(determination.outcome?.reviewers == [Self.reviewer.id, Self.dpo.id])
        #expect(determination.outcome?.textSHA256 == "ab")
        #expect(determination.outcome?.reason == "montant corrigé")
    }

    @Test func theSecondReviewerMayRejectAndRejectionsNeedAReason() throws {
        var determination = try Self.held(secondReview: true)
        #expect(throws: ReviewError.reasonRequired("reason")) { try determination.apply(.reject(reason: "  "), by: Self.reviewer, at: Self.start) }
        _ = try determination.apply(.approve(note: nil), by: Self.reviewer, at: Self.start)
        let event = try determination.apply(.reject(reason: "pièces manquantes"), by: Self.dpo, at: Self.start)
        #expect(event.kind == .rejected)
        #expect(determination.status == .rejected)
        #expect(determination.outcome?.reason == "pièces manquantes")
    }

    @Test func anAuditorMayNotReviewAndNothingChanges() throws {
        var determination = try Self.held()
        #expect(throws: ReviewError.self) { try determination.apply(.approve(note: nil), by: Self.auditor, at: Self.start) }
        #expect(determination.status == .held)
        let deactivated = StaffPrincipal(id: PrincipalID("stf_old"), name: "Ancien", roles: [.reviewer], createdAt: Self.start, disabledAt: Self.start)
        #expect(throws: ReviewError.notPermitted(.deactivated(deactivated.id))) {
            try determination.apply(.approve(note: nil), by: deactivated, at: Self.start)
        }
    }

    @Test func aCallNeverSentToAModelHasNoDraftToApprove() throws {
        var determination = try Self.held(kind: .beforeModel)
        #expect(throws: ReviewError.draftRequired) { try determination.apply(.approve(note: nil), by: Self.reviewer, at: Self.start) }
        _ = try determination.apply(.amend(textSHA256: "ef", reason: "réponse rédigée par l’agent"), by: Self.reviewer, at: Self.start)
        #expect(determination.status == .amended)
    }

    @Test func assignmentKeepsItHeld() throws {
        var determination = try Self.held()
        let event = try determination.apply(.assign(to: Self.dpo.id), by: Self.reviewer, at: Self.start)
        #expect(event.kind == .assigned && event.assignee == Self.dpo.id)
        #expect(determination.assignee == Self.dpo.id && determination.status == .held)
    }

    @Test func aDeterminationWithoutHoldIsReleasedAndFinal() throws {
        let determination = Determination(
            tenant: try TenantID("test"), useCase: try UseCaseID("benefits"), interactionID: "int_x", receiptHash: "00", subjectID: "sub_1",
            hold: nil, holdReason: "ignored", createdAt: Self.start, reviewDeadline: .seconds(60), requiresSecondReview: true,
            facts: Self.facts(), language: .ar
        )
        #expect(determination.status == .released && determination.status.isFinal)
        #expect(determination.dueAt == nil && determination.holdReason == nil && !determination.requiresSecondReview)
        #expect(determination.openingEvent.kind == .released)
    }

    @Test func deadlinesEscalateOnceFromTheGivenInstant() throws {
        var determination = try Self.held()
        #expect(!Escalation.isDue(determination, at: Self.start.addingTimeInterval(3599)))
        #expect(Escalation.isDue(determination, at: Self.start.addingTimeInterval(3600)))
        let event = Escalation.escalate(&determination, to: "dpo@test.ma", at: Self.start.addingTimeInterval(3600))
        #expect(event.kind == .escalated && determination.escalatedTo == "dpo@test.ma")
        #expect(!Escalation.isDue(determination, at: Self.start.addingTimeInterval(99_999)), "escalated once")
        var decided = try Self.held()
        _ = try decided.apply(.reject(reason: "non éligible"), by: Self.reviewer, at: Self.start)
        #expect(!Escalation.isDue(decided, at: Self.start.addingTimeInterval(99_999)), "a final determination is never escalated")
    }

    @Test func theStopSwitchNeedsTheRightRoleAndAReason() throws {
        #expect(throws: ReviewError.self) { try StopSwitch.change(to: true, by: Self.reviewer, at: Self.start, reason: "x") }
        #expect(throws: ReviewError.reasonRequired("reason")) { try StopSwitch.change(to: true, by: Self.dpo, at: Self.start, reason: nil) }
        let stopped = try StopSwitch.change(to: true, by: Self.dpo, at: Self.start, reason: "erreurs signalées")
        #expect(stopped.stopped && stopped.by == Self.dpo.id)
        #expect(!(try StopSwitch.change(to: false, by: Self.dpo, at: Self.start, reason: nil)).stopped)
    }

    @Test func onlyTheDPOMayReidentify() {
        #expect(Reidentification.allowed(Self.dpo))
        #expect(!Reidentification.allowed(Self.reviewer))
        #expect(!Reidentification.allowed(Self.auditor))
    }

    @Test func idsAreWellFormedAndRandom() throws {
        let a = DeterminationID.issue()
        let b = DeterminationID.issue()
        #expect(a != b)
        #expect(DeterminationID(a.rawValue) == a)
        #expect(DeterminationID("det_short") == nil)
        #expect(DeterminationID("int_" + String(a.rawValue.dropFirst(4))) == nil)
    }
}
