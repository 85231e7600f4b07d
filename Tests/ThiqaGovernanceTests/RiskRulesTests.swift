import Testing
import ThiqaCore
import ThiqaGovernance

@Suite("Risk rules")
struct RiskRulesTests {
    @Test("minimal: nothing matches", arguments: [Answer.minimal])
    func minimal(answers: Answers) {
        let result = RiskRules.assess(answers)
        #expect(result.tier == .minimal)
        #expect(result.reasons.map(\.rule) == ["minimal.default"])
        #expect(result.controls == [.contentRetention(.atMostDays(30))])
    }

    @Test("limited: a chatbot, or content generated for people")
    func limited() {
        let chat = RiskRules.assess(Answer.chatbot)
        #expect(chat.tier == .limited)
        #expect(chat.reasons.map(\.rule) == ["limited.conversation"])
        #expect(chat.controls == [.aiDisclosure, .contentRetention(.atMostDays(30)), .evaluation(.yearly)])

        var letters = Answer.minimal
        letters.interaction = [.generatesContentForPeople]
        #expect(RiskRules.assess(letters).tier == .limited)
        letters.interaction = [.syntheticMedia]
        #expect(RiskRules.assess(letters).reasons.map(\.rule) == ["limited.generated_content"])
    }

    @Test("high: a listed domain with significant effect")
    func highListedDomain() {
        let result = RiskRules.assess(Answer.benefits)
        #expect(result.tier == .high)
        #expect(result.reasons.map(\.rule) == ["high.listed_domain"])
        #expect(result.controls == [.humanOversight, .aiDisclosure, .contentRetention(.atMostDays(90)), .evaluation(.quarterly), .sovereignHosting])
        #expect(result.controls.codes == ["ai_disclosure", "content_retention:90d", "evaluation:quarterly", "human_oversight", "sovereign_hosting"])
    }

    @Test("high: a listed domain deciding alone even with minor effect; not high with minor effect and a human deciding")
    func highDecidesAlone() {
        var answers = Answers(domains: [.education], automation: .decidesAlone, effect: .minor, data: .personal, scale: .underThousand)
        #expect(RiskRules.assess(answers).tier == .high)
        answers.automation = .assistsHuman
        #expect(RiskRules.assess(answers).tier == .minimal)
    }

    @Test("high: biometric identification whatever its effect, and sensitive data at large scale")
    func highOther() {
        let biometric = Answers(
            domains: [.biometricIdentification],
            automation: .assistsHuman,
            effect: .minor,
            data: .sensitive,
            scale: .underThousand
        )
        #expect(RiskRules.assess(biometric).reasons.map(\.rule).contains("high.biometric_identification"))
        #expect(RiskRules.assess(biometric).tier == .high)
        var sensitive = Answer.healthChat
        #expect(RiskRules.assess(sensitive).tier == .limited)
        sensitive.scale = .overMillion
        #expect(RiskRules.assess(sensitive).tier == .high)
        #expect(RiskRules.assess(sensitive).reasons.map(\.rule).contains("high.sensitive_at_scale"))
    }

    @Test(
        "prohibited: each listed practice, and decisions with legal effect taken by a machine alone (law 09-08, art. 11)",
        arguments: ProhibitedPractice.allCases
    )
    func prohibitedPractices(practice: ProhibitedPractice) {
        let answers = Answers(practices: [practice], automation: .informationOnly, effect: .none, data: .noPersonal, scale: .underThousand)
        let result = RiskRules.assess(answers)
        #expect(result.tier == .prohibited)
        #expect(result.reasons.map(\.rule) == ["prohibited.\(practice.rawValue)"])
        #expect(result.controls.isEmpty)
    }

    @Test("prohibited: automated decisions with legal effect, and automated judicial decisions")
    func prohibitedAutomation() {
        let alone = Answers(domains: [.credit], automation: .decidesAlone, effect: .significant, data: .personal, scale: .overMillion)
        #expect(RiskRules.assess(alone).tier == .prohibited)
        #expect(RiskRules.assess(alone).reasons.map(\.rule).contains("prohibited.automated_legal_effect"))
        let judge = Answers(domains: [.justice], automation: .decidesAlone, effect: .minor, data: .personal, scale: .underThousand)
        #expect(RiskRules.assess(judge).reasons.map(\.rule).first == "prohibited.automated_judicial_decision")
        #expect(RiskRules.assess(Answer.socialScoring).tier == .prohibited)
    }

