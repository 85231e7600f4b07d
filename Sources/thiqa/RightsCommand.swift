import ArgumentParser
import Foundation
import Logging
import ThiqaCore
import ThiqaGovernance
import ThiqaRights
import ThiqaServer
import ThiqaStorage

/// Runs `body` with the rights service and the principal of the staff token; rights errors become one-line
/// operator errors.
func withRights<T: Sendable>(
    _ options: ConfigOptions, _ staff: Registry.StaffOptions, _ body: @Sendable (RightsService, StaffPrincipal) async throws -> T
) async throws -> T {
    let configuration = try await options.load()
    guard let token = staff.token ?? ProcessInfo.processInfo.environment["THIQA_STAFF_TOKEN"], !token.isEmpty else {
        throw OperatorError("this needs a staff token: --token thq_staff_… or THIQA_STAFF_TOKEN (create one with thiqa staff create)")
    }
    do {
        return try await withStore(configuration) { database in
            try await RightsService.with(configuration, database: database, logger: makeLogger(level: .warning)) { service in
                guard let principal = try await SQLRegistryRepository(database: database).authenticate(token), principal.isActive else {
                    throw OperatorError("unknown or revoked staff token")
                }
                return try await body(service, principal)
            }
        }
    } catch let error as RightsError {
        throw OperatorError(error.message)
    }
}

func printJSON(_ value: JSONValue) throws {
    print(String(decoding: try value.encoded(), as: UTF8.self))
}

/// Contestation cases, for reviewers and DPOs.
struct Cases: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "Contestation cases: list, show, assign, uphold, overturn, close, message (staff token with the review permission).",
        subcommands: [List.self, Show.self, Assign.self, Uphold.self, Overturn.self, Close.self, Message.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open cases, oldest deadline first (or those in --state).")
        @OptionGroup var options: ConfigOptions
        @OptionGroup var staff: Registry.StaffOptions
        @ArgumentParser.Option(help: "received, under_review, upheld, overturned or closed.") var state: String?

        func run() async throws {
            let filter = try state.map { text -> CaseState in
                guard let state = CaseState(rawValue: text) else {
                    throw ValidationError("--state: expected one of \(CaseState.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return state
            }
            let listed = try await withRights(options, staff) { service, principal in try await service.cases(state: filter, by: principal) }
            for item in listed {
                let overdue = item.isOverdue(at: Date()) ? " OVERDUE" : ""
                print("\(item.id)  \(item.state.rawValue)  \(item.tenant)/\(item.useCase)  deadline \(Timestamp.format(item.deadline))\(overdue)  "
                    + "assigned \(item.assignedTo ?? "-")")
            }
            if listed.isEmpty { print("no cases") }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A case with its messages (JSON).")
        @OptionGroup var options: ConfigOptions
        @OptionGroup var staff: Registry.StaffOptions
        @Argument(help: "Case id (cas_…).") var id: String

        func run() async throws {
            let view = try await withRights(options, staff) { service, principal in
                let (found, messages) = try await service.caseDetail(id: id, by: principal)
                return RightsAdminController.staffView(found, messages: messages)
            }
            try printJSON(view)
        }
    }

    static func act(_ options: ConfigOptions, _ staff: Registry.StaffOptions, id: String, action: CaseAction, message: String?) async throws {
        let next = try await withRights(options, staff) { service, principal in
            try await service.act(action, caseID: id, message: message, by: principal)
        }
        print("\(next.id): \(next.state.rawValue)\(next.replacement.map { " (replaced by \($0))" } ?? "")")
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take a case, or give it to a principal (received → under_review).")
        @OptionGroup var options: ConfigOptions
        @OptionGroup var staff: Registry.StaffOptions
        @Argument(help: "Case id.") var id: String
        @ArgumentParser.Option(help: "Principal id (stf_…).") var to: String
        @ArgumentParser.Option(help: "A message to the person.") var message: String?
        func run() async throws { try await Cases.act(options, staff, id: id, action: .assign(to: to), message: message) }
    }

    struct Uphold: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The decision stands; the explanation is sent to the person.")
        @OptionGroup var options: ConfigOptions
        @OptionGroup var staff: Registry.StaffOptions
        @Argument(help: "Case id.") var id: String
        @ArgumentParser.Option(help: "Why, for the person (their language).") var explanation: String
        func run() async throws { try await Cases.act(options, staff, id: id, action: .uphold(explanation: explanation), message: nil) }
    }

    struct Overturn: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The decision is replaced; link the replacement.")
        @OptionGroup var options: ConfigOptions
        @OptionGroup var staff: Registry.StaffOptions
        @Argument(help: "Case id.") var id: String
        @ArgumentParser.Option(help: "Why, for the person.") var explanation: String
        @ArgumentParser.Option(help: "The id of the answer or determination that replaces the contested one.") var replacement: String
        func run() async throws {
            try await Cases.act(options, staff, id: id, action: .overturn(explanation: explanation, replacement: replacement), message: nil)
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close a decided case (upheld or overturned → closed).")
        @OptionGroup var options: ConfigOptions
        @OptionGroup var staff: Registry.StaffOptions
        @Argument(help: "Case id.") var id: String
        func run() async throws { try await Cases.act(options, staff, id: id, action: .close, message: nil) }
    }

    struct Message: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write to the person on their case.")
        @OptionGroup var options: ConfigOptions
        @OptionGroup var staff: Registry.StaffOptions
        @Argument(help: "Case id.") var id: String
        @ArgumentParser.Option(help: "The message.") var text: String
        func run() async throws {
            try await withRights(options, staff) { service, principal in try await service.message(caseID: id, text: text, by: principal) }
            print("sent")
        }
    }
}

