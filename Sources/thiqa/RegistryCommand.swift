import ArgumentParser
import Foundation
import ThiqaCore
import ThiqaGovernance
import ThiqaServer
import ThiqaStorage

/// The governance registry from the shell, on the configured store (no server needed; a running gateway sees each
/// change within `registry.pollIntervalMs`). Changes need a staff token (`--token` or `THIQA_STAFF_TOKEN`), and are
/// attributed to its principal.
struct Registry: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "Declare, assess, approve, suspend, reinstate, withdraw and export use cases; apply a declarations file.",
        subcommands: [
            List.self, Show.self, Apply.self, Declare.self, Authorise.self, Update.self, Assess.self, Approve.self, Suspend.self, Reinstate.self,
            Withdraw.self, Export.self,
        ]
    )

    struct StaffOptions: ParsableArguments {
        @ArgumentParser.Option(help: "Staff token (thq_staff_…); default: the THIQA_STAFF_TOKEN environment variable.") var token: String?

        func principal(_ actions: RegistryActions) async throws -> StaffPrincipal {
            guard let token = token ?? ProcessInfo.processInfo.environment["THIQA_STAFF_TOKEN"], !token.isEmpty else {
                throw OperatorError("this change needs a staff token: --token thq_staff_… or THIQA_STAFF_TOKEN (create one with thiqa staff create)")
            }
            guard let principal = try await actions.repository.authenticate(token) else {
                throw OperatorError("unknown or revoked staff token")
            }
            return principal
        }
    }

    static func ref(_ text: String) throws -> UseCaseRef {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw ValidationError("expected TENANT/USE_CASE, got '\(text)'") }
        do { return UseCaseRef(tenant: try TenantID(String(parts[0])), useCase: try UseCaseID(String(parts[1]))) } catch {
            throw ValidationError("\(error)")
        }
    }

    /// Runs `body` with the registry's actions on the configured store; action errors become one-line operator errors.
    static func run<T: Sendable>(_ options: ConfigOptions, _ body: @Sendable (RegistryActions) async throws -> T) async throws -> T {
        let configuration = try await options.load()
        return try await withStore(configuration) { database in
            do { return try await body(RegistryActions(database: database)) } catch let error as RegistryActionError {
                throw OperatorError(error.message)
            }
        }
    }

    static func print(_ value: JSONValue) throws {
        Swift.print(String(decoding: try value.encoded(), as: UTF8.self))
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every use case: status, tier, whether it is live, grace-period warnings.")
        @OptionGroup var options: ConfigOptions
        @Flag(help: "JSON output.") var json = false

        func run() async throws {
            let rows = try await Registry.run(options) { try await $0.listing() }
            if json { return try Registry.print(.array(rows)) }
            if rows.isEmpty { return Swift.print("the registry is empty: declare use cases with thiqa registry apply FILE") }
            for row in rows {
                let ref = "\(row["tenant"]?.stringValue ?? "")/\(row["use_case"]?.stringValue ?? "")"
                let tier = row["tier"]?.stringValue ?? "unassessed"
                Swift.print("\(ref.padding(toLength: 44, withPad: " ", startingAt: 0))  \((row["status"]?.stringValue ?? "").padding(toLength: 10, withPad: " ", startingAt: 0))  \(tier.padding(toLength: 10, withPad: " ", startingAt: 0))  \(row["live"]?.stringValue ?? "")")
                if let warning = row["warning"]?.stringValue { Swift.print("    warning: \(warning)") }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A use case's declaration, assessment and history (JSON).")
        @OptionGroup var options: ConfigOptions
        @Argument(help: "TENANT/USE_CASE") var useCase: String

        func run() async throws {
            let ref = try Registry.ref(useCase)
            try Registry.print(try await Registry.run(options) { try await $0.show(ref) })
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The whole registry with every version, as JSON (for auditors).")
        @OptionGroup var options: ConfigOptions

        func run() async throws {
            try Registry.print(try await Registry.run(options) { try await $0.export() })
        }
    }

    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Apply a declarations file (idempotent); prints the plan. --dry-run changes nothing.")
        @OptionGroup var options: ConfigOptions
        @OptionGroup var staff: StaffOptions
        @Argument(help: "A YAML declarations file (GOVERNANCE.md, Declarations files).") var file: String
        @Flag(help: "Print the plan without applying it.") var dryRun = false

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw OperatorError("cannot read \(file) as UTF-8 text")
            }
            let file = self.file
            let dryRun = self.dryRun
            let staff = self.staff
            let result = try await Registry.run(options) { actions in
                try await actions.apply(text, fileName: file, by: try await staff.principal(actions), dryRun: dryRun)
            }
            Swift.print(result.plan.summary)
            if dryRun { Swift.print("(dry run: nothing was changed)") } else if result.applied { Swift.print("applied") }
        }
    }

    struct Declare: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record the CNDP's récépissé: draft → declared (minimal or limited tier).")
        @OptionGroup var options: ConfigOptions
        @OptionGroup var staff: StaffOptions
        @Argument(help: "TENANT/USE_CASE") var useCase: String
        @ArgumentParser.Option(name: .customLong("cndp-number"), help: "The récépissé number.") var number: String
        @ArgumentParser.Option(help: "Why (recorded in the history).") var reason = "declared to the CNDP"

        func run() async throws {
            let (ref, number, reason, staff) = (try Registry.ref(useCase), number, reason, staff)
            let next = try await Registry.run(options) { actions in
                try await actions.transition(ref, to: .declared, by: try await staff.principal(actions), cndpNumber: number, reason: reason)
            }
            Swift.print("\(ref) is \(next.status.rawValue) (\(next.cndp.number ?? ""))")
        }
    }

    struct Authorise: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record the CNDP's authorisation (high tier, sensitive data, CIN).")
        @OptionGroup var options: ConfigOptions
        @OptionGroup var staff: StaffOptions
        @Argument(help: "TENANT/USE_CASE") var useCase: String
        @ArgumentParser.Option(name: .customLong("cndp-number"), help: "The authorisation number.") var number: String
        @ArgumentParser.Option(help: "Why (recorded in the history).") var reason = "authorised by the CNDP"

        func run() async throws {
            let (ref, number, reason, staff) = (try Registry.ref(useCase), number, reason, staff)
            let next = try await Registry.run(options) { actions in
                try await actions.transition(ref, to: .authorised, by: try await staff.principal(actions), cndpNumber: number, reason: reason)
            }
            Swift.print("\(ref) is \(next.status.rawValue) (\(next.cndp.number ?? ""))")
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Edit a declaration's name, purpose, allowed models or disclosure language.")
        @OptionGroup var options: ConfigOptions
        @OptionGroup var staff: StaffOptions
        @Argument(help: "TENANT/USE_CASE") var useCase: String
        @ArgumentParser.Option var name: String?
        @ArgumentParser.Option var purpose: String?
        @ArgumentParser.Option(name: .customLong("allowed-models"), help: "Comma-separated model names or prefixes ending in *.") var allowedModels: String?
        @ArgumentParser.Option(name: .customLong("disclosure-language"), help: "fr, ar, ary-Arab, ary-Latn, zgh-Tfng, ber-Latn or en.") var disclosureLanguage: String?
        @ArgumentParser.Option(help: "Why (recorded in the history).") var reason: String

        func run() async throws {
            let ref = try Registry.ref(useCase)
            let language: DisclosureLanguage? = try disclosureLanguage.map { text in
                guard let value = DisclosureLanguage(rawValue: text) else {
                    throw ValidationError("--disclosure-language: expected one of \(DisclosureLanguage.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return value
            }
            let (name, purpose, models, reason, staff) = (name, purpose, allowedModels.map { $0.split(separator: ",").map(String.init) }, reason, staff)
            let stored = try await Registry.run(options) { actions in
                guard var declaration = try await actions.repository.declaration(ref) else {
                    throw OperatorError("use case \(ref) is not in the registry: declare it with thiqa registry apply FILE")
                }
                if let name { declaration.name = name }
                if let purpose { declaration.purpose = purpose }
                if let models { declaration.allowedModels = models }
                if let language { declaration.disclosureLanguage = language }
                return try await actions.edit(declaration, by: try await staff.principal(actions), reason: reason)
            }
            Swift.print("updated \(stored.ref)")
        }
    }

    struct Assess: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Submit or revise a use case's impact assessment: --answer QUESTION=OPTION[,OPTION] for each question (GOVERNANCE.md)."
        )
        @OptionGroup var options: ConfigOptions
        @OptionGroup var staff: StaffOptions
        @Argument(help: "TENANT/USE_CASE") var useCase: String
        @ArgumentParser.Option(help: "practices=none, domains=none, automation=information_only, effect=minor, data=personal, scale=1k_to_100k, interaction=converses_with_people")
        var answer: [String]

        func run() async throws {
            let ref = try Registry.ref(useCase)
            var raw: [String: [String]] = [:]
            for item in answer {
                let parts = item.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { throw ValidationError("--answer: expected QUESTION=OPTION, got '\(item)'") }
                raw[String(parts[0])] = parts[1].split(separator: ",").map(String.init)
            }
            let answers: Answers
            do { answers = try Answers(raw: raw) } catch { throw ValidationError("\(error)") }
            let staff = staff
            let assessment = try await Registry.run(options) { actions in
                try await actions.assess(ref, answers: answers, by: try await staff.principal(actions))
            }
            Swift.print("\(ref): assessment revision \(assessment.revision), \(assessment.status.rawValue), tier \(assessment.tier.rawValue)")
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Approve a use case's assessment (a principal other than its author).")
        @OptionGroup var options: ConfigOptions
        @OptionGroup var staff: StaffOptions
        @Argument(help: "TENANT/USE_CASE") var useCase: String
        @ArgumentParser.Option var note: String?

        func run() async throws {
            let (ref, note, staff) = (try Registry.ref(useCase), note, staff)
            let assessment = try await Registry.run(options) { actions in
                try await actions.approve(ref, by: try await staff.principal(actions), note: note)
            }
            Swift.print("\(ref): assessment revision \(assessment.revision) approved by \(assessment.approval?.approver.rawValue ?? "")")
        }
    }

    struct Suspend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Suspend a use case: its calls are refused from the next request on.")
        @OptionGroup var options: ConfigOptions
        @OptionGroup var staff: StaffOptions
        @Argument(help: "TENANT/USE_CASE") var useCase: String
        @ArgumentParser.Option(help: "Why (required).") var reason: String

        func run() async throws {
            let (ref, reason, staff) = (try Registry.ref(useCase), reason, staff)
            _ = try await Registry.run(options) { actions in try await actions.transition(ref, to: .suspended, by: try await staff.principal(actions), reason: reason) }
            Swift.print("\(ref) is suspended")
        }
    }

    struct Reinstate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lift a suspension (back to the status it had, its requirements checked again).")
        @OptionGroup var options: ConfigOptions
        @OptionGroup var staff: StaffOptions
        @Argument(help: "TENANT/USE_CASE") var useCase: String
        @ArgumentParser.Option(help: "Why.") var reason = "cause dealt with"

        func run() async throws {
            let (ref, reason, staff) = (try Registry.ref(useCase), reason, staff)
            let next = try await Registry.run(options) { actions in try await actions.reinstate(ref, by: try await staff.principal(actions), reason: reason) }
            Swift.print("\(ref) is \(next.status.rawValue)")
        }
    }

    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Withdraw a use case (final).")
        @OptionGroup var options: ConfigOptions
        @OptionGroup var staff: StaffOptions
        @Argument(help: "TENANT/USE_CASE") var useCase: String
        @ArgumentParser.Option(help: "Why (required).") var reason: String

        func run() async throws {
            let (ref, reason, staff) = (try Registry.ref(useCase), reason, staff)
            _ = try await Registry.run(options) { actions in try await actions.transition(ref, to: .withdrawn, by: try await staff.principal(actions), reason: reason) }
            Swift.print("\(ref) is withdrawn")
        }
    }
}
