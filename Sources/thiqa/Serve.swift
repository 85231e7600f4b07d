import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import ThiqaServer
import ThiqaStorage
import UnixSignals

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the gateway.")

    @OptionGroup var options: ConfigOptions

    func run() async throws {
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
