import Foundation
import Logging
import Metrics
import NIOConcurrencyHelpers
import ServiceLifecycle
import ThiqaCore
import ThiqaLedger
import ThiqaPipeline
import ThiqaStorage

/// Writes interaction records in batches: every caller waits until its record is durable, but concurrent
/// callers share one transaction (group commit), so durability costs one commit per batch, not per request.
public final class InteractionRecorder: Service, OutcomeRecorder, Sendable {
    struct Pending {
        var write: LoggedRecordWrite
        var continuation: CheckedContinuation<InteractionRecord, any Error>
    }

    let repository: SQLInteractionRepository
    let log: SQLTransparencyLog?
    let leaf: @Sendable (SQLInteractionRepository.RecordWrite) throws -> [UInt8]
    private let lastBatchFailed = NIOLockedValueBox(false)
    let logger: Logger
    let maxBatch: Int
    private let queue = NIOLockedValueBox<(items: [Pending], closed: Bool)>(([], false))
    private let wakeUp: AsyncStream<Void>
    private let wakeUpContinuation: AsyncStream<Void>.Continuation
    /// On a SQLite file with a transparency log, records without kept content are committed by the writer thread
    /// itself (issue 15: two thread wake-ups per batch instead of four); the queue above keeps the others.
    private let direct: SQLiteGroupCommit?

    public init(
        repository: SQLInteractionRepository, logger: Logger, maxBatch: Int = 512,
        log: SQLTransparencyLog? = nil, leaf: @escaping @Sendable (SQLInteractionRepository.RecordWrite) throws -> [UInt8] = { _ in [] }
    ) {
        self.repository = repository
        self.log = log
        self.leaf = leaf
        self.logger = logger
        self.maxBatch = maxBatch
        (self.wakeUp, self.wakeUpContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let failed = self.lastBatchFailed
        self.direct = log == nil ? nil : SQLiteGroupCommit(repository: repository, maxBatch: maxBatch) { count, error in
            Self.note(batchOf: count, error: error, failed: failed, logger: logger)
        }
    }

    /// Health, metrics and the log line of one committed (or failed) batch, for both queues.
    private static func note(batchOf count: Int, error: (any Error)?, failed: NIOLockedValueBox<Bool>, logger: Logger) {
        failed.withLockedValue { $0 = error != nil }
        if let error {
            logger.error("cannot store interaction records", metadata: ["thiqa.error": "\(error)", "thiqa.batch": "\(count)"])
            Self.failures.increment(by: count)
        } else {
            Self.batchSizes.record(count)
        }
    }

    /// False after a batch failed to commit, until one succeeds: new calls are then refused before any
    /// model is called (fail closed) rather than answered without a durable record.
    public var isHealthy: Bool { !lastBatchFailed.withLockedValue { $0 } }

    /// Fails closed: throws 503 when records cannot be made durable. After a failed batch, a probe write
    /// decides; otherwise this costs nothing.
    public func ensureWritable() async throws(GatewayError) {
        guard !isHealthy else { return }
        do {
            try await repository.probeWrite()
            lastBatchFailed.withLockedValue { $0 = false }
        } catch {
            throw .unavailable(reason: "interaction records cannot be stored durably right now, so no model is called")
        }
    }

    /// Returns once the record (and its content, if any) is committed, with its log index when logged.
    @discardableResult
    public func record(_ record: InteractionRecord, content: InteractionContent? = nil) async throws -> InteractionRecord {
        try await enqueue(.init(record: record, content: content, kind: .new))
    }

    /// Returns once a streamed call's completion is committed, with its own log index in `completionLogIndex`.
    @discardableResult
    public func complete(_ record: InteractionRecord, content: InteractionContent? = nil) async throws -> InteractionRecord {
        try await enqueue(.init(record: record, content: content, kind: .completion))
    }

    private func enqueue(_ write: SQLInteractionRepository.RecordWrite) async throws -> InteractionRecord {
        var write = write
        if write.record.commitmentSalt == nil {
            // Each record's public leaf is salted with fresh random bytes, kept with the record.
            write.record.commitmentSalt = Hex.encode(PublicLeaf.makeSalt())
        }
        // The leaf is encoded and hashed here, on the call's own task, not inside the serial commit: the canonical
        // JSON of the record and its hashes would otherwise all run on the one task that drains the queue.
        let logged = LoggedRecordWrite(write, leaf: log == nil ? [] : try leaf(write))
        if let direct, write.content == nil {
            do {
                return try await direct.commit(logged)
            } catch {
                throw GatewayError.unavailable(reason: "the interaction record could not be stored")
            }
        }
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<InteractionRecord, any Error>) in
            let accepted = queue.withLockedValue { state -> Bool in
                guard !state.closed else { return false }
                state.items.append(Pending(write: logged, continuation: continuation))
                return true
            }
            if accepted {
                wakeUpContinuation.yield()
            } else {
                continuation.resume(throwing: GatewayError.unavailable(reason: "the recorder is shutting down"))
            }
        }
    }

    // Metric handles made once: a handle made per call is a registry lookup under a lock (issue 15's profile).
    static let batchSizes = Recorder(label: "thiqa_record_batch_size")
    static let failures = Counter(label: "thiqa_record_failures_total")

    public func run() async throws {
        await withGracefulShutdownHandler {
            for await _ in wakeUp {
                await drain()
            }
        } onGracefulShutdown: {
            // Requests still streaming get their records written: close only after the HTTP server stopped.
            self.wakeUpContinuation.finish()
        }
        queue.withLockedValue { $0.closed = true }
        await direct?.close()
        await drain()
    }

    private func drain() async {
        while true {
            let batch = queue.withLockedValue { state -> [Pending] in
                let count = min(state.items.count, maxBatch)
                let batch = Array(state.items.prefix(count))
                state.items.removeFirst(count)
                return batch
            }
            if batch.isEmpty { return }
            do {
                let stored: [InteractionRecord]
                if let log {
                    stored = try await repository.recordBatch(logged: batch.map(\.write), log: log)
                } else {
                    stored = try await repository.recordBatch(batch.map(\.write.write))
                }
                Self.note(batchOf: batch.count, error: nil, failed: lastBatchFailed, logger: logger)
                for (pending, record) in zip(batch, stored) { pending.continuation.resume(returning: record) }
            } catch {
                Self.note(batchOf: batch.count, error: error, failed: lastBatchFailed, logger: logger)
                for pending in batch {
                    pending.continuation.resume(throwing: GatewayError.unavailable(reason: "the interaction record could not be stored"))
                }
            }
        }
    }
}

