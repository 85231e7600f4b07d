import Foundation
import Logging
import SQLKit
import ThiqaStorage

/// Stores for tests: a fresh SQLite file, or a fresh database on the throwaway PostgreSQL server that
/// `make test` starts (`THIQA_TEST_POSTGRES_URL`); without it, `scripts/test-postgres start` is run.
public enum TestStores {
    public enum Kind: String, CaseIterable, Sendable, CustomStringConvertible {
        case sqlite, postgres
        public var description: String { rawValue }
    }

    public static func configuration(_ kind: Kind) async throws -> StorageConfiguration {
        switch kind {
        case .sqlite:
            return .sqlite(path: try temporaryDirectory().appendingPathComponent("thiqa.sqlite").path)
        case .postgres:
            let server = try postgresServerURL()
            let name = "thiqa_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased())"
            try await ThiqaDatabase.with(.postgres(url: server), logger: Logger(label: "test")) { database in
                try await database.read { db in try await db.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
            }
            guard let slash = server.lastIndex(of: "/") else { throw TestStoreError(message: "bad PostgreSQL URL \(server)") }
            return .postgres(url: "\(server[..<slash])/\(name)")
        }
    }

    /// Opens a migrated store of the given kind for the duration of `body`.
    public static func withDatabase<T: Sendable>(_ kind: Kind, _ body: (ThiqaDatabase) async throws -> T) async throws -> T {
        let configuration = try await configuration(kind)
        return try await ThiqaDatabase.with(configuration, logger: Logger(label: "test")) { database in
            try await Migrations.run(on: database)
            return try await body(database)
        }
    }

    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("thiqa-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let cachedServerURL: Result<String, any Error> = Result {
        if let url = ProcessInfo.processInfo.environment["THIQA_TEST_POSTGRES_URL"], !url.isEmpty { return url }
        return try runScript("test-postgres", arguments: ["start"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public static func postgresServerURL() throws -> String { try cachedServerURL.get() }

    /// The repository root, from this file's location.
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    public static func runScript(_ name: String, arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = repositoryRoot.appendingPathComponent("scripts/\(name)")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestStoreError(message: "scripts/\(name) \(arguments.joined(separator: " ")) failed with status \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

public struct TestStoreError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