/// A subject's file, rectification and erasure, for DPOs.
struct Subjects: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subjects",
        abstract: "Subjects (law 09-08): id, requests, release, export, rectify, erase (DPO staff token).",
        subcommands: [ID.self, Requests.self, Release.self, Export.self, Rectify.self, Erase.self]
    )

    struct ID: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "id", abstract: "The subject id of an identifier at a tenant (computed; the identifier is not stored)."
        )
        @OptionGroup var options: ConfigOptions
        @OptionGroup var staff: Registry.StaffOptions
        @ArgumentParser.Option(help: "Tenant.") var tenant: String
        @ArgumentParser.Option(help: "A CIN (BE123456), or TYPE:VALUE (cin:, passport:, massar:, id:).") var subject: String
        func run() async throws {
            let id = try await withRights(options, staff) { service, principal in
                guard principal.roles.contains(.dpo) else { throw OperatorError("only a DPO may look subjects up") }
                return try service.subjectID(tenant: tenant, identifier: subject, field: "--subject")
            }
            print(id)
        }
    }

    struct Requests: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Access requests waiting for an identity check.")
        @OptionGroup var options: ConfigOptions
        @OptionGroup var staff: Registry.StaffOptions
        func run() async throws {
            let requests = try await withRights(options, staff) { service, principal in try await service.accessRequests(by: principal) }
            for request in requests {
                print("\(request.id)  \(request.tenant)  \(request.subjectID ?? "-")  requested \(Timestamp.format(request.requestedAt))")
            }
            if requests.isEmpty { print("no pending requests") }
        }
    }

    struct Release: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Release a requested file after checking the person's identity (the person then fetches it with their token)."
        )
        @OptionGroup var options: ConfigOptions
        @OptionGroup var staff: Registry.StaffOptions
        @Argument(help: "Request id (req_…).") var request: String
        @ArgumentParser.Option(help: "The proof checked: \(IdentityProof.accepted).") var proof: String
        func run() async throws {
            let released = try await withRights(options, staff) { service, principal in try await service.release(requestID: request, proof: proof, by: principal) }
            print("\(released.id): released, identity checked by \(released.identityCheckedBy ?? "-") (\(released.identityProof?.rawValue ?? "-"))")
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Everything held on a subject, as JSON, after checking their identity at the counter (recorded and logged)."
        )
        @OptionGroup var options: ConfigOptions
        @OptionGroup var staff: Registry.StaffOptions
        @ArgumentParser.Option(help: "Tenant.") var tenant: String
        @Argument(help: "Subject id (sub_…; thiqa subjects id gives it).") var subject: String
        @ArgumentParser.Option(help: "The proof checked: \(IdentityProof.accepted).") var proof: String
        func run() async throws {
            let file = try await withRights(options, staff) { service, principal in
                try await service.exportAtCounter(tenant: tenant, subject: subject, proof: proof, by: principal)
            }
            print(String(decoding: file, as: UTF8.self))
        }
    }

    struct Rectify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a correction of something the person supplied (the original stays, annotated).")
        @OptionGroup var options: ConfigOptions
        @OptionGroup var staff: Registry.StaffOptions
        @ArgumentParser.Option(help: "Tenant.") var tenant: String
        @Argument(help: "Subject id.") var subject: String
        @ArgumentParser.Option(help: "The table of the corrected item (kept_contents, case_messages, …).") var table: String
        @ArgumentParser.Option(name: .customLong("row"), help: "The corrected item's id.") var rowID: String
        @ArgumentParser.Option(help: "The correction, as the person gave it.") var correction: String
        func run() async throws {
            let id = try await withRights(options, staff) { service, principal in
                try await service.rectify(tenant: tenant, subject: subject, table: table, rowID: rowID, correction: correction, by: principal)
            }
            print("recorded \(id)")
        }
    }

    struct Erase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase a subject: destroy their key (crypto-shredding), delete their rows, unlink their records (logged)."
        )
        @OptionGroup var options: ConfigOptions
        @OptionGroup var staff: Registry.StaffOptions
        @ArgumentParser.Option(help: "Tenant.") var tenant: String
        @Argument(help: "Subject id.") var subject: String
        func run() async throws {
            let report = try await withRights(options, staff) { service, principal in try await service.erase(tenant: tenant, subject: subject, by: principal) }
            try printJSON(RightsAdminController.erasure(report))
        }
    }
}
