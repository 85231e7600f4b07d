import ArgumentParser
import Foundation
import Logging
import ThiqaBackends
import ThiqaCore
import ThiqaServer

struct Backends: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backends",
        abstract: "Show the configured model backends and probe their health.",
        subcommands: [List.self, Check.self],
        defaultSubcommand: List.self
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List configured backends.")
        @OptionGroup var options: ConfigOptions

        func run() async throws {
            let configuration = try await options.load()
            if configuration.backends.backends.isEmpty {
                print("no backends configured (set backends.ids in the configuration file or BACKENDS_IDS)")
            }
            for backend in configuration.backends.backends {
                let sovereignty = backend.jurisdiction.isSovereign ? "sovereign" : "foreign"
                print("\(backend.id)  \(backend.baseURL)  [\(backend.jurisdiction) \(sovereignty)]  weight \(backend.weight)  models: \(backend.models.joined(separator: ", "))\(backend.hosting.isEmpty ? "" : "  hosting: \(backend.hosting)")")
            }
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Probe every backend now; exit 1 if none is healthy.")
        @OptionGroup var options: ConfigOptions

        func run() async throws {
            let configuration = try await options.load()
            let pool = BackendPool(backends: configuration.backends.backends)
            let checker = HealthChecker(pool: pool, intervalMs: 1000, logger: makeLogger(level: .critical))
            await checker.checkAll()
            var anyHealthy = false
            for backend in pool.descriptors {
                let state = pool.healthState(of: backend.id)
                let healthy = state?.healthy ?? false
                anyHealthy = anyHealthy || healthy
                print("\(backend.id): \(healthy ? "healthy" : "unhealthy (\(state?.lastError ?? "unknown"))")")
            }
            try await pool.shutdown()
            if !anyHealthy { throw ExitCode(1) }
        }
    }
}
