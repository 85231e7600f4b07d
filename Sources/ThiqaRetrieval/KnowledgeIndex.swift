import Foundation
import Synchronization
import ThiqaKnowledge

/// One consistent state of a knowledge directory: the procedures and the index built from them. A search reads
/// one snapshot whole, whatever happens to the files meanwhile.
public struct KnowledgeSnapshot: Sendable {
    /// 1 for the first load, one more for each index swapped in since.
    public let version: Int
    public let base: KnowledgeBase
    public let index: RetrievalIndex
    /// Digest of the files' names and contents the snapshot was built from.
    public let contentDigest: UInt64
    /// Why the index has no dense vectors although an embeddings provider was given (the backend failed while
    /// the index was built); `nil` when it has them or none was asked for. Retrieval is then lexical only.
    public let denseProblem: String?
}

/// What a reload did.
public enum KnowledgeReload: Sendable, CustomStringConvertible {
    /// The files are the same (by fingerprint, or by content after a touch): the index in service stays.
    case unchanged(version: Int)
    /// A new index is in service.
    case reloaded(KnowledgeSnapshot)
    /// The files changed but cannot be read or do not validate: the previous index stays in service. Reported
    /// once per change of the files, not at every poll.
    case rejected(version: Int, problems: String)

    public var description: String {
        switch self {
        case .unchanged(let version): "knowledge base unchanged (version \(version))"
        case .reloaded(let snapshot):
            "knowledge base reloaded: version \(snapshot.version), \(snapshot.base.count) procedures"
                + (snapshot.denseProblem.map { " (lexical only: \($0))" } ?? "")
        case .rejected(let version, let problems): "knowledge base not reloaded, version \(version) stays in service:\n\(problems)"
        }
    }
}

public enum KnowledgeIndexError: Error, CustomStringConvertible {
    /// The directory cannot be read or its files do not validate; `problems` is `file:line: field: reason` lines.
    case invalid(directory: String, problems: String)

    public var description: String {
        switch self {
        case .invalid(let directory, let problems): "knowledge base \(directory) cannot be loaded:\n\(problems)"
        }
    }
}

/// The retrieval index of a knowledge directory in a running server: built at start, rebuilt when the files
/// change (a poll, `watch(every:)`) or on demand (`reload()`), and swapped atomically, so that a search never
/// sees half a base and an edit takes effect without a restart. A rebuild that fails validation keeps the index
/// in service. Reads take a lock only to copy the snapshot (a few references); rebuilds run outside it.
public final class KnowledgeIndex: Sendable {
    public let directory: String
    private let embeddings: (any EmbeddingProvider)?
    private let parameters: LexicalIndex.Parameters
    private let abstention: AbstentionRule
    private let state: Mutex<State>

    private struct State {
        var snapshot: KnowledgeSnapshot
        /// The files' fingerprint when they were last read, whether or not that read was swapped in.
        var fingerprint: KnowledgeDirectory.Fingerprint
        /// Each reload takes a ticket when it starts reading; a reload whose read is older than one already
        /// finished changes nothing, so two overlapping reloads (a poll and an operator's) cannot install the
        /// older files.
        var nextTicket: Int
        var newestRead: Int
    }

    private struct Build: Sendable {
        enum Outcome: Sendable {
            /// The content has the digest the caller already serves: nothing was rebuilt.
            case same
            /// `file:line: field: reason` lines, or why the directory cannot be read.
            case invalid(String)
            case built(KnowledgeBase, RetrievalIndex, denseProblem: String?)
        }

        var fingerprint: KnowledgeDirectory.Fingerprint
        var digest: UInt64
        var outcome: Outcome
    }

    private init(
        directory: String, embeddings: (any EmbeddingProvider)?, parameters: LexicalIndex.Parameters,
        abstention: AbstentionRule, snapshot: KnowledgeSnapshot, fingerprint: KnowledgeDirectory.Fingerprint
    ) {
        self.directory = directory
        self.embeddings = embeddings
        self.parameters = parameters
        self.abstention = abstention
        self.state = Mutex(State(snapshot: snapshot, fingerprint: fingerprint, nextTicket: 1, newestRead: 0))
    }

