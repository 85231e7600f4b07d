import ArgumentParser
import Foundation
import Logging
import ThiqaPrivacy
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

/// JSON Lines in, JSON Lines out: one answer per line of standard input (blank lines skipped); a line that cannot be
/// read gets `{"line":N,"error":"…"}` naming the field, and the exit code is 1 at the end, after every other line.
func processJSONLines(_ answer: (String) throws -> String) throws {
    var failed = 0
    var lineNumber = 0
    while let line = readLine(strippingNewline: true) {
        lineNumber += 1
        if line.allSatisfy(\.isWhitespace) { continue }
        do {
            print(try answer(line))
        } catch {
            failed += 1
            var message = ""
            PrivacyReportJSON.appendString("line \(lineNumber): \(error)", to: &message)
            print("{\"line\":\(lineNumber),\"error\":\(message)}")
        }
    }
    if failed > 0 {
        FileHandle.standardError.write(Data("\(failed) line(s) could not be read\n".utf8))
        throw ExitCode(1)
    }
}
