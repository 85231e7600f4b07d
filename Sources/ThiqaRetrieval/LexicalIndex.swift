import Foundation

/// BM25 over folded words, cross-script skeletons and character n-grams, with fields weighted (titles and keywords
/// of every form above summaries above the body). Immutable once built.
public struct LexicalIndex: Sendable {
    public struct Parameters: Sendable, Hashable {
        public var k1: Float = 1.2
        public var b: Float = 0.75
        /// Weight of each `FeatureKind`'s BM25 score in the sum, in `FeatureKind` order.
        public var kindWeights: [Float] = [1.0, 0.7, 0.25, 0.2]
        public var headingWeight: Float = 3
        public var summaryWeight: Float = 1.5
        public var bodyWeight: Float = 1

        public init() {}
    }

    struct Posting: Sendable {
        var document: Int32
        /// Field-weighted term frequency.
        var frequency: Float
    }

    public let parameters: Parameters
    public let documentIDs: [String]
    let vocabulary: [String: Int32]
    let kinds: [UInt8]
    let postings: [[Posting]]
    /// Field-weighted length per document, per kind: `lengths[kind * documentCount + document]`.
    let lengths: [Float]
    let averageLengths: [Float]

    public var documentCount: Int { documentIDs.count }
    public var featureCount: Int { vocabulary.count }

    public init(documents: [RetrievalDocument], parameters: Parameters = Parameters()) {
        self.parameters = parameters
        let kindCount = FeatureKind.allCases.count
        var vocabulary: [String: Int32] = [:]
        var kinds: [UInt8] = []
        var postings: [[Posting]] = []
        var lengths = [Float](repeating: 0, count: kindCount * documents.count)
        for (index, document) in documents.enumerated() {
            var features: [String: Float] = [:]
            for text in document.headings {
                Analyzer.addFeatures(of: text, weight: parameters.headingWeight, grams: true, to: &features)
            }
            for text in document.summaries {
                Analyzer.addFeatures(of: text, weight: parameters.summaryWeight, grams: true, to: &features)
            }
            for text in document.body {
                Analyzer.addFeatures(of: text, weight: parameters.bodyWeight, grams: false, to: &features)
            }
            for (feature, frequency) in features {
                let kind = FeatureKind(tag: feature.first!)!.rawValue
                lengths[kind * documents.count + index] += frequency
                let id: Int32
                if let known = vocabulary[feature] {
                    id = known
                } else {
                    id = Int32(postings.count)
                    vocabulary[feature] = id
                    kinds.append(UInt8(kind))
                    postings.append([])
                }
                postings[Int(id)].append(Posting(document: Int32(index), frequency: frequency))
            }
        }
        var averages = [Float](repeating: 1, count: kindCount)
        if !documents.isEmpty {
            for kind in 0..<kindCount {
                let slice = lengths[(kind * documents.count)..<((kind + 1) * documents.count)]
                averages[kind] = max(slice.reduce(0, +) / Float(documents.count), 1)
            }
        }
        self.documentIDs = documents.map(\.id)
        self.vocabulary = vocabulary
        self.kinds = kinds
        self.postings = postings
        self.lengths = lengths
        self.averageLengths = averages
    }

    /// Inverse document frequency (BM25's, always positive); a feature no document has gets the highest.
    func idf(documentFrequency: Int) -> Float {
        let n = Float(documentCount)
        let df = Float(documentFrequency)
        return Float(log(1 + Double((n - df + 0.5) / (df + 0.5))))
    }

    /// Scores of every document that shares a feature with the question, best first, and the question's ideal
    /// score for judging how much of it was matched: the script-neutral features (skeletons and their n-grams)
    /// each matched once at average length, since those are what a document in any script can match.
    public func search(_ question: String, limit: Int) -> (hits: [(document: Int, score: Float)], ideal: Float) {
        let features = Analyzer.queryFeatures(question)
        var scores = [Float](repeating: 0, count: documentCount)
        var touched: [Int32] = []
        var ideal: Float = 0
        let k1 = parameters.k1
        let b = parameters.b
        for feature in features {
            let kind = Int(FeatureKind(tag: feature.first!)!.rawValue)
            let weight = parameters.kindWeights[kind]
            let neutral = kind == FeatureKind.skeleton.rawValue || kind == FeatureKind.skeletonGram.rawValue
            guard let id = vocabulary[feature] else {
                if neutral { ideal += weight * idf(documentFrequency: 0) }
                continue
            }
            let list = postings[Int(id)]
            let idf = idf(documentFrequency: list.count)
            if neutral { ideal += weight * idf }
            let scale = weight * idf * (k1 + 1)
            let lengthBase = kind * documentCount
            let norm = k1 * b / averageLengths[kind]
            let constant = k1 * (1 - b)
            for posting in list {
                let document = Int(posting.document)
                let frequency = posting.frequency
                let denominator = frequency + constant + norm * lengths[lengthBase + document]
                if scores[document] == 0 { touched.append(posting.document) }
                scores[document] += scale * frequency / denominator
            }
        }
        let hits = TopK.select(touched.map { (Int($0), scores[Int($0)]) }, limit: limit)
        return (hits, ideal)
    }

    /// Bytes held by the index's own storage (postings, vocabulary keys, lengths), not counting allocator slack.
    public var storageBytes: Int {
        var bytes = postings.reduce(0) { $0 + $1.capacity * MemoryLayout<Posting>.stride + 32 }
        bytes += vocabulary.keys.reduce(0) { $0 + max($1.utf8.count, 16) + MemoryLayout<Int32>.stride + 8 }
        bytes += lengths.count * 4 + kinds.count
        bytes += documentIDs.reduce(0) { $0 + $1.utf8.count + 16 }
        return bytes
    }
}

enum TopK {
    /// The `limit` best pairs by score (ties by index, so results are stable), best first.
    static func select(_ items: [(Int, Float)], limit: Int) -> [(document: Int, score: Float)] {
        guard limit > 0 else { return [] }
        let ordered = { (lhs: (Int, Float), rhs: (Int, Float)) -> Bool in
            lhs.1 != rhs.1 ? lhs.1 > rhs.1 : lhs.0 < rhs.0
        }
        if items.count <= limit * 4 {
            return items.sorted(by: ordered).prefix(limit).map { ($0.0, $0.1) }
        }
        var best: [(Int, Float)] = []
        best.reserveCapacity(limit + 1)
        for item in items {
            if best.count == limit, let last = best.last, !ordered(item, last) { continue }
            let position = best.firstIndex { ordered(item, $0) } ?? best.count
            best.insert(item, at: position)
            if best.count > limit { best.removeLast() }
        }
        return best.map { ($0.0, $0.1) }
    }
}
