import Foundation
import Synchronization
import Testing
import ThiqaKnowledge
import ThiqaRetrieval

/// A throwaway knowledge directory for one test, removed at the end.
final class KnowledgeFolder: Sendable {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "thiqa-kb-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8)
    }

    func remove(_ name: String) throws { try FileManager.default.removeItem(atPath: path + "/" + name) }

    /// A valid procedure file whose titles and keywords are `words` (the same in every language form, enough for
    /// a retrieval test).
    static func procedure(id: String, words: String) -> String {
        let forms = ["fr", "ar", "ary-Arab", "ary-Latn", "zgh-Tfng", "ber-Latn", "en"]
        func perForm(_ value: String) -> String { forms.map { "  \($0): \(value)" }.joined(separator: "\n") }
        return """
            ---
            id: \(id)
            schema: 1
            category: civil-status
            title:
            \(perForm(words))
            keywords:
            \(perForm("[\(words)]"))
            summary:
            \(perForm("Obtenir \(words)."))
            steps:
              fr: [Déposer la demande]
              ar: [إيداع الطلب]
            documents:
              fr: [CNIE]
              ar: [البطاقة الوطنية]
            fees:
              fr: Gratuit
              ar: بالمجان
            delay:
              fr: Un jour
              ar: يوم واحد
            where:
              fr: Commune
              ar: الجماعة
            contact:
              fr: La commune
              ar: الجماعة
            source_url: https://www.service-public.ma/
            source_name: Portail service-public.ma
            verification: unverified
            last_verified: null
            ---
            # Français

            \(words). Les informations officielles du site source prévalent.

            # العربية

            المعلومات الرسمية المنشورة على الموقع المصدر هي المرجع.
            """
    }
}

/// Counts the texts it embeds and fails on demand: a backend that goes down and comes back.
final class SwitchableEmbeddings: EmbeddingProvider {
    let failing = Mutex(false)
    let embedded = Mutex(0)

    func embed(_ texts: [String], role: EmbeddingRole) async throws -> [[Float]] {
        struct Down: Error {}
        if failing.withLock({ $0 }) { throw Down() }
        embedded.withLock { $0 += texts.count }
        return texts.map { [Float($0.count % 7) + 1, 1] }
    }
}

@Suite("Knowledge index hot reload")
struct KnowledgeIndexTests {
    @Test("an edited, added or removed file is searched after reloadIfChanged, without a new holder")
    func pollPicksUpChanges() async throws {
        let folder = try KnowledgeFolder()
        try folder.write("passport.md", KnowledgeFolder.procedure(id: "passport", words: "passeport biométrique"))
        let holder = try await KnowledgeIndex.load(directory: folder.path)
        #expect(holder.snapshot.version == 1)
        #expect(try await holder.search("passeport").result.hits.first?.id == "passport")
        #expect(try await holder.search("casier judiciaire").result.hits.isEmpty)

        guard case .unchanged(version: 1) = await holder.reloadIfChanged() else {
            Issue.record("nothing changed yet")
            return
        }
        try folder.write("criminal-record.md", KnowledgeFolder.procedure(id: "criminal-record", words: "casier judiciaire"))
        guard case .reloaded(let snapshot) = await holder.reloadIfChanged() else {
            Issue.record("a new file must be picked up")
            return
        }
        #expect(snapshot.version == 2)
        #expect(snapshot.base.count == 2)
        #expect(try await holder.search("casier judiciaire").result.hits.first?.id == "criminal-record")

        try folder.remove("passport.md")
        guard case .reloaded = await holder.reloadIfChanged() else {
            Issue.record("a removed file must be picked up")
            return
        }
        #expect(holder.snapshot.version == 3)
        #expect(holder.snapshot.base["passport"] == nil)
        #expect(try await holder.search("passeport biométrique").result.hits.isEmpty)
    }

    @Test("a broken edit is rejected once with file:line, and the index in service stays")
    func brokenEditKeepsIndex() async throws {
        let folder = try KnowledgeFolder()
        try folder.write("passport.md", KnowledgeFolder.procedure(id: "passport", words: "passeport biométrique"))
        let holder = try await KnowledgeIndex.load(directory: folder.path)
        let broken = KnowledgeFolder.procedure(id: "passport", words: "passeport").replacingOccurrences(of: "schema: 1", with: "schema: 7")
        try folder.write("passport.md", broken)
        guard case .rejected(let version, let problems) = await holder.reloadIfChanged() else {
            Issue.record("an invalid file must be rejected")
            return
        }
        #expect(version == 1)
        #expect(problems.contains("passport.md:3:"))
        #expect(holder.snapshot.version == 1)
        #expect(try await holder.search("biométrique").result.hits.first?.id == "passport")
        // Still broken, not touched again: the poll stays quiet; an operator's reload reports again.
        guard case .unchanged = await holder.reloadIfChanged() else {
            Issue.record("the same broken files are reported once per change")
            return
        }
        guard case .rejected = await holder.reload() else {
            Issue.record("an explicit reload reports the problems")
            return
        }
        try folder.write("passport.md", KnowledgeFolder.procedure(id: "passport", words: "passeport renouvellement"))
        guard case .reloaded(let fixed) = await holder.reloadIfChanged() else {
            Issue.record("the fixed file must be swapped in")
            return
        }
        #expect(fixed.version == 2)
    }