    @Test("sensitive data adds sovereign hosting and forbids content retention, at any tier that runs")
    func sensitiveControls() {
        let result = RiskRules.assess(Answer.healthChat)
        #expect(result.processesSensitiveData)
        #expect(result.controls.contains(.sovereignHosting))
        #expect(result.controls.contentRetentionLimit == .forbidden)
        #expect(result.controls.filter { if case .contentRetention = $0 { true } else { false } }.count == 1)
        #expect(result.reasons.map(\.rule) == ["limited.conversation", "data.sensitive"])
    }

    @Test("a high-risk chatbot gets both tiers' reasons and the strictest controls")
    func combined() {
        var answers = Answer.benefits
        answers.interaction = [.conversesWithPeople]
        let result = RiskRules.assess(answers)
        #expect(result.tier == .high)
        #expect(result.reasons.map(\.rule) == ["high.listed_domain", "limited.conversation"])
        #expect(result.controls.evaluationCadence == .quarterly)
        #expect(result.controls.contentRetentionLimit == .atMostDays(90))
    }

    @Test("every reason is written in French, Arabic and English")
    func reasonsInThreeLanguages() {
        let all = [Answer.minimal, Answer.chatbot, Answer.benefits, Answer.socialScoring, Answer.healthChat]
        for answers in all {
            for reason in RiskRules.assess(answers).reasons {
                #expect(!reason.text.fr.isEmpty && !reason.text.en.isEmpty)
                #expect(reason.text.ar.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }, "\(reason.rule) has no Arabic text")
                #expect(reason.text.fr != reason.text.en)
            }
        }
    }

    @Test("material changes: what the system does is material; scale only when it moves the tier or controls")
    func materialChange() {
        var more = Answer.benefits
        more.automation = .assistsHuman
        #expect(RiskRules.materialChanges(from: Answer.benefits, to: more) == [.automation])
        var bigger = Answer.benefits
        bigger.scale = .overMillion
        #expect(RiskRules.materialChanges(from: Answer.benefits, to: bigger).isEmpty)
        var sensitive = Answer.healthChat
        sensitive.scale = .overMillion
        #expect(RiskRules.materialChanges(from: Answer.healthChat, to: sensitive) == [.scale])
        #expect(RiskRules.materialChanges(from: Answer.chatbot, to: Answer.chatbot).isEmpty)
    }

    @Test("the questionnaire's options are exactly the answers' values, each in three languages")
    func questionnaireMatchesAnswers() throws {
        let questionnaire = Questionnaire.current
        #expect(questionnaire.questions.map(\.id) == QuestionID.allCases)
        func options(_ id: QuestionID) -> Set<String> { Set(questionnaire.question(id)!.options.map(\.id)) }
        #expect(options(.practices) == Set(ProhibitedPractice.allCases.map(\.rawValue) + ["none"]))
        #expect(options(.domains) == Set(AssessedDomain.allCases.map(\.rawValue) + ["none"]))
        #expect(options(.automation) == Set(Automation.allCases.map(\.rawValue)))
        #expect(options(.effect) == Set(EffectOnPeople.allCases.map(\.rawValue)))
        #expect(options(.data) == Set(DataSensitivity.allCases.map(\.rawValue)))
        #expect(options(.scale) == Set(Scale.allCases.map(\.rawValue)))
        #expect(options(.interaction) == Set(Interaction.allCases.map(\.rawValue) + ["none"]))
        for question in questionnaire.questions {
            for text in [question.text] + question.options.map(\.text) {
                #expect(text.ar.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) })
                #expect(!text.fr.isEmpty && !text.en.isEmpty)
            }
        }
    }

    @Test("raw answers round-trip, and bad ones are reported per question")
    func rawAnswers() throws {
        #expect(try Answers(raw: Answer.benefits.raw) == Answer.benefits)
        #expect(try Answers(raw: Answer.minimal.raw) == Answer.minimal)
        do {
            _ = try Answers(raw: [
                "practices": ["none", "manipulation"], "automation": ["decides_sometimes"], "domains": ["health"], "colour": ["blue"],
            ])
            Issue.record("expected errors")
        } catch {
            let fields = error.problems.map(\.field)
            #expect(fields.contains("answers.practices"))
            #expect(fields.contains("answers.automation"))
            #expect(fields.contains("answers.effect"))
            #expect(fields.contains("answers.colour"))
            #expect(!fields.contains("answers.domains"))
        }
    }
}
