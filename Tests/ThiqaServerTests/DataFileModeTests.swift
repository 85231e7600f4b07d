import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import ThiqaServer
import ThiqaStorage
import ThiqaTesting

/// A first start in an empty folder, as `thiqa serve` does it: every file Thiqa makes there (records, their
/// journal, the vault key, the log signing key) is readable by its user only, and so is the folder.
@Suite struct DataFileModeTests {
    static func mode(_ path: String) throws -> String {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return String(try #require(attributes[.posixPermissions] as? Int, "no permissions for \(path)") & 0o777, radix: 8)
    }

    @Test func aFirstStartMakesPrivateFilesInAPrivateFolder() async throws {
        let data = try TestStores.temporaryDirectory().appendingPathComponent("data")
        let database = data.appendingPathComponent("thiqa.sqlite").path
        let vaultKey = data.appendingPathComponent("vault.key").path
        let signingKey = data.appendingPathComponent("log-signing.key").path
        var configuration = ThiqaConfiguration(port: 0, storage: .sqlite(path: database), authCacheTTLMs: 0)
        configuration.privacy.vaultKeyPath = vaultKey
        configuration.transparency.keyPath = signingKey
        let subjectKey = data.appendingPathComponent("keys/subject.key").path
        let keyStore = data.appendingPathComponent("keys/subject-keys.sqlite").path
        let masterKey = data.appendingPathComponent("keys/key-store-master.key").path
        configuration.rights = RightsConfiguration(subjectKeyPath: subjectKey, keyStore: .sqlite(path: keyStore), keyStoreMasterKeyPath: masterKey)
        var logger = Logger(label: "thiqa-test")
        logger.logLevel = .warning
        let app = try await buildApplication(configuration: configuration, logger: logger)
        try await app.test(.live) { client in
            // Serving means the migrations and the first checkpoint were written (before the server starts).
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
            }
            #expect(try Self.mode(data.path) == "700")
            #expect(try Self.mode(data.appendingPathComponent("keys").path) == "700")
            for file in [database, database + "-wal", database + "-shm", vaultKey, signingKey, subjectKey, keyStore, masterKey] {
                #expect(FileManager.default.fileExists(atPath: file), "\(file)")
                #expect(try Self.mode(file) == "600", "\(file)")
            }
        }
    }
}
