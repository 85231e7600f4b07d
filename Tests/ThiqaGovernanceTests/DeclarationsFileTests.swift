import FoundationEssentials
import Testing
import ThiqaCore
import ThiqaGovernance
import ThiqaPrivacy

@Suite("Declarations files")
struct DeclarationsFileTests {
    static let valid = """
        version: 1
        controllers:
          - id: commune-rabat
            legal_name: Commune de Rabat
            dpo: {name: Youssef Bennani, email: dpo@rabat.ma}
        use_cases:
          - tenant: commune-rabat
            id: civil-status-assistant
            name: Assistant état civil
            purpose: Répondre aux questions des citoyens sur les démarches d’état civil
            legal_basis: public_interest
            data_categories: [identification, contact, civil_status]
            data_subjects: [citizens]
            personal_data_types: [PHONE, EMAIL]
            recipients:
              - {name: Service de l’état civil, kind: internal}
            retention: {content: 7d, records_days: 365}
            hosting: sovereign_only
            allowed_models: [atlas-chat-9b, qwen-*]
            value_chain: {developer: MBZUAI, integrator: Thiqa, deployer: Commune de Rabat}
            cndp: {status: declared, number: D-GC-1234/2026}
            assessment:
              practices: none
              domains: none
              automation: information_only
              effect: minor
              data: personal
              scale: 1k_to_100k
              interaction: [converses_with_people]
        """

    @Test("a valid file parses into the same declaration as written in Swift")
    func parses() throws {
        let file = try DeclarationsFile.parse(Self.valid, file: "registry.yaml", now: Clock.t0)
        #expect(file.controllers == [controller.withDPO(phone: nil)])
        let entry = try #require(file.useCases.first)
        #expect(entry.status == .declared)
        #expect(entry.answers == Answer.chatbot)
        var expected = declaration()
        expected.cndp.number = "D-GC-1234/2026"
        #expect(entry.declaration == expected)
        #expect(entry.line == 7)
    }

    @Test("makes_decisions marks a use case's answers as decisions, is in its canonical fields only when set, and must be a boolean")
    func makesDecisions() throws {
        let marked = Self.valid.replacing("hosting: sovereign_only", with: "hosting: sovereign_only\n    makes_decisions: true")
        let entry = try #require(try DeclarationsFile.parse(marked, file: "registry.yaml", now: Clock.t0).useCases.first)
        #expect(entry.declaration.makesDecisions == true)
        #expect(entry.declaration.canonicalFields["makes_decisions"] == .bool(true))
        let plain = try #require(try DeclarationsFile.parse(Self.valid, file: "registry.yaml", now: Clock.t0).useCases.first)
        #expect(plain.declaration.makesDecisions == nil)
        #expect(plain.declaration.canonicalFields["makes_decisions"] == nil, "declarations written before the field keep their digest")
        let wrong = Self.valid.replacing("hosting: sovereign_only", with: "hosting: sovereign_only\n    makes_decisions: sometimes")
        #expect(throws: (any Error).self) { try DeclarationsFile.parse(wrong, file: "registry.yaml", now: Clock.t0) }
        do {
            _ = try DeclarationsFile.parse(wrong, file: "registry.yaml", now: Clock.t0)
        } catch {
            #expect("\(error)".contains("makes_decisions"), "the error names the field: \(error)")
        }
    }

