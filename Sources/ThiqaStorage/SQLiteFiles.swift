import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The SQLite file holds interaction records and their content: readable by Thiqa's user only.
///
/// SQLite creates a database with mode 0644 (less the umask) and gives its `-wal` and `-shm` files the mode of
/// the database file, so creating the database file 0600 before SQLite opens it is enough for all three.
enum SQLiteFiles {
    static let fileMode: mode_t = 0o600
    static let directoryMode: Int = 0o700

    static func prepare(path: String, logger: Logger) throws {
        let manager = FileManager.default
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !manager.fileExists(atPath: directory) {
            do {
                try manager.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: Self.directoryMode]
                )
            } catch {
                throw StorageOpenError(message: "storage.sqlite.path: cannot create the directory '\(directory)': \(error)")
            }
        }
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, Self.fileMode)
        if fd >= 0 {
            close(fd)
            return
        }
        guard errno == EEXIST else {
            throw StorageOpenError(message: "storage.sqlite.path: cannot create '\(path)': \(String(cString: strerror(errno)))")
        }
        // A file made before this rule (or by hand) may be open to others; records must not stay readable to them.
        for file in [path, path + "-wal", path + "-shm"] {
            Self.tighten(file, logger: logger)
        }
    }

    private static func tighten(_ file: String, logger: Logger) {
        var info = stat()
        guard stat(file, &info) == 0, info.st_mode & 0o077 != 0 else { return }
        let was = String(info.st_mode & 0o777, radix: 8)
        if chmod(file, info.st_mode & 0o700) == 0 {
            logger.warning(
                "tightened the permissions of a database file",
                metadata: ["thiqa.file": "\(file)", "thiqa.mode.before": "\(was)", "thiqa.mode.after": "\(String(info.st_mode & 0o700, radix: 8))"]
            )
        } else {
            logger.warning(
                "a database file is readable by other users and cannot be tightened",
                metadata: ["thiqa.file": "\(file)", "thiqa.mode": "\(was)", "thiqa.error": "\(String(cString: strerror(errno)))"]
            )
        }
    }
}
