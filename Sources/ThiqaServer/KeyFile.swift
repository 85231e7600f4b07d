import Crypto
import Foundation

/// Writes a secret key file the one safe way: created 0600 (never readable by others, not even for a moment, which
/// `FileManager.createFile` followed by a chmod is), fsynced, then published complete with `link()`, which fails if
/// another process was first — the caller then reads that process's key. The folder is made 0700 when missing.
enum KeyFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Returns false when the file already existed (another process created it first).
    @discardableResult
    static func create(at path: String, contents: String, what: String) throws -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw Failure(description: "cannot create \(what) at \(path): \(String(cString: strerror(errno)))") }
        defer { unlink(temporary) }
        let bytes = Array(contents.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd)
        close(fd)
        guard written == bytes.count, synced == 0 else {
            throw Failure(description: "cannot write \(what) at \(path): \(String(cString: strerror(errno)))")
        }
        if link(temporary, path) != 0 {
            if errno == EEXIST { return false }
            throw Failure(description: "cannot create \(what) at \(path): \(String(cString: strerror(errno)))")
        }
        return true
    }

    /// A 256-bit key file (base64), created 0600 on first use; `field` names the setting in errors.
    static func symmetricKey(path: String, field: String, what: String) throws -> SymmetricKey {
        if let data = FileManager.default.contents(atPath: path) {
            guard let decoded = Data(base64Encoded: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
                decoded.count == 32
            else {
                throw ConfigurationFileError(message: "\(field): '\(path)' does not hold a base64 256-bit key")
            }
            return SymmetricKey(data: decoded)
        }
        let key = SymmetricKey(size: .bits256)
        let text = key.withUnsafeBytes { Data($0).base64EncodedString() } + "\n"
        do {
            guard try Self.create(at: path, contents: text, what: what) else { return try symmetricKey(path: path, field: field, what: what) }
        } catch let error as KeyFile.Failure {
            throw ConfigurationFileError(message: "\(field): \(error.description)")
        }
        return key
    }
}
