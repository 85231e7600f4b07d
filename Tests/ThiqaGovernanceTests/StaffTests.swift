import FoundationEssentials
import Testing
import ThiqaGovernance

@Suite("Staff principals")
struct StaffTests {
    @Test("permissions per role")
    func permissions() {
        #expect(Staff.admin.may(.declare) && Staff.admin.may(.suspend) && Staff.admin.may(.manageStaff))
        #expect(!Staff.admin.may(.approve) && !Staff.admin.may(.authorise) && !Staff.admin.may(.assess))
        #expect(Staff.dpo.may(.approve) && Staff.dpo.may(.authorise) && Staff.dpo.may(.reinstate) && !Staff.dpo.may(.manageStaff))
        #expect(Staff.reviewer.may(.approve) && Staff.reviewer.may(.review) && !Staff.reviewer.may(.suspend))
        #expect(Staff.auditor.permissions == [.audit])
        #expect(Permission.approve.holders == [.dpo, .reviewer])
        var gone = Staff.dpo
        gone.disabledAt = Clock.t0
        #expect(gone.permissions.isEmpty)
        #expect(throws: AuthorizationError.deactivated(gone.id)) { try gone.require(.audit) }
    }

    @Test("tokens: prefix, 32 random bytes in base64url, only a hash stored")
    func tokenFormat() {
        let issued = StaffToken.issue(for: Staff.dpo.id, now: Clock.t0)
        #expect(issued.token.hasPrefix("thq_staff_"))
        #expect(issued.token.utf8.count == "thq_staff_".utf8.count + 43)
        #expect(StaffToken.isWellFormed(issued.token))
        #expect(issued.credential.tokenHash.count == 64)
        #expect(!issued.credential.tokenHash.contains(String(issued.token.dropFirst(10))))
        #expect(StaffToken.matches(issued.token, hash: issued.credential.tokenHash))
        #expect(!StaffToken.matches(issued.token + "x", hash: issued.credential.tokenHash))
        #expect(StaffToken.issue(for: Staff.dpo.id, now: Clock.t0).token != issued.token)
        #expect(!StaffToken.isWellFormed("thq_staff_" + String(repeating: "+", count: 43)))
        // SHA-256 of "abc", the FIPS 180-2 vector: the hash is the standard one.
        #expect(StaffToken.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("the directory authenticates tokens to principals; revoked tokens and disabled principals fail")
    func directory() {
        let first = StaffToken.issue(for: Staff.dpo.id, now: Clock.t0)
        var revoked = StaffToken.issue(for: Staff.reviewer.id, now: Clock.t0)
        revoked.credential.revokedAt = Clock.t0
        var disabled = Staff.auditor
        disabled.disabledAt = Clock.t0
        let auditorToken = StaffToken.issue(for: disabled.id, now: Clock.t0)
        let directory = StaffDirectory(
            principals: [Staff.dpo, Staff.reviewer, disabled],
            credentials: [first.credential, revoked.credential, auditorToken.credential]
        )
        #expect(directory.authenticate(first.token)?.id == Staff.dpo.id)
        #expect(directory.authenticate(revoked.token) == nil)
        #expect(directory.authenticate(auditorToken.token) == nil)
        #expect(directory.authenticate("thq_staff_nope") == nil)
        #expect(directory.authenticate(StaffToken.issue(for: Staff.dpo.id, now: Clock.t0).token) == nil)
    }

    @Test("two-person rule: one principal holding two tokens cannot approve their own assessment")
    func twoPersonRuleWithTwoTokens() throws {
        let laptop = StaffToken.issue(for: Staff.dpo.id, label: "laptop", now: Clock.t0)
        let phone = StaffToken.issue(for: Staff.dpo.id, label: "phone", now: Clock.t0)
        let reviewerToken = StaffToken.issue(for: Staff.reviewer.id, now: Clock.t0)
        #expect(laptop.token != phone.token)
        let directory = StaffDirectory(
            principals: [Staff.dpo, Staff.reviewer],
            credentials: [laptop.credential, phone.credential, reviewerToken.credential]
        )

        let author = try #require(directory.authenticate(laptop.token))
        let submitted = try ImpactAssessment.submit(for: ref(), answers: Answer.benefits, by: author, at: Clock.t0)
        let sameperson = try #require(directory.authenticate(phone.token))
        #expect(throws: AssessmentError.unauthorized(.sameAuthorAndApprover(Staff.dpo.id))) {
            try submitted.approved(by: sameperson, at: Clock.later(days: 1))
        }
        let other = try #require(directory.authenticate(reviewerToken.token))
        let approved = try submitted.approved(by: other, at: Clock.later(days: 1))
        #expect(approved.isApproved)
        #expect(approved.approval?.approver == Staff.reviewer.id)
    }

