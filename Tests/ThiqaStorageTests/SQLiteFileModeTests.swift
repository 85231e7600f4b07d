import Foundation
import Logging
import Testing
import ThiqaCore
import ThiqaStorage
import ThiqaTesting

/// The SQLite database and its `-wal` and `-shm` hold records and their content: mode 0600, and 0700 for the
/// directories Thiqa makes for them, whatever the umask lets other files be.
@Suite struct SQLiteFileModeTests {
    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int, "no permissions for \(path)") & 0o777
    }

    static func octal(_ mode: Int) -> String { String(mode, radix: 8) }

    /// Opens the store, applies the migrations and writes, so that SQLite has made its -wal and -shm files.
    static func openAndWrite(_ path: String, _ body: () throws -> Void = {}) async throws {
        try await ThiqaDatabase.with(.sqlite(path: path), logger: Logger(label: "test")) { database in
            try await Migrations.run(on: database)
            try await SQLUseCaseRepository(database: database).upsert(UseCase(tenant: try TenantID("t"), id: try UseCaseID("u")))
            try body()
        }
    }

    @Test func aNewDatabaseAndItsWALAndSHMAreReadableByTheOwnerOnly() async throws {
        let root = try TestStores.temporaryDirectory()
        let path = root.appendingPathComponent("data/records/thiqa.sqlite").path
        // A control made under the same umask: shows the umask alone would have let others read.
        let control = root.appendingPathComponent("control").path
        #expect(FileManager.default.createFile(atPath: control, contents: Data()))
        #expect(try Self.mode(control) & 0o044 != 0, "the umask of this test lets others read new files")

        try await Self.openAndWrite(path) { () throws -> Void in
            for file in [path, path + "-wal", path + "-shm"] {
                #expect(FileManager.default.fileExists(atPath: file), "\(file) exists while the store is open")
                #expect(try Self.octal(Self.mode(file)) == "600", "\(file)")
            }
        }
        #expect(try Self.octal(Self.mode(root.appendingPathComponent("data").path)) == "700")
        #expect(try Self.octal(Self.mode(root.appendingPathComponent("data/records").path)) == "700")
    }

    @Test func filesMadeBeforeAreTightenedWhenOpened() async throws {
        let path = try TestStores.temporaryDirectory().appendingPathComponent("thiqa.sqlite").path
        try await Self.openAndWrite(path) { () throws -> Void in
            for file in [path, path + "-wal", path + "-shm"] {
                try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
            }
        }
        #expect(try Self.octal(Self.mode(path)) == "644")
        try await Self.openAndWrite(path) { () throws -> Void in
            for file in [path, path + "-wal", path + "-shm"] {
                #expect(try Self.octal(Self.mode(file)) == "600", "\(file)")
            }
        }
    }

    @Test func anExistingDirectoryIsLeftAsTheOperatorMadeIt() async throws {
        let directory = try TestStores.temporaryDirectory()
        try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: directory.path)
        try await Self.openAndWrite(directory.appendingPathComponent("thiqa.sqlite").path)
        #expect(try Self.octal(Self.mode(directory.path)) == "750")
    }
}
