import Foundation
import NIOCore
import Testing
import ThiqaRetrieval
import ThiqaRetrievalHTTP

/// Against a real embeddings server (scripts/embeddings-server; scripts/test sets THIQA_TEST_EMBEDDINGS_URL).
@Suite("OpenAI-compatible embeddings provider")
struct OpenAIEmbeddingProviderTests {
    static let url = ProcessInfo.processInfo.environment["THIQA_TEST_EMBEDDINGS_URL"]

    func cosine(_ a: [Float], _ b: [Float]) -> Float {
        let dot = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
        let norms = a.reduce(0) { $0 + $1 * $1 }.squareRoot() * b.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return dot / norms
    }

    @Test("vectors come back in input order, and a passport is closer to جواز السفر than to a recipe", .enabled(if: url != nil))
    func embeds() async throws {
        let provider = OpenAIEmbeddingProvider(baseURL: try #require(Self.url))
        let vectors = try await provider.embed(["passeport biométrique", "جواز السفر", "recette du tajine aux olives"], role: .passage)
        #expect(vectors.count == 3)
        #expect(vectors.allSatisfy { $0.count == vectors[0].count && !$0.isEmpty })
        #expect(cosine(vectors[0], vectors[1]) > cosine(vectors[0], vectors[2]))
        // The role reaches the server: the same text embeds differently as a query.
        let query = try await provider.embed(["passeport biométrique"], role: .query)
        #expect(cosine(query[0], vectors[0]) < 0.9999)
        #expect(try await provider.embed([], role: .query).isEmpty)
    }

    @Test("an unreachable server is an error, not empty vectors")
    func unreachable() async {
        let provider = OpenAIEmbeddingProvider(baseURL: "http://127.0.0.1:9/v1", timeout: .seconds(2))
        await #expect(throws: (any Error).self) { try await provider.embed(["x"], role: .query) }
    }
}
