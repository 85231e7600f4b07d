import Foundation
import ThiqaLedger

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Ed25519 key that signs the log's checkpoints, kept in a file outside the database.
///
/// The file holds the Go-style secret key string (`PRIVATE+KEY+origin+keyid+…`, see ``NoteSigner/secretKey``). It is
/// created on first start with mode 0600 in a directory with mode 0700; two processes starting together end up with
/// the same key (the file is published with `link`, which never replaces an existing file).
public enum LogSigningKey {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Loads the key at `configuration.keyPath`, creating it when the file does not exist.
    public static func loadOrCreate(_ configuration: TransparencyConfiguration) throws -> NoteSigner {
        if let signer = try self.load(configuration) { return signer }
        try self.create(configuration)
        guard let signer = try self.load(configuration) else {
            throw Failure(description: "the log signing key at \(configuration.keyPath) could not be created")
        }
        return signer
    }

    /// The key at `configuration.keyPath`, or nil when there is no file.
    public static func load(_ configuration: TransparencyConfiguration) throws -> NoteSigner? {
        let path = configuration.keyPath
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw Failure(description: "cannot read the log signing key at \(path): \(error)")
        }
        let signer: NoteSigner
        do {
            signer = try NoteSigner(secretKey: text.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            throw Failure(description: "the log signing key at \(path) is not a signed-note private key: \(error)")
        }
        guard signer.name == configuration.origin else {
            throw Failure(
                description: "the log signing key at \(path) is for origin '\(signer.name)', but log.origin is '\(configuration.origin)'; "
                    + "a log keeps its origin for life"
            )
        }
        return signer
    }

    private static func create(_ configuration: TransparencyConfiguration) throws {
        let path = configuration.keyPath
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let signer: NoteSigner
        do {
            signer = try NoteSigner.generate(name: configuration.origin)
        } catch {
            throw Failure(description: "log.origin '\(configuration.origin)' cannot name a key: \(error)")
        }
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw Failure(description: "cannot create the log signing key at \(path): \(String(cString: strerror(errno)))") }
        defer { unlink(temporary) }
        let bytes = Array((signer.secretKey + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd)
        close(fd)
        guard written == bytes.count, synced == 0 else {
            throw Failure(description: "cannot write the log signing key at \(path): \(String(cString: strerror(errno)))")
        }
        // link() publishes the complete file and fails if another process was first; then its key is used.
        if link(temporary, path) != 0, errno != EEXIST {
            throw Failure(description: "cannot create the log signing key at \(path): \(String(cString: strerror(errno)))")
        }
    }
}