    @Test("the demo file in config/registry parses and plans a declared, limited-risk use case")
    func demoFile() throws {
        let here = URL(filePath: #filePath)
        let path = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appending(
            path: "config/registry/demo.yaml"
        )
        let text = try String(decoding: Data(contentsOf: path), as: UTF8.self)
        let file = try DeclarationsFile.parse(text, file: "demo.yaml", now: Clock.t0)
        let entry = try #require(file.useCases.first)
        #expect(entry.status == .declared)
        #expect(RiskRules.assess(try #require(entry.answers)).tier == .limited)
        #expect(entry.declaration.retention.contentSeconds == nil)
    }

    @Test("validation errors name the file, the line and the field, all at once")
    func errors() throws {
        let bad = """
            version: 1
            controllers:
              - id: commune-rabat
                legal_name: Commune de Rabat
                dpo: {name: Y, email: not-an-email}
            use_cases:
              - tenant: commune-rabat
                id: Civil Status
                name: Assistant
                purpose: ""
                legal_basis: because
                data_categories: [identification, hobbies]
                data_subjects: [citizens]
                retention: {content: 3 weeks}
                allowed_models: [atlas]
                value_chain: {developer: X, deployer: Y}
                cndp: {status: declared}
                colour: blue
                assessment: {automation: sometimes}
            """
        do {
            _ = try DeclarationsFile.parse(bad, file: "registry.yaml", now: Clock.t0)
            Issue.record("expected errors")
        } catch {
            let text = error.problems.map(\.description)
            #expect(text.contains("registry.yaml:5: controllers[0].dpo.email: expected an e-mail address such as dpo@example.ma, got 'not-an-email'"))
            #expect(text.contains { $0.hasPrefix("registry.yaml:8: use_cases[0].id: may contain only lower-case letters") })
            #expect(
                text.contains {
                    $0.hasPrefix("registry.yaml:11: use_cases[0].legal_basis: unknown value 'because'; expected one of consent, contract")
                }
            )
            #expect(text.contains { $0.hasPrefix("registry.yaml:12: use_cases[0].data_categories[1]: unknown value 'hobbies'") })
            #expect(text.contains { $0.hasPrefix("registry.yaml:14: use_cases[0].retention.content: expected a duration such as 90s") })
            #expect(text.contains { $0.hasPrefix("registry.yaml:18: use_cases[0].colour: unknown field") })
            #expect(text.contains { $0.hasPrefix("registry.yaml:19: use_cases[0].assessment.automation: unknown option 'sometimes'") })
            #expect(text.contains { $0.hasPrefix("registry.yaml:19: use_cases[0].assessment.practices: missing") })
        }
    }