    /// Loads `directory` and builds its index, with dense vectors from `embeddings` when given (if the backend
    /// fails, the index is lexical only and `snapshot.denseProblem` says why). Throws when the directory cannot
    /// be read or a file does not validate: a server should not start on a broken base.
    public static func load(
        directory: String, embeddings: (any EmbeddingProvider)? = nil, parameters: LexicalIndex.Parameters = .init(),
        abstention: AbstentionRule = .calibrated
    ) async throws -> KnowledgeIndex {
        let build = await build(directory: directory, embeddings: embeddings, parameters: parameters, abstention: abstention)
        guard case .built(let base, let index, let denseProblem) = build.outcome else {
            if case .invalid(let problems) = build.outcome { throw KnowledgeIndexError.invalid(directory: directory, problems: problems) }
            preconditionFailure("a first build has no digest to compare with")
        }
        let snapshot = KnowledgeSnapshot(version: 1, base: base, index: index, contentDigest: build.digest, denseProblem: denseProblem)
        return KnowledgeIndex(
            directory: directory, embeddings: embeddings, parameters: parameters, abstention: abstention,
            snapshot: snapshot, fingerprint: build.fingerprint)
    }

    /// The index in service now.
    public var snapshot: KnowledgeSnapshot { state.withLock { $0.snapshot } }

    /// What one search found, on which snapshot.
    public struct Search: Sendable {
        /// The snapshot searched: titles and texts of the hits come from its base.
        public var snapshot: KnowledgeSnapshot
        public var result: RetrievalResult
        /// Set when the index has vectors but the question could not be embedded (the backend is down): the result
        /// is then lexical only, with the lexical abstention rule.
        public var denseProblem: String?
    }

    /// Ranks procedures for `question` on the index in service, embedding the question when that index has
    /// vectors; `language` is the question's form from language identification (it decides how far the dense
    /// side is trusted). If the embeddings backend fails, the search falls back to lexical retrieval and says so
    /// in `denseProblem` rather than failing the citizen's question.
    public func search(_ question: String, language: LanguageForm? = nil, limit: Int = 5) async throws -> Search {
        let snapshot = self.snapshot
        var vector: [Float]?
        var denseProblem: String?
        if snapshot.index.dense != nil, let embeddings {
            do { vector = try await RetrievalIndex.queryVector(question, provider: embeddings) } catch {
                denseProblem = "embeddings backend: \(error)"
            }
        }
        let result = try snapshot.index.search(question, queryVector: vector, language: language, limit: limit)
        return Search(snapshot: snapshot, result: result, denseProblem: denseProblem)
    }

    /// Rebuilds if the files' fingerprint changed since they were last read (what a poll calls).
    public func reloadIfChanged() async -> KnowledgeReload {
        let (known, version) = state.withLock { ($0.fingerprint, $0.snapshot.version) }
        guard let current = try? KnowledgeDirectory.fingerprint(of: directory) else {
            // The directory went away or is unreadable: the reload reports it once, not at every poll.
            return await reload(force: false, quietWhenKnown: true)
        }
        if current == known { return .unchanged(version: version) }
        return await reload(force: false, quietWhenKnown: true)
    }

    /// Reads the files and swaps in a new index if their content differs from the one in service (on demand:
    /// `thiqa kb ingest` against a running server, an admin call, a poll that saw a change). `force` rebuilds
    /// even the same content, e.g. to get dense vectors once a failed embeddings backend is back.
    public func reload(force: Bool = false) async -> KnowledgeReload {
        await reload(force: force, quietWhenKnown: false)
    }

