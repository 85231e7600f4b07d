import ArgumentParser
import Foundation
import ThiqaCore
import ThiqaGovernance
import ThiqaServer
import ThiqaStorage

struct Keys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Create, list and revoke API keys.",
        subcommands: [Create.self, List.self, Revoke.self, Verify.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a key for a tenant's use case. The key is printed once; only its hash is stored."
        )
        @OptionGroup var options: ConfigOptions
        @ArgumentParser.Option(help: "Tenant id (lower-case letters, digits, '-', '_', '.').") var tenant: String
        @ArgumentParser.Option(name: .customLong("use-case"), help: "Use case id, declared in the registry (thiqa registry apply FILE).") var useCase: String
        @ArgumentParser.Option(help: "A label to recognise the key by.") var label: String?
        @Flag(help: "For a use case not in the registry: create it as a legacy draft that works until registry.legacyGraceUntil, with a warning on every answer.")
        var legacy = false
        @Flag(help: "Print the key alone (for scripts).") var quiet = false

        func run() async throws {
            let tenantID: TenantID
            let useCaseID: UseCaseID
            do {
                tenantID = try TenantID(tenant)
                useCaseID = try UseCaseID(useCase)
            } catch {
                throw ValidationError("\(error)")
            }
            let configuration = try await options.load()
            let legacy = self.legacy
            let (issued, declared) = try await withStore(configuration) { database in
                let useCases = SQLUseCaseRepository(database: database)
                let registry = SQLRegistryRepository(database: database)
                var declared = false
                if try await registry.declaration(UseCaseRef(tenant: tenantID, useCase: useCaseID)) == nil {
                    guard legacy else {
                        throw OperatorError(
                            "use case \(tenantID)/\(useCaseID) is not in the governance registry, and keys are only issued for declared use cases. "
                                + "Declare it first: write it in a declarations file (GOVERNANCE.md; config/registry/demo.yaml is an example) and run "
                                + "thiqa registry apply FILE with a DPO's staff token (thiqa staff create --name N --role dpo). "
                                + "Or pass --legacy to create an undeclared draft that works until \(Timestamp.format(configuration.registry.legacyGraceUntil))."
                        )
                    }
                    let useCase = try await useCases.find(tenant: tenantID, id: useCaseID) ?? UseCase(tenant: tenantID, id: useCaseID)
                    try await useCases.upsert(useCase)
                    try await RegistryService.declareLegacy(useCase, repository: registry, graceUntil: configuration.registry.legacyGraceUntil)
                    declared = true
                }
                let issued = APIKeyFormat.issue(tenant: tenantID, useCase: useCaseID, label: label)
                try await SQLAPIKeyRepository(database: database).create(issued.record)
                return (issued, declared)
            }
            if quiet {
                print(issued.key)
                return
            }
            if declared {
                print("created use case \(tenantID)/\(useCaseID) as a legacy draft (no content kept, sovereign backends only): it works until \(Timestamp.format(configuration.registry.legacyGraceUntil)) unless declared (thiqa registry apply FILE)")
            }
            print("key id: \(issued.record.id)")
            print("API key: \(issued.key)")
            print("Store it now: it is not shown again.")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List keys (never the secrets).")
        @OptionGroup var options: ConfigOptions
        @ArgumentParser.Option(help: "Only this tenant's keys.") var tenant: String?
        @Flag(help: "JSON output.") var json = false

        func run() async throws {
            let tenantID = try tenant.map { value in
                do { return try TenantID(value) } catch { throw ValidationError("\(error)") }
            }
            let configuration = try await options.load()
            let keys = try await withStore(configuration) { database in
                try await SQLAPIKeyRepository(database: database).list(tenant: tenantID)
            }
            if json {
                struct Row: Encodable {
                    var id: String
                    var tenant: String
                    var use_case: String
                    var label: String?
                    var created_at: Date
                    var revoked_at: Date?
                }
                let encoder = JSONEncoder()
                encoder.dateEncodingStrategy = .iso8601
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                let rows = keys.map { Row(id: $0.id, tenant: $0.tenant.rawValue, use_case: $0.useCase.rawValue, label: $0.label, created_at: $0.createdAt, revoked_at: $0.revokedAt) }
                print(String(decoding: try encoder.encode(rows), as: UTF8.self))
                return
            }
            if keys.isEmpty {
                print("no keys")
                return
            }
            let formatter = ISO8601DateFormatter()
            print("ID            TENANT / USE CASE                     CREATED               STATUS")
            for key in keys {
                let owner = "\(key.tenant)/\(key.useCase)"
                let status = key.revokedAt.map { "revoked \(formatter.string(from: $0))" } ?? "active"
                print("\(key.id)  \(owner.padding(toLength: 36, withPad: " ", startingAt: 0))  \(formatter.string(from: key.createdAt))  \(status)")
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a key by its id (the part after thq_).")
        @OptionGroup var options: ConfigOptions
        @Argument(help: "Key id, or the whole key.") var id: String

        func run() async throws {
            var keyID = id
            if let parsed = APIKeyFormat.parse(Substring(id)) { keyID = String(parsed.id) }
            let configuration = try await options.load()
            let found = try await withStore(configuration) { database in
                try await SQLAPIKeyRepository(database: database).revoke(id: keyID, at: Date())
            }
            guard found else { throw OperatorError("no key with id '\(keyID)'") }
            print("revoked \(keyID)")
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a key: exit 0 when it is valid and active, 1 otherwise.")
        @OptionGroup var options: ConfigOptions
        @Argument(help: "The whole key (thq_…).") var key: String

        func run() async throws {
            guard let (id, secret) = APIKeyFormat.parse(Substring(key)) else { throw OperatorError("not a Thiqa key (thq_…)") }
            let configuration = try await options.load()
            let record = try await withStore(configuration) { database in
                try await SQLAPIKeyRepository(database: database).find(id: String(id))
            }
            guard let record, APIKeyFormat.matches(secret: secret, hash: record.secretHash) else { throw OperatorError("unknown key") }
            guard !record.isRevoked else { throw OperatorError("key \(record.id) is revoked") }
            print("key \(record.id) is active for \(record.tenant)/\(record.useCase)")
        }
    }
}
