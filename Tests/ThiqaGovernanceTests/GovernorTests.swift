import FoundationEssentials
import Testing
import ThiqaCore
import ThiqaGovernance
import ThiqaPrivacy

@Suite("Governor")
struct GovernorTests {
    static func governor(_ entries: [(Declaration, ImpactAssessment?)], version: UInt64 = 7) -> Governor {
        Governor(
            snapshot: GovernanceSnapshot(
                version: version,
                useCases: entries.map { GovernedUseCase(declaration: $0.0, controller: controller, assessment: $0.1) },
                registryBaseURL: "https://thiqa.example.ma/registry/"
            )
        )
    }

    static func refusal(_ decision: GovernanceDecision) -> Refusal? {
        if case .refuse(let refusal) = decision { return refusal }
        return nil
    }

    static func allowance(_ decision: GovernanceDecision) -> Allowance? {
        if case .allow(let allowance) = decision { return allowance }
        return nil
    }

    func decide(
        _ governor: Governor,
        model: String = "atlas-chat-9b",
        types: Set<EntityType> = [],
        categories: Set<SensitiveCategory> = [],
        at: Date = Clock.later(days: 1),
        useCase: UseCaseRef = ref()
    ) -> GovernanceDecision {
        governor.decide(useCase: useCase, model: model, dataTypes: types, sensitiveCategories: categories, at: at)
    }

