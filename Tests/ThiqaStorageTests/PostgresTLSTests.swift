import Foundation
import Logging
import SQLKit
import Testing
import ThiqaStorage
import ThiqaTesting

/// `sslmode` and `sslrootcert` in `storage.postgres.url`, against a throwaway server that accepts TLS only and
/// against the ordinary test server, which offers no TLS.
@Suite struct PostgresTLSTests {
    /// Whether the pool's connection (not only the check made on opening) is encrypted, as the server sees it.
    static func encrypted(_ url: String) async throws -> Bool {
        try await ThiqaDatabase.with(.postgres(url: url), logger: Logger(label: "test")) { database in
            try await database.read { db in
                try await db.raw("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first(decodingColumn: "ssl", as: Bool.self)
            }
        } == true
    }

    static func openingFails(_ url: String) async throws -> String {
        let error = try await #require(throws: StorageOpenError.self) {
            try await ThiqaDatabase.with(.postgres(url: url), logger: Logger(label: "test")) { database in
                try await database.read { db in try await db.raw("SELECT 1 AS one").run() }
            }
        }
        return error.message
    }

    /// The same server by its address, which its certificate does not name.
    static func byAddress(_ url: String) -> String { url.replacingOccurrences(of: "@localhost:", with: "@127.0.0.1:") }

    @Test func requireConnectsOverTLS() async throws {
        let server = try TestStores.postgresTLSServer()
        #expect(try await Self.encrypted("\(server.url)?sslmode=require"))
    }

    @Test func preferUsesTLSWhenTheServerOffersIt() async throws {
        let server = try TestStores.postgresTLSServer()
        #expect(try await Self.encrypted("\(server.url)?sslmode=prefer"))
        #expect(try await Self.encrypted(server.url), "prefer is the default, as in libpq")
    }

    @Test func verifyFullWithTheTestCAConnects() async throws {
        let server = try TestStores.postgresTLSServer()
        #expect(try await Self.encrypted("\(server.url)?sslmode=verify-full&sslrootcert=\(server.certificateAuthorityPath)"))
        #expect(try await Self.encrypted("\(server.url)?sslmode=verify-ca&sslrootcert=\(server.certificateAuthorityPath)"))
    }

    @Test func verifyFullWithoutTheCAFailsClearly() async throws {
        let server = try TestStores.postgresTLSServer()
        let message = try await Self.openingFails("\(server.url)?sslmode=verify-full")
        #expect(message.contains("sslmode=verify-full"), "\(message)")
        #expect(message.contains("TLS handshake failed"), "\(message)")
        #expect(message.contains("system's trusted roots"), "\(message)")
        // A root given but not the one that signed: refused the same way, also with require.
        let other = try TestStores.temporaryDirectory().appendingPathComponent("other-ca.crt").path
        try Self.unrelatedCertificate(at: other)
        for mode in ["verify-full", "verify-ca", "require"] {
            let refused = try await Self.openingFails("\(server.url)?sslmode=\(mode)&sslrootcert=\(other)")
            #expect(refused.contains("TLS handshake failed") && refused.contains("sslrootcert '\(other)'"), "\(mode): \(refused)")
        }
    }

    /// The certificate names "localhost" only: verify-full to 127.0.0.1 must fail on the name, verify-ca must pass.
    @Test func verifyFullChecksTheHostNameAndVerifyCADoesNot() async throws {
        let server = try TestStores.postgresTLSServer()
        let ca = server.certificateAuthorityPath
        let message = try await Self.openingFails("\(Self.byAddress(server.url))?sslmode=verify-full&sslrootcert=\(ca)")
        #expect(message.contains("certificate does not name '127.0.0.1'"), "\(message)")
        #expect(try await Self.encrypted("\(Self.byAddress(server.url))?sslmode=verify-ca&sslrootcert=\(ca)"))
        #expect(try await Self.encrypted("\(Self.byAddress(server.url))?sslmode=require"))
    }

    @Test func disableIsRefusedByAServerThatAcceptsTLSOnly() async throws {
        let server = try TestStores.postgresTLSServer()
        let message = try await Self.openingFails("\(server.url)?sslmode=disable")
        #expect(message.contains("no pg_hba.conf entry"), "\(message)")
        #expect(message.contains("no encryption"), "\(message)")
    }

    @Test func requireFailsAgainstAServerWithoutTLSWhilePreferFallsBack() async throws {
        let plain = try TestStores.postgresServerURL()
        let message = try await Self.openingFails("\(plain)?sslmode=require")
        #expect(message.contains("does not accept TLS"), "\(message)")
        #expect(try await Self.encrypted("\(plain)?sslmode=prefer") == false)
        #expect(try await Self.encrypted("\(plain)?sslmode=disable") == false)
    }

    /// Refused before any connection is tried: nothing listens on port 1.
    @Test(arguments: [
        ("sslmode=bogus", "sslmode 'bogus' is not one of disable, prefer, require, verify-ca, verify-full"),
        ("sslmode=allow", "sslmode 'allow' is not supported"),
        ("sslmode=require&sslmode=disable", "parameter 'sslmode' is given twice"),
        ("sslmode=verify-full&sslrootcert=/nonexistent/ca.pem", "sslrootcert '/nonexistent/ca.pem' cannot be read"),
        ("sslmode=disable&sslrootcert=/tmp/ca.pem", "sslrootcert has no effect with sslmode=disable"),
        ("sslmode=require&application_name=x", "unsupported parameter 'application_name'"),
        ("sslrootcert=", "sslrootcert is empty"),
    ])
    func badParametersAreConfigurationErrors(_ query: String, _ expected: String) async throws {
        let error = try await #require(throws: StorageOpenError.self) {
            _ = try await ThiqaDatabase.open(.postgres(url: "postgres://thiqa@127.0.0.1:1/db?\(query)"), logger: Logger(label: "test"))
        }
        #expect(error.message.hasPrefix("storage.postgres.url: "), "\(error.message)")
        #expect(error.message.contains(expected), "\(error.message)")
    }

    @Test func aRootFileWithoutCertificatesIsAConfigurationError() async throws {
        let path = try TestStores.temporaryDirectory().appendingPathComponent("empty.pem").path
        try Data("not a certificate\n".utf8).write(to: URL(fileURLWithPath: path))
        let error = try await #require(throws: StorageOpenError.self) {
            _ = try await ThiqaDatabase.open(
                .postgres(url: "postgres://thiqa@127.0.0.1:1/db?sslmode=verify-full&sslrootcert=\(path)"), logger: Logger(label: "test")
            )
        }
        #expect(error.message.contains("sslrootcert '\(path)'"), "\(error.message)")
    }

    /// A self-signed CA that signed nothing the server holds.
    static func unrelatedCertificate(at path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
            "-subj", "/CN=Unrelated CA", "-keyout", path + ".key", "-out", path,
        ]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "openssl req failed")
    }
}