    @Test("the declaration's own rules point into the file: a declared status needs its number, an empty purpose is named")
    func declarationRules() throws {
        let text = Self.valid
            .replacing("cndp: {status: declared, number: D-GC-1234/2026}", with: "cndp: {status: declared}")
            .replacing("purpose: Répondre aux questions des citoyens sur les démarches d’état civil", with: "purpose: \"  \"")
        do {
            _ = try DeclarationsFile.parse(text, file: "f.yaml", now: Clock.t0)
            Issue.record("expected errors")
        } catch {
            #expect(
                error.problems.map(\.description) == [
                    "f.yaml:10: use_cases[0].purpose: must not be empty",
                    "f.yaml:21: use_cases[0].cndp.number: required when status is declared",
                ]
            )
        }
    }

    @Test("YAML syntax errors and wrong versions are reported with their line")
    func syntax() {
        #expect(throws: DeclarationsFileErrors.self) { try DeclarationsFile.parse("version: 1\nuse_cases: [\n", file: "x.yaml", now: Clock.t0) }
        do {
            _ = try DeclarationsFile.parse("version: 1\nuse_cases:\n  - id: a\n   tenant: b\n", file: "x.yaml", now: Clock.t0)
        } catch {
            #expect(error.problems.first?.line != nil)
            #expect(error.problems.first?.description.hasPrefix("x.yaml:") == true)
        }
        do {
            _ = try DeclarationsFile.parse("version: 2\nuse_cases: []\n", file: "x.yaml", now: Clock.t0)
        } catch {
            #expect(error.problems.map(\.description) == ["x.yaml:1: version: unsupported; this Thiqa reads version 1"])
        }
    }

    @Test("plan: creates on an empty registry, with the transition the file asks for and the assessment to submit")
    func planCreate() throws {
        let file = try DeclarationsFile.parse(Self.valid, file: "f.yaml", now: Clock.t0)
        let plan = try ApplyPlan.make(file: file, fileName: "f.yaml", currentControllers: [], currentDeclarations: [], currentAnswers: [:])
        #expect(plan.controllers.map(\.action) == [.create])
        #expect(plan.useCases.map(\.action) == [.create])
        #expect(plan.useCases[0].transition == .declared)
        #expect(plan.useCases[0].assessment == Answer.chatbot)
        #expect(plan.summary.contains("+ use case commune-rabat/civil-status-assistant → declared (impact assessment to submit)"))
    }

    @Test("plan: applying the registry's own state again plans nothing (idempotent); a changed field is an update with its diff")
    func planUpdate() throws {
        let file = try DeclarationsFile.parse(Self.valid, file: "f.yaml", now: Clock.later(days: 3))
        var current = declaration(status: .declared)
        current.cndp.number = "D-GC-1234/2026"
        let same = try ApplyPlan.make(
            file: file,
            fileName: "f.yaml",
            currentControllers: [controller.withDPO(phone: nil)],
            currentDeclarations: [current, declaration("other")],
            currentAnswers: [ref(): Answer.chatbot]
        )
        #expect(same.isEmpty, "\(same.summary)")
        #expect(same.untouched == [ref("commune-rabat", "other")])
        #expect(same.summary.contains("nothing to change"))

        let changed = try DeclarationsFile.parse(
            Self.valid.replacing("[atlas-chat-9b, qwen-*]", with: "[atlas-chat-9b]"),
            file: "f.yaml",
            now: Clock.t0
        )
        let plan = try ApplyPlan.make(
            file: changed,
            fileName: "f.yaml",
            currentControllers: [controller],
            currentDeclarations: [current],
            currentAnswers: [:]
        )
        #expect(plan.useCases[0].action == .update)
        #expect(plan.useCases[0].changes.map(\.field) == ["allowed_models"])
        #expect(plan.useCases[0].transition == nil)
        #expect(plan.useCases[0].declaration.lifecycle == current.lifecycle)
        #expect(plan.controllers[0].changes.map(\.field) == ["dpo.phone"])
        #expect(plan.summary.contains(#"    allowed_models: ["atlas-chat-9b","qwen-*"] → ["atlas-chat-9b"]"#))
    }

    @Test("plan: a legacy draft keeps its grace period and number when the file does not state them")
    func planKeepsGrace() throws {
        let text = Self.valid.replacing("cndp: {status: declared, number: D-GC-1234/2026}", with: "cndp: {status: draft}")
        let file = try DeclarationsFile.parse(text, file: "f.yaml", now: Clock.t0)
        let legacy = declaration(number: "D-OLD", grace: Clock.later(days: 30))
        let plan = try ApplyPlan.make(
            file: file,
            fileName: "f.yaml",
            currentControllers: [controller],
            currentDeclarations: [legacy],
            currentAnswers: [:]
        )
        #expect(plan.useCases[0].declaration.gracePeriodEnds == Clock.later(days: 30))
        #expect(plan.useCases[0].declaration.cndp.number == "D-OLD")
        #expect(plan.useCases[0].changes.isEmpty)
        #expect(plan.useCases[0].transition == nil)
    }

    @Test("plan: a use case whose controller is unknown is refused with its line")
    func planUnknownController() throws {
        let text = Self.valid.replacing(
            "    dpo: {name: Youssef Bennani, email: dpo@rabat.ma}\n",
            with: "    dpo: {name: Youssef Bennani, email: dpo@rabat.ma}\n"
        )
        .replacing("  - id: commune-rabat\n    legal_name: Commune de Rabat\n    dpo: {name: Youssef Bennani, email: dpo@rabat.ma}\n", with: "")
        .replacing("controllers:\n", with: "controllers: []\n")
        let file = try DeclarationsFile.parse(text, file: "f.yaml", now: Clock.t0)
        #expect(
            throws: DeclarationsFileErrors([
                DeclarationsFileError(
                    file: "f.yaml",
                    line: 4,
                    field: "use_cases[0].tenant",
                    reason: "controller commune-rabat is neither in controllers nor registered: add it under controllers"
                )
            ])
        ) {
            try ApplyPlan.make(file: file, fileName: "f.yaml", currentControllers: [], currentDeclarations: [], currentAnswers: [:])
        }
    }
}

extension Controller {
    fileprivate func withDPO(phone: String?) -> Controller {
        var copy = self
        copy.dpo.phone = phone
        return copy
    }
}