    @Test("every refusal code, each with a message saying the missing step and who takes it")
    func everyCode() throws {
        var seen: [RefusalCode: Refusal] = [:]
        func record(_ decision: GovernanceDecision) {
            guard let refusal = Self.refusal(decision) ?? { if case .holdForReview(let r) = decision { r } else { nil } }() else {
                Issue.record("expected a refusal, got \(decision)")
                return
            }
            seen[refusal.code] = refusal
        }
        let grace = Clock.later(days: 10)
        record(decide(Self.governor([]), useCase: ref("commune-rabat", "unknown")))
        record(decide(Self.governor([(declaration(grace: grace), nil)]), at: grace))
        record(decide(Self.governor([(declaration(status: .suspended), assessment(Answer.chatbot))])))
        record(decide(Self.governor([(declaration(status: .withdrawn), assessment(Answer.chatbot))])))
        record(decide(Self.governor([(declaration(status: .authorised), assessment(Answer.socialScoring))])))
        record(decide(Self.governor([(declaration(status: .declared), assessment(Answer.benefits, approvedBy: Staff.reviewer))])))
        record(decide(Self.governor([(declaration(status: .declared), nil)])))
        record(decide(Self.governor([(declaration(status: .authorised), assessment(Answer.benefits))])))
        record(decide(Self.governor([(declaration(status: .declared), assessment(Answer.chatbot))]), model: "gpt-4o"))
        record(decide(Self.governor([(declaration(status: .declared), assessment(Answer.chatbot))]), types: [.IBAN]))
        #expect(Set(seen.keys) == Set(RefusalCode.allCases))

        #expect(seen[.useCaseNotDeclared]!.message.contains("thiqa registry apply"))
        #expect(seen[.useCaseDraftExpired]!.message.contains("ended on \(Timestamp.format(grace))"))
        #expect(seen[.useCaseSuspended]!.message.contains("thiqa registry reinstate commune-rabat/civil-status-assistant"))
        #expect(seen[.useCaseWithdrawn]!.message.contains("withdrawn"))
        #expect(seen[.useCaseProhibited]!.message.contains("prohibited.social_scoring"))
        #expect(seen[.useCaseNotAuthorised]!.message.contains("thiqa registry authorise"))
        #expect(seen[.assessmentMissing]!.message.contains("thiqa registry assess"))
        #expect(
            seen[.assessmentNotApproved]!.message.contains(
                "ask your DPO or a reviewer other than its author to approve it: thiqa registry approve".capitalizedFirst
            )
        )
        #expect(seen[.modelNotAllowed]!.param == "model")
        #expect(seen[.modelNotAllowed]!.message.contains("atlas-chat-9b, qwen-*"))
        #expect(seen[.dataCategoryNotDeclared]!.param == "messages")
        #expect(seen[.dataCategoryNotDeclared]!.message.contains("IBAN"))
        for refusal in seen.values {
            #expect(refusal.httpStatus == 403)
            #expect(refusal.message.utf8.allSatisfy { $0 < 0x80 }, "messages are ASCII for every client: \(refusal.message)")
        }
    }

    @Test("a draft without grace period is not declared")
    func plainDraft() {
        let decision = decide(Self.governor([(declaration(), assessment(Answer.chatbot))]))
        #expect(Self.refusal(decision)?.code == .useCaseNotDeclared)
        #expect(Self.refusal(decision)?.message.contains("is a draft") == true)
    }

    @Test("a legacy draft in its grace period is allowed with a warning, keeps its behaviour, and discloses")
    func legacyDraft() throws {
        let grace = Clock.later(days: 10)
        let decision = decide(Self.governor([(declaration(types: [], grace: grace), nil)]), types: [.PHONE, .CIN], at: Clock.later(days: 9))
        let allowance = try #require(Self.allowance(decision))
        #expect(allowance.warnings == [.draftGracePeriod(ends: grace)])
        #expect(allowance.warnings[0].text.contains(Timestamp.format(grace)))
        #expect(allowance.tier == nil)
        #expect(allowance.controls.disclosureRequired)
        #expect(allowance.snapshotVersion == 7)
    }

    @Test(
        "controls per tier: minimal keeps declared retention within 30 days; limited discloses; high forces oversight, sovereign hosting, bounded retention"
    )
    func controlsPerTier() throws {
        var declared = declaration(status: .declared)
        declared.retention.contentSeconds = 60 * 86_400
        declared.hosting = HostingRequirement(allowedJurisdictions: [.sovereign, try Jurisdiction("FR")])
        declared.transfers = [CrossBorderTransfer(country: try Jurisdiction("FR"), recipient: "Hébergeur", basis: .adequacy)]
        let minimal = try #require(Self.allowance(decide(Self.governor([(declared, assessment(Answer.minimal))]))))
        #expect(minimal.tier == .minimal)
        #expect(minimal.controls.contentRetentionSeconds == 30 * 86_400)
        #expect(!minimal.controls.disclosureRequired && !minimal.controls.humanOversightRequired)
        #expect(!minimal.controls.sovereignOnly)

        let limited = try #require(Self.allowance(decide(Self.governor([(declared, assessment(Answer.chatbot))]))))
        #expect(limited.controls.disclosureRequired && !limited.controls.humanOversightRequired)

        var authorised = declared
        authorised.cndp = CNDPRegistration(status: .authorised, number: "A-1")
        authorised.lifecycle.authorisedAt = Clock.t0
        let high = try #require(Self.allowance(decide(Self.governor([(authorised, assessment(Answer.benefits, approvedBy: Staff.reviewer))]))))
        #expect(high.tier == .high)
        #expect(high.controls.humanOversightRequired && high.controls.disclosureRequired)
        #expect(high.controls.sovereignOnly)
        #expect(high.controls.contentRetentionSeconds == 60 * 86_400)

        var sensitive = declaration(status: .authorised, categories: [.identification, .health])
        sensitive.retention.contentSeconds = 86_400
        let health = try #require(Self.allowance(decide(Self.governor([(sensitive, assessment(Answer.healthChat))]), categories: [.health])))
        #expect(health.controls.contentRetentionOff)
        #expect(health.controls.sovereignOnly)
    }

    @Test("purpose limitation: declared data passes, undeclared types or categories are refused or held as the declaration says")
    func purposeLimitation() {
        let declared = declaration(status: .declared)
        let governor = Self.governor([(declared, assessment(Answer.chatbot))])
        #expect(Self.allowance(decide(governor, types: [.PHONE, .EMAIL])) != nil)
        #expect(Self.refusal(decide(governor, categories: [.religion]))?.message.contains("religion") == true)
        let holding = Self.governor([(declaration(status: .declared, limitation: .holdForReview), assessment(Answer.chatbot))])
        guard case .holdForReview(let held) = decide(holding, types: [.CIN]) else {
            Issue.record("expected a hold")
            return
        }
        #expect(held.code == .dataCategoryNotDeclared)
        #expect(held.message.contains("held for review"))
    }

    @Test("a suspension in a new snapshot applies to the next decision")
    func suspensionApplies() throws {
        let declared = declaration(status: .declared)
        let before = Self.governor([(declared, assessment(Answer.chatbot))], version: 1)
        #expect(Self.allowance(decide(before)) != nil)
        let suspended = try Lifecycle.transition(declared, to: .suspended, by: Staff.dpo, assessment: nil, reason: "incident", at: Clock.t0)
        let after = Self.governor([(suspended, assessment(Answer.chatbot))], version: 2)
        #expect(Self.refusal(decide(after))?.code == .useCaseSuspended)
    }

    @Test("a client's model name is echoed as printable ASCII only")
    func echoedModel() {
        let governor = Self.governor([(declaration(status: .declared), assessment(Answer.chatbot))])
        let refusal = Self.refusal(decide(governor, model: "modèle\n\u{202E}x"))
        #expect(refusal?.message.hasPrefix("model 'mod?le??x' is not among") == true)
    }

    @Test("the disclosure of an allowed call, from the governor")
    func disclosure() {
        let governor = Self.governor([(declaration(status: .declared), assessment(Answer.chatbot))])
        #expect(governor.disclosure(useCase: ref(), acceptLanguage: "ary-Latn")?.language == .aryLatn)
        #expect(governor.disclosure(useCase: ref(), acceptLanguage: nil)?.language == .fr)
        #expect(governor.disclosure(useCase: ref("x", "y"), acceptLanguage: nil) == nil)
    }

    @Test("registry links: stable, one per use case, trailing slash trimmed")
    func registryURL() {
        let snapshot = Self.governor([]).snapshot
        #expect(snapshot.registryURL(for: ref()) == "https://thiqa.example.ma/registry/commune-rabat/civil-status-assistant")
    }
}

extension String {
    fileprivate var capitalizedFirst: String { self.prefix(1).uppercased() + self.dropFirst() }
}
