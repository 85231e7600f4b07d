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
        let signer: NoteSigner
        do {
            signer = try NoteSigner.generate(name: configuration.origin)
        } catch {
            throw Failure(description: "log.origin '\(configuration.origin)' cannot name a key: \(error)")
        }
        do {
            // If another process was first, its key is the one loaded next.
            try KeyFile.create(at: configuration.keyPath, contents: signer.secretKey + "\n", what: "the log signing key")
        } catch let error as KeyFile.Failure {
            throw Failure(description: error.description)
        }
    }
}
