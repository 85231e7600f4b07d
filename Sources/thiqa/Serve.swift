import ArgumentParser
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import ThiqaServer
import ThiqaStorage
import UnixSignals

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the gateway.")

    @OptionGroup var options: ConfigOptions

    func run() async throws {
        Self.runTasksOnEventLoops()
        let configuration = try await options.load()
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardOutput(label: label)
            handler.logLevel = configuration.logLevel
            return handler
        }
        let logger = makeLogger(level: configuration.logLevel)
        let app = try await buildApplication(configuration: configuration, logger: logger)
        var groupConfiguration = ServiceGroupConfiguration(services: [.init(service: app)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = .milliseconds(configuration.shutdownGracePeriodMs)
        try await ServiceGroup(configuration: groupConfiguration).run()
    }
}

extension Serve {
    /// Swift concurrency's tasks run on NIO's event-loop threads instead of a cooperative pool of their own, so a
    /// call no longer crosses between the two at each await on I/O (the request body, the upstream's answer, the
    /// response write). Issue 15's profile had about a fifth of the CPU in those context switches.
    /// `THIQA_TASK_EXECUTOR=cooperative` keeps Swift's own pool (for comparison, or if a blocking step misbehaves).
    static func runTasksOnEventLoops() {
        guard ProcessInfo.processInfo.environment["THIQA_TASK_EXECUTOR"] != "cooperative" else { return }
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply database migrations (also done at start-up).")

    @OptionGroup var options: ConfigOptions

    func run() async throws {
        let configuration = try await options.load()
        let (applied, sealed) = try await withStore(configuration, migrate: false) { database in
            let applied = try await Migrations.run(on: database)
            return (applied, try await migrateRightsData(configuration, database: database, logger: makeLogger(level: .warning)))
        }
        for migration in applied {
            print("applied \(migration.version): \(migration.name)")
        }
        if sealed.contents > 0 || sealed.conversations > 0 {
            print("sealed in the key store: \(sealed.contents) kept content(s), \(sealed.conversations) conversation mapping(s)")
        }
        print("schema at version \(Migrations.all.map(\.version).max() ?? 0) on \(configuration.storage.driverName)\(applied.isEmpty ? " (nothing to apply)" : "")")
    }
}
