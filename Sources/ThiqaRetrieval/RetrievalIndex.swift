import ThiqaKnowledge

/// When to answer "I don't know": the best lexical match covers too little of the question and, when vectors
/// exist, the best passage is not close enough either. Thresholds are calibrated on the development question set
/// (eval/retrieval/questions.dev.jsonl), never on the held-out one.
public struct AbstentionRule: Sendable, Hashable {
    /// Best lexical score over the question's ideal score (`LexicalIndex.search`).
    public var minimumLexicalConfidence: Float
    /// Best cosine similarity of the question with a passage.
    public var minimumDenseSimilarity: Float

    public init(minimumLexicalConfidence: Float, minimumDenseSimilarity: Float) {
        self.minimumLexicalConfidence = minimumLexicalConfidence
        self.minimumDenseSimilarity = minimumDenseSimilarity
    }

    public static let calibrated = AbstentionRule(minimumLexicalConfidence: 0.2, minimumDenseSimilarity: 0.85)
    /// Never abstain (for measuring ranking alone).
    public static let never = AbstentionRule(minimumLexicalConfidence: -.infinity, minimumDenseSimilarity: -.infinity)
}

/// One ranked procedure.
public struct RetrievalHit: Sendable, Hashable {
    public var id: String
    /// The fused score when dense vectors took part, else the lexical BM25 score.
    public var score: Double
    public var lexicalScore: Float?
    public var lexicalRank: Int?
    public var denseSimilarity: Float?
    public var denseRank: Int?
}

public struct RetrievalResult: Sendable, Hashable {
    /// Ranked procedures, best first, whether or not the rule abstained.
    public var candidates: [RetrievalHit]
    public var abstained: Bool
    /// Best lexical score over the question's ideal score (0 when nothing matched).
    public var lexicalConfidence: Float
    public var bestDenseSimilarity: Float?

    /// What the assistant may use: nothing when it abstained.
    public var hits: [RetrievalHit] { abstained ? [] : candidates }
}

/// The whole retrieval index of a knowledge base: an immutable value, rebuilt on ingest and swapped atomically.
public struct RetrievalIndex: Sendable {
    public let documents: [RetrievalDocument]
    public let lexical: LexicalIndex
    public let dense: DenseIndex?
    public let abstention: AbstentionRule
    /// How deep each ranking goes into fusion.
    public var fusionDepth = 50

    public init(
        documents: [RetrievalDocument], parameters: LexicalIndex.Parameters = .init(), dense: DenseIndex? = nil,
        abstention: AbstentionRule = .calibrated
    ) {
        self.documents = documents
        self.lexical = LexicalIndex(documents: documents, parameters: parameters)
        self.dense = dense
        self.abstention = abstention
    }

    public init(knowledgeBase: KnowledgeBase, parameters: LexicalIndex.Parameters = .init(), abstention: AbstentionRule = .calibrated) {
        self.init(documents: knowledgeBase.sorted.map(RetrievalDocument.init(procedure:)), parameters: parameters, abstention: abstention)
    }

    private init(copying other: RetrievalIndex, dense: DenseIndex?, abstention: AbstentionRule) {
        self.documents = other.documents
        self.lexical = other.lexical
        self.dense = dense
        self.abstention = abstention
        self.fusionDepth = other.fusionDepth
    }

    /// The same index with passage vectors from `provider`.
    public func withDenseVectors(from provider: some EmbeddingProvider) async throws -> RetrievalIndex {
        RetrievalIndex(copying: self, dense: try await DenseIndex.build(documents: documents, provider: provider), abstention: abstention)
    }

    public func with(abstention: AbstentionRule) -> RetrievalIndex {
        RetrievalIndex(copying: self, dense: dense, abstention: abstention)
    }

    /// Ranks procedures for `question`; `queryVector` is the question's embedding when a dense index exists.
    public func search(_ question: String, queryVector: [Float]? = nil, limit: Int = 5) throws -> RetrievalResult {
        let depth = max(limit, fusionDepth)
        let (lexicalHits, ideal) = lexical.search(question, limit: depth)
        let confidence = ideal > 0 ? (lexicalHits.first?.score ?? 0) / ideal : 0
        var denseHits: [(document: Int, score: Float)] = []
        if let dense, let queryVector { denseHits = try dense.search(queryVector, limit: depth) }

        var lexicalByDocument: [Int: (rank: Int, score: Float)] = [:]
        for (rank, hit) in lexicalHits.enumerated() { lexicalByDocument[hit.document] = (rank + 1, hit.score) }
        var denseByDocument: [Int: (rank: Int, score: Float)] = [:]
        for (rank, hit) in denseHits.enumerated() { denseByDocument[hit.document] = (rank + 1, hit.score) }

        // A retriever that is not sure of its own best match does not vote: weak lexical matches (a shared
        // n-gram) would otherwise outvote a clear dense match in the fusion, and the reverse.
        let bestDense = denseHits.first?.score
        let lexicalSure = confidence >= abstention.minimumLexicalConfidence
        let denseSure = bestDense.map { $0 >= abstention.minimumDenseSimilarity } ?? false
        var rankings: [[Int]] = []
        if lexicalSure || !denseSure { rankings.append(lexicalHits.map(\.document)) }
        if !denseHits.isEmpty, denseSure || !lexicalSure { rankings.append(denseHits.map(\.document)) }
        let order: [(document: Int, score: Double)] =
            denseHits.isEmpty
            ? lexicalHits.map { ($0.document, Double($0.score)) }
            : RankFusion.reciprocalRank(rankings)
        let candidates = order.prefix(limit).map { entry in
            RetrievalHit(
                id: documents[entry.document].id, score: entry.score,
                lexicalScore: lexicalByDocument[entry.document]?.score, lexicalRank: lexicalByDocument[entry.document]?.rank,
                denseSimilarity: denseByDocument[entry.document]?.score, denseRank: denseByDocument[entry.document]?.rank
            )
        }
        return RetrievalResult(
            candidates: candidates, abstained: candidates.isEmpty || !(lexicalSure || denseSure),
            lexicalConfidence: confidence, bestDenseSimilarity: bestDense
        )
    }

    /// Ranks procedures, embedding the question through `provider` when the index has vectors.
    public func search(_ question: String, provider: (any EmbeddingProvider)?, limit: Int = 5) async throws -> RetrievalResult {
        var vector: [Float]?
        if dense != nil, let provider {
            let vectors = try await provider.embed([question], role: .query)
            guard vectors.count == 1 else { throw DenseIndexError.wrongCount(expected: 1, received: vectors.count) }
            vector = vectors[0]
        }
        return try search(question, queryVector: vector, limit: limit)
    }
}
