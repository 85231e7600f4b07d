import ArgumentParser
import Foundation
import ThiqaGovernance
import ThiqaStorage

/// Staff principals and their tokens. Whoever can run this against the database is the root of trust (as for
/// `thiqa keys`); every registry change made with a token is attributed to its principal.
struct Staff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Create, list and revoke staff principals (administrator, dpo, reviewer, auditor) and their tokens.",
        subcommands: [Create.self, Token.self, List.self, Revoke.self]
    )

    static func roles(_ values: [String]) throws -> Set<Role> {
        var roles: Set<Role> = []
        for value in values.flatMap({ $0.split(separator: ",") }) {
            guard let role = Role(rawValue: String(value)) else {
                throw ValidationError("--role: expected administrator, dpo, reviewer or auditor, got '\(value)'")
            }
            roles.insert(role)
        }
        guard !roles.isEmpty else { throw ValidationError("--role: give at least one role") }
        return roles
    }

    static func newPrincipalID() -> PrincipalID {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        return PrincipalID("stf_" + String((0..<12).map { _ in alphabet.randomElement(using: &generator)! }))
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a staff principal; its first token is printed once (only its hash is stored).")
        @OptionGroup var options: ConfigOptions
        @ArgumentParser.Option(help: "The person's name (attributed in the registry's history, never published).") var name: String
        @ArgumentParser.Option(help: "A role: administrator, dpo, reviewer or auditor (repeat, or separate with commas).") var role: [String]
        @Flag(help: "Print the token alone (for scripts).") var quiet = false

        func run() async throws {
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--name must not be empty") }
            let principal = StaffPrincipal(id: Staff.newPrincipalID(), name: name, roles: try Staff.roles(role), createdAt: Date())
            let issued = StaffToken.issue(for: principal.id, now: Date())
            let configuration = try await options.load()
            try await withStore(configuration) { database in
                try await SQLRegistryRepository(database: database).create(principal, credential: issued.credential)
            }
            if quiet {
                print(issued.token)
                return
            }
            print("staff principal: \(principal.id) (\(principal.roles.map(\.rawValue).sorted().joined(separator: ", ")))")
            print("credential id: \(issued.credential.id)")
            print("staff token: \(issued.token)")
            print("Store it now: it is not shown again.")
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue another token to an existing principal (printed once).")
        @OptionGroup var options: ConfigOptions
        @Argument(help: "Principal id (stf_…).") var principal: String
        @Flag(help: "Print the token alone.") var quiet = false

        func run() async throws {
            let configuration = try await options.load()
            let issued = try await withStore(configuration) { database in
                let registry = SQLRegistryRepository(database: database)
                guard let found = try await registry.principals().first(where: { $0.id.rawValue == principal }), found.isActive else {
                    throw OperatorError("no active staff principal '\(principal)'")
                }
                let issued = StaffToken.issue(for: found.id, now: Date())
                try await registry.add(issued.credential)
                return issued
            }
            if quiet { print(issued.token) } else {
                print("credential id: \(issued.credential.id)")
                print("staff token: \(issued.token)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List staff principals and their credentials (never the tokens).")
        @OptionGroup var options: ConfigOptions

        func run() async throws {
            let configuration = try await options.load()
            let (principals, credentials) = try await withStore(configuration) { database in
                let registry = SQLRegistryRepository(database: database)
                return (try await registry.principals(), try await registry.credentials())
            }
            if principals.isEmpty {
                print("no staff principals")
                return
            }
            for principal in principals {
                let status = principal.isActive ? "active" : "disabled"
                print("\(principal.id)  \(principal.name)  [\(principal.roles.map(\.rawValue).sorted().joined(separator: ","))]  \(status)")
                for credential in credentials where credential.principal == principal.id {
                    print("    \(credential.id)  \(credential.isRevoked ? "revoked" : "active")")
                }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a credential (stc_…), or a principal (stf_…) with all its credentials.")
        @OptionGroup var options: ConfigOptions
        @Argument(help: "Credential id or principal id.") var id: String

        func run() async throws {
            let configuration = try await options.load()
            let found = try await withStore(configuration) { database in
                try await SQLRegistryRepository(database: database).revoke(id, at: Date())
            }
            guard found else { throw OperatorError("no staff credential or principal '\(id)'") }
            print("revoked \(id)")
        }
    }
}