    private func reload(force: Bool, quietWhenKnown: Bool) async -> KnowledgeReload {
        let ticket = state.withLock { state in
            defer { state.nextTicket += 1 }
            return state.nextTicket
        }
        let build = await Self.build(
            directory: directory, embeddings: embeddings, parameters: parameters, abstention: abstention,
            unlessDigest: force ? nil : snapshot.contentDigest)
        return state.withLock { state in
            let seenBefore = state.fingerprint == build.fingerprint
            // An older read finishing after a newer one changes nothing: the newer files are in service.
            guard ticket > state.newestRead else { return .unchanged(version: state.snapshot.version) }
            state.newestRead = ticket
            state.fingerprint = build.fingerprint
            switch build.outcome {
            case .same:
                return .unchanged(version: state.snapshot.version)
            case .invalid(let problems):
                // Once per change of the files: a poll of still-broken files stays quiet.
                return seenBefore && quietWhenKnown
                    ? .unchanged(version: state.snapshot.version) : .rejected(version: state.snapshot.version, problems: problems)
            case .built(let base, let index, let denseProblem):
                guard build.digest != state.snapshot.contentDigest || force else {
                    return .unchanged(version: state.snapshot.version)
                }
                state.snapshot = KnowledgeSnapshot(
                    version: state.snapshot.version + 1, base: base, index: index, contentDigest: build.digest,
                    denseProblem: denseProblem)
                return .reloaded(state.snapshot)
            }
        }
    }

    /// Polls the directory every `interval` until the calling task is cancelled, reporting each reload that
    /// did something (swapped or rejected) to `report`. Run it in a task or a service beside the server.
    public func watch(every interval: Duration, report: @Sendable (KnowledgeReload) -> Void = { _ in }) async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            let outcome = await reloadIfChanged()
            if case .unchanged = outcome { continue }
            report(outcome)
        }
    }

    /// Reads, validates and indexes the directory. With `unlessDigest`, stops after reading when the content
    /// has that digest (`.same`: nothing to rebuild).
    private static func build(
        directory: String, embeddings: (any EmbeddingProvider)?, parameters: LexicalIndex.Parameters,
        abstention: AbstentionRule, unlessDigest: UInt64? = nil
    ) async -> Build {
        // The fingerprint is taken before the files are read: a file written during the read then differs at the
        // next poll, which reads again, rather than being missed.
        let fingerprint = (try? KnowledgeDirectory.fingerprint(of: directory)) ?? .init(entries: [])
        let files: [KnowledgeBase.File]
        do { files = try KnowledgeDirectory.files(in: directory) } catch {
            return Build(fingerprint: fingerprint, digest: 0, outcome: .invalid("\(error)"))
        }
        let digest = contentDigest(files)
        if let unlessDigest, unlessDigest == digest {
            return Build(fingerprint: fingerprint, digest: digest, outcome: .same)
        }
        let base: KnowledgeBase
        switch KnowledgeBase.load(files: files) {
        case .success(let loaded): base = loaded
        case .failure(let error):
            let problems = error.problems.map { problem in
                var located = problem
                located.file = (directory as NSString).appendingPathComponent(problem.file)
                return located.description
            }
            return Build(
                fingerprint: fingerprint, digest: digest,
                outcome: .invalid(problems.joined(separator: "\n")))
        }
        var index = RetrievalIndex(knowledgeBase: base, parameters: parameters, abstention: abstention)
        var denseProblem: String?
        if let embeddings {
            do { index = try await index.withDenseVectors(from: embeddings) } catch { denseProblem = "embeddings backend: \(error)" }
        }
        return Build(fingerprint: fingerprint, digest: digest, outcome: .built(base, index, denseProblem: denseProblem))
    }

    /// FNV-1a over every file's name and text: stable across processes, and enough to tell an edit from a touch.
    static func contentDigest(_ files: [KnowledgeBase.File]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for file in files.sorted(by: { $0.name < $1.name }) {
            for byte in file.name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01B3 }
            hash = (hash ^ 0) &* 0x0100_0000_01B3
            for byte in file.text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01B3 }
            hash = (hash ^ 0xFF) &* 0x0100_0000_01B3
        }
        return hash
    }
}