    @Test("only approvers approve, only in review, never a prohibited use case")
    func approvalRules() throws {
        let submitted = assessment(Answer.benefits)
        #expect(throws: AssessmentError.unauthorized(.notPermitted(Staff.admin.id, .approve))) {
            try submitted.approved(by: Staff.admin, at: Clock.t0)
        }
        let approved = try submitted.approved(by: Staff.dpo2, at: Clock.t0)
        #expect(throws: AssessmentError.notInReview(.approved)) { try approved.approved(by: Staff.reviewer, at: Clock.t0) }
        #expect(throws: AssessmentError.prohibited) { try assessment(Answer.socialScoring).approved(by: Staff.reviewer, at: Clock.t0) }
        #expect(throws: AssessmentError.unauthorized(.notPermitted(Staff.auditor.id, .assess))) {
            try ImpactAssessment.submit(for: ref(), answers: Answer.minimal, by: Staff.auditor, at: Clock.t0)
        }
    }

    @Test("a material revision sends an approved assessment back to review with its reviser as author; a minor one keeps the approval")
    func revisions() throws {
        let approved = assessment(Answer.benefits, approvedBy: Staff.reviewer)
        var bigger = Answer.benefits
        bigger.scale = .overMillion
        let minor = try approved.revised(answers: bigger, by: Staff.dpo, at: Clock.later(days: 5))
        #expect(minor.materialChanges.isEmpty)
        #expect(minor.assessment.isApproved)
        #expect(minor.assessment.revision == 2)

        var alone = Answer.benefits
        alone.automation = .decidesAlone
        alone.effect = .minor
        let material = try approved.revised(answers: alone, by: Staff.reviewer, at: Clock.later(days: 5))
        #expect(material.materialChanges == [.automation, .effect])
        #expect(material.assessment.status == .inReview)
        #expect(!material.assessment.isApproved)
        #expect(material.assessment.author == Staff.reviewer.id)
        #expect(throws: AssessmentError.unauthorized(.sameAuthorAndApprover(Staff.reviewer.id))) {
            try material.assessment.approved(by: Staff.reviewer, at: Clock.later(days: 6))
        }
        #expect(try material.assessment.approved(by: Staff.dpo, at: Clock.later(days: 6)).isApproved)
    }

    @Test("returning an assessment needs a note and the review permission")
    func returning() throws {
        let submitted = assessment(Answer.benefits)
        #expect(throws: AssessmentError.noteRequired) { try submitted.returned(by: Staff.reviewer, at: Clock.t0, note: "") }
        let returned = try submitted.returned(by: Staff.reviewer, at: Clock.t0, note: "Préciser la supervision humaine")
        #expect(returned.status == .returned)
        #expect(throws: AssessmentError.notInReview(.returned)) { try returned.approved(by: Staff.reviewer, at: Clock.t0) }
        let again = try returned.revised(answers: Answer.benefits, by: Staff.dpo, at: Clock.t0)
        #expect(again.assessment.status == .inReview)
    }
}
