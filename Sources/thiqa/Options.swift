import ArgumentParser
import Foundation
import Logging
import ThiqaServer
import ThiqaStorage

/// Options every command shares: where the configuration is.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: "JSON configuration file (environment variables override it).")
    var config: String?

    func load() async throws -> ThiqaConfiguration {
        do {
            return try await ThiqaConfiguration.load(file: config ?? ProcessInfo.processInfo.environment["THIQA_CONFIG"])
        } catch {
            throw ValidationError("\(error)")
        }
    }
}

func makeLogger(level: Logger.Level = .info) -> Logger {
    var logger = Logger(label: "thiqa")
    logger.logLevel = level
    return logger
}

/// Opens the configured store with its migrations applied, for one command.
func withStore<T: Sendable>(_ configuration: ThiqaConfiguration, migrate: Bool = true, _ body: (ThiqaDatabase) async throws -> T) async throws -> T {
    // ThiqaDatabase.open makes a missing SQLite directory itself, mode 0700.
    return try await ThiqaDatabase.with(configuration.storage, logger: makeLogger(level: .warning)) { database in
        if migrate { try await Migrations.run(on: database) }
        return try await body(database)
    }
}

/// Errors for the operator: printed as one line, exit code 1.
struct OperatorError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