    @Test("loading a broken or missing directory fails with the reason")
    func loadFails() async throws {
        let folder = try KnowledgeFolder()
        try folder.write("bad.md", "no front matter")
        await #expect(throws: KnowledgeIndexError.self) { try await KnowledgeIndex.load(directory: folder.path) }
        do {
            _ = try await KnowledgeIndex.load(directory: folder.path + "/absent")
            Issue.record("a missing directory must fail")
        } catch let error as KnowledgeIndexError {
            #expect(error.description.contains("not a directory"))
        }
    }

    @Test("a touch without a content change rebuilds nothing; force rebuilds the same content")
    func touchIsNotAChange() async throws {
        let folder = try KnowledgeFolder()
        let text = KnowledgeFolder.procedure(id: "passport", words: "passeport")
        try folder.write("passport.md", text)
        let embeddings = SwitchableEmbeddings()
        let holder = try await KnowledgeIndex.load(directory: folder.path, embeddings: embeddings)
        let embeddedAtLoad = embeddings.embedded.withLock { $0 }
        #expect(embeddedAtLoad > 0)
        try await Task.sleep(for: .milliseconds(20))
        try folder.write("passport.md", text)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: folder.path + "/passport.md")
        guard case .unchanged(version: 1) = await holder.reloadIfChanged() else {
            Issue.record("same content, same index")
            return
        }
        #expect(embeddings.embedded.withLock { $0 } == embeddedAtLoad)
        guard case .reloaded(let forced) = await holder.reload(force: true) else {
            Issue.record("force rebuilds")
            return
        }
        #expect(forced.version == 2)
        #expect(embeddings.embedded.withLock { $0 } == 2 * embeddedAtLoad)
    }

    @Test("a failing embeddings backend leaves a lexical index in service and says why; force brings vectors back")
    func denseFailure() async throws {
        let folder = try KnowledgeFolder()
        try folder.write("passport.md", KnowledgeFolder.procedure(id: "passport", words: "passeport"))
        let embeddings = SwitchableEmbeddings()
        embeddings.failing.withLock { $0 = true }
        let holder = try await KnowledgeIndex.load(directory: folder.path, embeddings: embeddings)
        #expect(holder.snapshot.index.dense == nil)
        #expect(holder.snapshot.denseProblem?.contains("embeddings backend") == true)
        #expect(try await holder.search("passeport").result.hits.first?.id == "passport")
        embeddings.failing.withLock { $0 = false }
        _ = await holder.reload(force: true)
        #expect(holder.snapshot.index.dense != nil)
        #expect(holder.snapshot.denseProblem == nil)
        #expect(try await holder.search("passeport").denseProblem == nil)
        // Down again at question time: the question is still answered, lexically, and the search says why.
        embeddings.failing.withLock { $0 = true }
        let degraded = try await holder.search("passeport")
        #expect(degraded.result.hits.first?.id == "passport")
        #expect(degraded.result.bestDenseSimilarity == nil)
        #expect(degraded.denseProblem?.contains("embeddings backend") == true)
    }

    @Test("watch polls until cancelled and reports the swap")
    func watchReports() async throws {
        let folder = try KnowledgeFolder()
        try folder.write("passport.md", KnowledgeFolder.procedure(id: "passport", words: "passeport"))
        let holder = try await KnowledgeIndex.load(directory: folder.path)
        let reports = Mutex<[String]>([])
        let watcher = Task { await holder.watch(every: .milliseconds(10)) { outcome in reports.withLock { $0.append(outcome.description) } } }
        try folder.write("life-certificate.md", KnowledgeFolder.procedure(id: "life-certificate", words: "certificat de vie"))
        var waited = 0
        while holder.snapshot.version < 2, waited < 500 {
            try await Task.sleep(for: .milliseconds(10))
            waited += 1
        }
        watcher.cancel()
        await watcher.value
        #expect(holder.snapshot.version == 2)
        #expect(reports.withLock { $0 }.contains { $0.contains("version 2, 2 procedures") })
    }

    @Test("searches running during reloads always see a whole base")
    func concurrentSearchesSeeWholeSnapshots() async throws {
        let folder = try KnowledgeFolder()
        try folder.write("a.md", KnowledgeFolder.procedure(id: "a", words: "passeport"))
        let holder = try await KnowledgeIndex.load(directory: folder.path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for round in 0..<10 {
                    try folder.write("b\(round).md", KnowledgeFolder.procedure(id: "b\(round)", words: "permis numéro \(round)"))
                    _ = await holder.reload()
                }
            }
            for _ in 0..<4 {
                group.addTask {
                    for _ in 0..<50 {
                        let search = try await holder.search("passeport")
                        let (snapshot, result) = (search.snapshot, search.result)
                        // Every hit belongs to the snapshot searched, and the snapshot's index matches its base.
                        #expect(result.candidates.allSatisfy { snapshot.base[$0.id] != nil })
                        #expect(snapshot.index.documents.count == snapshot.base.count)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(holder.snapshot.base.count == 11)
        #expect(holder.snapshot.version == 11)
    }
}
