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
        subcommands: [List.self, Check.self, Status.self],
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

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What a running Thiqa knows of its backends now: health, breaker (closed, half_open, cooling_down, open), p99 first byte, weight kept."
        )
        @Option(help: "The server's base URL.") var url = "http://127.0.0.1:8080"

        func run() async throws {
            guard let endpoint = URL(string: url.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/readyz") else {
                throw ValidationError("--url is not a URL: \(url)")
            }
            let data: Data
            do {
                data = try Data(contentsOf: endpoint)
            } catch {
                throw ValidationError("--url: cannot read \(endpoint): \(error.localizedDescription)")
            }
            struct Readiness: Decodable {
                struct Backend: Decodable {
                    var id: String
                    var jurisdiction: String
                    var healthy: Bool
                    var error: String?
                    var state: String?
                    var p99_first_byte_ms: Double?
                    var weight_factor: Double?
                }
                var status: String
                var backends: [Backend]
            }
            let readiness = try JSONDecoder().decode(Readiness.self, from: data)
            print("thiqa at \(url): \(readiness.status)")
            for backend in readiness.backends {
                let p99 = backend.p99_first_byte_ms.map { String(format: "%.1f ms", $0) } ?? "n/a"
                let health = backend.healthy ? "healthy" : "unhealthy (\(backend.error ?? "unknown"))"
                print("\(backend.id) [\(backend.jurisdiction)]: \(health); breaker \(backend.state ?? "closed"); p99 first byte \(p99); weight kept \(Int((backend.weight_factor ?? 1) * 100)) %")
            }
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Probe every backend now; exit 1 if none is healthy.")
        @OptionGroup var options: ConfigOptions

        func run() async throws {
            let configuration = try await options.load()
            let pool = BackendPool(
                backends: configuration.backends.backends, resilience: configuration.backends.resilience, maxAttempts: configuration.backends.maxAttempts
            )
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
