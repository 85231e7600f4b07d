import Foundation
import Logging
import ServiceLifecycle
import ThiqaCore
import ThiqaLedger
import ThiqaStorage

/// Signs and stores a C2SP checkpoint of the log whenever it has grown, every `interval`.
///
/// Call ``publishIfGrown()`` once after migrations (the composition root does it before the server starts); the
/// service then publishes on its period until shutdown. Several Thiqa instances may publish: the first checkpoint
/// stored for a size wins.
public struct CheckpointPublisher: Service {
    public let log: SQLTransparencyLog
    public let signer: NoteSigner
    public let interval: Duration
    let logger: Logger

    public init(log: SQLTransparencyLog, signer: NoteSigner, interval: Duration, logger: Logger) {
        self.log = log
        self.signer = signer
        self.interval = interval
        self.logger = logger
    }

    /// The origin of the checkpoints: the signing key's name.
    public var origin: String { self.signer.name }

    /// A signed checkpoint that covers the leaf `index` (the latest, or one published now): what a person's proofs
    /// are made against. `what` names the entry in the 503 when the log has not caught up yet.
    func checkpoint(covering index: UInt64, what: String) async throws -> StoredCheckpoint {
        var checkpoint = try await log.latestCheckpoint()
        if (checkpoint?.size ?? 0) <= index { checkpoint = try await publishIfGrown() }
        guard let checkpoint, checkpoint.size > index else {
            throw GatewayError.unavailable(reason: "the log has not yet published a checkpoint covering this \(what); try again in a second")
        }
        return checkpoint
    }

    /// Publishes a checkpoint of the current size unless the latest stored one already has it; returns the latest.
    @discardableResult
    public func publishIfGrown() async throws -> StoredCheckpoint {
        let size = try await self.log.size()
        if let latest = try await self.log.latestCheckpoint(), latest.size >= size { return latest }
        let root = try await self.log.rootHash(treeSize: size)
        let body = Checkpoint(origin: self.origin, size: size, rootHash: root).body()
        let checkpoint = StoredCheckpoint(size: size, rootHash: root, note: try self.signer.sign(body), createdAtMs: Date().millisecondsSince1970)
        try await self.log.store(checkpoint)
        // Another instance may have stored this size first: return what is stored.
        return try await self.log.checkpoint(size: size) ?? checkpoint
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) }
            } catch {
                break
            }
            do {
                try await self.publishIfGrown()
            } catch {
                self.logger.warning("cannot publish a log checkpoint", metadata: ["thiqa.error": "\(error)"])
            }
        }
        // A last checkpoint covering what the recorder wrote while draining is published by the next start.
    }
}