/// Deletes message content whose retention period has passed, on a fixed period.
struct ContentRetentionPurger: Service {
    let repository: any InteractionRepository
    let vault: SQLPseudonymVaultRepository
    /// Record and conversation keys expire with what they seal: destroying them makes old backups of it unreadable.
    let keys: SubjectKeyStore
    let interval: Duration
    let logger: Logger
    let started: StartGate

    func run() async throws {
        await cancelWhenGracefulShutdown { await self.started.wait() }
        guard self.started.isOpen else { return }
        while !Task.isShuttingDownGracefully {
            do {
                let purged = try await repository.purgeExpiredContent(now: Date())
                let conversations = try await vault.purgeExpired(now: Date())
                let destroyed = try await keys.destroyExpired(now: Date())
                if destroyed > 0 {
                    logger.info("destroyed expired keys", metadata: ["thiqa.destroyed": "\(destroyed)"])
                    Counter(label: "thiqa_keys_destroyed_total").increment(by: destroyed)
                }
                if conversations > 0 {
                    logger.info("purged expired pseudonym vaults", metadata: ["thiqa.purged": "\(conversations)"])
                }
                if purged > 0 {
                    logger.info("purged expired content", metadata: ["thiqa.purged": "\(purged)"])
                    Counter(label: "thiqa_content_purged_total").increment(by: purged)
                }
            } catch {
                logger.warning("content purge failed", metadata: ["thiqa.error": "\(error)"])
            }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) }
            } catch {
                return
            }
        }
    }
}
