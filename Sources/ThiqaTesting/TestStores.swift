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

    /// A second throwaway PostgreSQL server that accepts TLS connections only (`scripts/test-postgres start-tls`),
    /// with a certificate for the name `localhost` only (no IP address) signed by a CA made when it starts. Started on first use,
    /// so the suites that do not need it do not wait for it; `scripts/test-postgres stop` stops it with the other.
    public struct TLSServer: Sendable {
        /// `postgres://thiqa@localhost:PORT/postgres`, without parameters (it listens on 127.0.0.1).
        public var url: String
        /// PEM file of the CA that signed the server's certificate.
        public var certificateAuthorityPath: String
        public var port: Int
    }

    static let cachedTLSServer: Result<TLSServer, any Error> = Result {
        // `make test` starts it beforehand and passes its two lines (URL, CA file), so no test waits on a script.
        let given = ProcessInfo.processInfo.environment["THIQA_TEST_POSTGRES_TLS"].map { $0.split(separator: "\n").map(String.init) }
        let lines = try given ?? runScript("test-postgres", arguments: ["start-tls"]).split(separator: "\n").map(String.init)
        guard lines.count == 2, let colon = lines[0].lastIndex(of: ":"),
            let port = Int(lines[0][lines[0].index(after: colon)...].prefix { $0.isNumber })
        else {
            throw TestStoreError(message: "scripts/test-postgres start-tls printed \(lines), expected its URL and its CA file")
        }
        return TLSServer(url: lines[0], certificateAuthorityPath: lines[1], port: port)
    }

    public static func postgresTLSServer() throws -> TLSServer { try cachedTLSServer.get() }

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
        // Not `waitUntilExit()`: it spins a run loop that, called from a test's cooperative thread inside a lazy
        // static initialiser, was seen never to return once several suites waited on the same initialiser.
        while process.isRunning { usleep(10_000) }
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
