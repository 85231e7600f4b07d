import ThiqaKnowledge

/// When to answer "I don't know". Lexical only: when the best match covers too little of the question. With
/// dense vectors: unless the best match covers enough of the question *and* the best passage is close enough;
/// e5 similarities separate out-of-scope questions better than word coverage does, and requiring both keeps a
/// shared common word or a vaguely similar passage from answering alone. Thresholds are calibrated on the
/// development question set (eval/retrieval/questions.dev.jsonl), never on the held-out one.
public struct AbstentionRule: Sendable, Hashable {
    /// Share of the question the best lexical match covers (`LexicalIndex.coverage`), 0 to 1, without vectors.
    public var minimumLexicalConfidence: Float
    /// The same share, when dense vectors are there too.
    public var minimumLexicalConfidenceWithDense: Float
    /// Best cosine similarity of the question with a passage.
    public var minimumDenseSimilarity: Float

    public init(minimumLexicalConfidence: Float, minimumLexicalConfidenceWithDense: Float, minimumDenseSimilarity: Float) {
        self.minimumLexicalConfidence = minimumLexicalConfidence
        self.minimumLexicalConfidenceWithDense = minimumLexicalConfidenceWithDense
        self.minimumDenseSimilarity = minimumDenseSimilarity
    }

    public static let calibrated = AbstentionRule(
        minimumLexicalConfidence: 0.5, minimumLexicalConfidenceWithDense: 0.5, minimumDenseSimilarity: 0.83)
    /// Never abstain (for measuring ranking alone).
    public static let never = AbstentionRule(
        minimumLexicalConfidence: -.infinity, minimumLexicalConfidenceWithDense: -.infinity, minimumDenseSimilarity: -.infinity)

    /// Whether to answer, given the lexical coverage and, when vectors exist, the best dense similarity.
    public func answers(lexicalConfidence: Float, denseSimilarity: Float?) -> Bool {
        guard let denseSimilarity else { return lexicalConfidence >= minimumLexicalConfidence }
        return lexicalConfidence >= minimumLexicalConfidenceWithDense && denseSimilarity >= minimumDenseSimilarity
    }
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
    /// Share of the question the best lexical match covers, 0 to 1 (`LexicalIndex.coverage`).
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
    /// Below this coverage the best lexical match shares only stray n-grams with the question: its ranking is
    /// noise and stays out of the fusion when the dense side is sure.
    static let minimumCoverageToVote: Float = 0.25
    /// Weight of the dense ranking's votes in the fusion (the lexical ranking's is 1): on the development set,
    /// lexical matching is the more precise of the two (recall@3 0.99 against 0.98 with equal weights, 0.99 at 0.5).
    public var denseFusionWeight: Double = 0.5

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
        let (lexicalHits, confidence) = lexical.search(question, limit: depth)
        var denseHits: [(document: Int, score: Float)] = []
        if let dense, let queryVector { denseHits = try dense.search(queryVector, limit: depth) }

        var lexicalByDocument: [Int: (rank: Int, score: Float)] = [:]
        for (rank, hit) in lexicalHits.enumerated() { lexicalByDocument[hit.document] = (rank + 1, hit.score) }
        var denseByDocument: [Int: (rank: Int, score: Float)] = [:]
        for (rank, hit) in denseHits.enumerated() { denseByDocument[hit.document] = (rank + 1, hit.score) }

        // A retriever that is not sure of its own best match does not vote: weak lexical matches (a shared
        // n-gram) would otherwise outvote a clear dense match in the fusion, and the reverse.
        let bestDense = denseHits.first?.score
        let lexicalSure = confidence >= abstention.minimumLexicalConfidenceWithDense
        let denseSure = bestDense.map { $0 >= abstention.minimumDenseSimilarity } ?? false
        let lexicalVotes = confidence >= Self.minimumCoverageToVote || !denseSure
        var rankings: [[Int]] = []
        var weights: [Double] = []
        if lexicalVotes {
            rankings.append(lexicalHits.map(\.document))
            weights.append(1)
        }
        if !denseHits.isEmpty, denseSure || !lexicalSure {
            rankings.append(denseHits.map(\.document))
            weights.append(denseFusionWeight)
        }
        let order: [(document: Int, score: Double)] =
            denseHits.isEmpty
            ? lexicalHits.map { ($0.document, Double($0.score)) }
            : RankFusion.reciprocalRank(rankings, weights: weights)
        let candidates = order.prefix(limit).map { entry in
            RetrievalHit(
                id: documents[entry.document].id, score: entry.score,
                lexicalScore: lexicalByDocument[entry.document]?.score, lexicalRank: lexicalByDocument[entry.document]?.rank,
                denseSimilarity: denseByDocument[entry.document]?.score, denseRank: denseByDocument[entry.document]?.rank
            )
        }
        return RetrievalResult(
            candidates: candidates,
            abstained: candidates.isEmpty || !abstention.answers(lexicalConfidence: confidence, denseSimilarity: bestDense),
            lexicalConfidence: confidence, bestDenseSimilarity: bestDense
        )
    }

    /// Ranks procedures, embedding the question through `provider` when the index has vectors.
    public func search(_ question: String, provider: (any EmbeddingProvider)?, limit: Int = 5) async throws -> RetrievalResult {
        var vector: [Float]?
        if dense != nil, let provider {
            let readable = Transliteration.hasTifinagh(question) ? Transliteration.tifinaghToLatin(question) : question
            let vectors = try await provider.embed([readable], role: .query)
            guard vectors.count == 1 else { throw DenseIndexError.wrongCount(expected: 1, received: vectors.count) }
            vector = vectors[0]
        }
        return try search(question, queryVector: vector, limit: limit)
    }
}
