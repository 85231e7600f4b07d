import ArgumentParser
import Foundation
import ThiqaCore
import ThiqaPrivacy
import ThiqaStorage

struct UseCases: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "use-cases",
        abstract: "Declare use cases and their rules.",
        subcommands: [Set.self, List.self]
    )

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Declare a use case or change its rules.")
        @OptionGroup var options: ConfigOptions
        @Option var tenant: String
        @Option(name: .customLong("use-case")) var useCase: String
        @Option(help: "Display name.") var name: String?
        @Option(name: .customLong("content-retention"), help: "Keep message content this long (e.g. 7d, 12h), or 'none'.")
        var contentRetention: String?
        @Option(name: .customLong("allow-jurisdictions"), help: "Comma-separated ISO 3166 codes of allowed backend jurisdictions (default MA).")
        var allowJurisdictions: String?
        @Option(name: .customLong("rate-limit"), help: "Requests per minute per key.") var rateLimit: Int?
        @Option(name: .customLong("max-tokens"), help: "Most tokens an answer may ask for, and the default when a request sets none (1024).")
        var maxTokens: Int?
        @Option(
            name: .customLong("privacy"),
            help: "Personal-data policy: comma-separated TYPE=ACTION with ACTION mask, block or allow, and default=ACTION (e.g. default=mask,CIN=block)."
        )
        var privacy: String?

        static func parsePolicy(_ text: String) throws -> PrivacyPolicy {
            var policy = PrivacyPolicy.maskAll
            for item in text.split(separator: ",") {
                let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, let action = PrivacyAction(rawValue: parts[1]) else {
                    throw ValidationError("--privacy: '\(item)' is not TYPE=ACTION with ACTION mask, block or allow")
                }
                if parts[0] == "default" {
                    policy.defaultAction = action
                } else if let type = EntityType(rawValue: parts[0]) {
                    policy.actions[type] = action
                } else {
                    throw ValidationError("--privacy: unknown type '\(parts[0])'; known: \(EntityType.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
            return policy
        }

        func run() async throws {
            let tenantID: TenantID
            let useCaseID: UseCaseID
            var retention: Int??
            var jurisdictions: [Jurisdiction]?
            do {
                tenantID = try TenantID(tenant)
                useCaseID = try UseCaseID(useCase)
                if let contentRetention {
                    retention = contentRetention == "none" ? .some(nil) : .some(try DurationText.parseSeconds(contentRetention, field: "--content-retention"))
                }
                if let allowJurisdictions {
                    jurisdictions = try allowJurisdictions.split(separator: ",").map { try Jurisdiction(String($0)) }
                }
            } catch {
                throw ValidationError("\(error)")
            }
            let policy = try privacy.map(Self.parsePolicy)
            let configuration = try await options.load()
            let stored = try await withStore(configuration) { database in
                let repository = SQLUseCaseRepository(database: database)
                var current = try await repository.find(tenant: tenantID, id: useCaseID) ?? UseCase(tenant: tenantID, id: useCaseID)
                if let name { current.name = name }
                if let retention { current.contentRetentionSeconds = retention }
                if let jurisdictions { current.allowedJurisdictions = jurisdictions }
                if let rateLimit { current.rateLimitPerMinute = rateLimit }
                if let maxTokens { current.maxTokens = maxTokens }
                if let policy { current.privacyPolicy = policy }
                do {
                    try current.validate()
                } catch {
                    throw ValidationError("\(error)")
                }
                try await repository.upsert(current)
                return current
            }
            print(UseCases.describe(stored))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List declared use cases.")
        @OptionGroup var options: ConfigOptions

        func run() async throws {
            let configuration = try await options.load()
            let all = try await withStore(configuration) { database in
                try await SQLUseCaseRepository(database: database).list(tenant: nil)
            }
            if all.isEmpty { print("no use cases") }
            for useCase in all { print(UseCases.describe(useCase)) }
        }
    }

    static func describe(_ useCase: UseCase) -> String {
        let retention = useCase.contentRetentionSeconds.map { "content kept \(DurationText.format(seconds: $0))" } ?? "no content kept"
        let places = useCase.allowedJurisdictions.map(\.code).joined(separator: ",")
        let overrides = useCase.privacyPolicy.actions.keys.sorted { $0.rawValue < $1.rawValue }
            .map { "\($0.rawValue)=\(useCase.privacyPolicy.actions[$0]!.rawValue)" }
        let policy = (["default=\(useCase.privacyPolicy.defaultAction.rawValue)"] + overrides).joined(separator: ",")
        return "\(useCase.tenant)/\(useCase.id) \"\(useCase.name)\": \(retention); backends in [\(places)]; \(useCase.rateLimitPerMinute) requests/min per key; at most \(useCase.maxTokens) tokens per answer; personal data: \(policy)"
    }
}
