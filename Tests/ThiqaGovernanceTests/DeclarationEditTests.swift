import FoundationEssentials
import Testing
import ThiqaCore
import ThiqaGovernance

@Suite("Declaration edits")
struct DeclarationEditTests {
    @Test("creation is always a draft at version 1, attributed to its principal")
    func create() throws {
        var proposed = declaration(status: .declared)
        proposed.lifecycle.declaredAt = Clock.later(days: -100)
        let outcome = try DeclarationEdit.apply(current: nil, proposed: proposed, by: Staff.admin, reason: "nouveau service", at: Clock.t0)
        #expect(outcome.declaration.status == .draft)
        #expect(outcome.declaration.lifecycle == LifecycleDates(createdAt: Clock.t0))
        #expect(outcome.change?.version == 1)
        #expect(outcome.change?.principal == Staff.admin.id)
    }

    @Test("an edit keeps status and dates, bumps the version, and records only what changed")
    func edit() throws {
        let stored = declaration(status: .declared)
        var proposed = stored
        proposed.purpose = "Répondre aux citoyens sur l’état civil et prendre rendez-vous"
        proposed.cndp.status = .authorised
        let outcome = try DeclarationEdit.apply(current: (stored, 4), proposed: proposed, by: Staff.dpo, reason: "rendez-vous", at: Clock.t0)
        #expect(outcome.declaration.status == .declared)
        #expect(outcome.change?.version == 5)
        #expect(outcome.change?.changes.map(\.field) == ["purpose"])
        #expect(try DeclarationEdit.apply(current: (stored, 4), proposed: stored, by: Staff.dpo, reason: "", at: Clock.t0).change == nil)
    }

    @Test("a live declaration must stay valid; a draft may be saved incomplete; withdrawn is final; only declarers edit")
    func rules() throws {
        var emptied = declaration(status: .declared)
        emptied.purpose = ""
        #expect(throws: DeclarationEditError.invalid([ValidationError(field: "purpose", reason: "must not be empty")])) {
            try DeclarationEdit.apply(current: (declaration(status: .declared), 1), proposed: emptied, by: Staff.dpo, reason: "", at: Clock.t0)
        }
        var draft = declaration()
        draft.purpose = ""
        #expect(try DeclarationEdit.apply(current: (declaration(), 1), proposed: draft, by: Staff.dpo, reason: "", at: Clock.t0).change != nil)
        #expect(throws: DeclarationEditError.withdrawn) {
            try DeclarationEdit.apply(current: (declaration(status: .withdrawn), 3), proposed: declaration(), by: Staff.dpo, reason: "", at: Clock.t0)
        }
        #expect(throws: DeclarationEditError.unauthorized(.notPermitted(Staff.reviewer.id, .declare))) {
            try DeclarationEdit.apply(current: nil, proposed: declaration(), by: Staff.reviewer, reason: "", at: Clock.t0)
        }
        #expect(throws: DeclarationEditError.differentUseCase(ref())) {
            try DeclarationEdit.apply(current: (declaration(), 1), proposed: declaration("other"), by: Staff.dpo, reason: "", at: Clock.t0)
        }
    }

    @Test("adding sensitive data to a declared use case takes it off the air until it is authorised")
    func sensitiveEditNeedsAuthorisation() throws {
        let stored = declaration(status: .declared)
        var proposed = stored
        proposed.dataCategories.insert(.health)
        let outcome = try DeclarationEdit.apply(current: (stored, 2), proposed: proposed, by: Staff.dpo, reason: "dossiers médicaux", at: Clock.t0)
        #expect(Liveness.of(outcome.declaration, assessment: assessment(Answer.chatbot), at: Clock.t0) == .notLive(.authorisationRequired))
    }
}
