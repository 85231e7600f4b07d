import Foundation

/// BM25 over folded words, cross-script skeletons and character n-grams, with fields weighted (titles and keywords
/// of every form above summaries above the body). Immutable once built.
///
/// Postings are stored flat (compressed sparse rows: one offsets array, one documents array, one weights array)
/// with each posting's BM25 term-frequency part precomputed and quantised to 16 bits, so that a query only
/// multiplies by the feature's idf and kind weight, and the index costs 6 bytes per posting.
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

    public let parameters: Parameters
    public let documentIDs: [String]
    let vocabulary: [String: Int32]
    let kinds: [UInt8]
    /// Postings of feature `f` are `offsets[f] ..< offsets[f + 1]` in `documents` and `weights`.
    let offsets: [Int32]
    let documents: [Int32]
    /// BM25's tf part, tf·(k1+1) / (tf + k1·(1 − b + b·len/avg)), in units of (k1+1)/65535.
    let weights: [UInt16]

    public var documentCount: Int { documentIDs.count }
    public var featureCount: Int { vocabulary.count }
    public var postingCount: Int { documents.count }

    public init(documents input: [RetrievalDocument], parameters: Parameters = Parameters()) {
        self.parameters = parameters
        let kindCount = FeatureKind.allCases.count
        var builder = VocabularyBuilder()
        // Every (feature, document, weighted frequency) in document order, so each feature's postings come out sorted.
        var postingFeatures: [Int32] = []
        var postingDocuments: [Int32] = []
        var postingFrequencies: [Float] = []
        var lengths = [Float](repeating: 0, count: kindCount * input.count)
        var perDocument: [Int32: Float] = [:]
        for (index, document) in input.enumerated() {
            perDocument.removeAll(keepingCapacity: true)
            for text in document.headings { builder.add(text, weight: parameters.headingWeight, grams: true, to: &perDocument) }
            for text in document.summaries { builder.add(text, weight: parameters.summaryWeight, grams: true, to: &perDocument) }
            for text in document.body { builder.add(text, weight: parameters.bodyWeight, grams: false, to: &perDocument) }
            for (feature, frequency) in perDocument.sorted(by: { $0.key < $1.key }) {
                lengths[Int(builder.kinds[Int(feature)]) * input.count + index] += frequency
                postingFeatures.append(feature)
                postingDocuments.append(Int32(index))
                postingFrequencies.append(frequency)
            }
        }
        var averages = [Float](repeating: 1, count: kindCount)
        if !input.isEmpty {
            for kind in 0..<kindCount {
                let slice = lengths[(kind * input.count)..<((kind + 1) * input.count)]
                averages[kind] = max(slice.reduce(0, +) / Float(input.count), 1)
            }
        }
        // Counting sort by feature into compressed rows.
        let featureCount = builder.kinds.count
        var offsets = [Int32](repeating: 0, count: featureCount + 1)
        for feature in postingFeatures { offsets[Int(feature) + 1] += 1 }
        for feature in 0..<featureCount { offsets[feature + 1] += offsets[feature] }
        var next = offsets
        var documents = [Int32](repeating: 0, count: postingFeatures.count)
        var weights = [UInt16](repeating: 0, count: postingFeatures.count)
        let k1 = parameters.k1
        let b = parameters.b
        for posting in postingFeatures.indices {
            let feature = Int(postingFeatures[posting])
            let kind = Int(builder.kinds[feature])
            let document = Int(postingDocuments[posting])
            let frequency = postingFrequencies[posting]
            let length = lengths[kind * input.count + document]
            let part = frequency / (frequency + k1 * (1 - b + b * length / averages[kind]))  // in (0, 1)
            let slot = Int(next[feature])
            next[feature] += 1
            documents[slot] = Int32(document)
            weights[slot] = UInt16(max(1, min(65535, (part * 65535).rounded())))
        }
        self.documentIDs = input.map(\.id)
        self.vocabulary = builder.vocabulary
        self.kinds = builder.kinds
        self.offsets = offsets
        self.documents = documents
        self.weights = weights
    }

    /// Inverse document frequency (BM25's, always positive); a feature no document has gets the highest.
    func idf(documentFrequency: Int) -> Float {
        let n = Float(documentCount)
        let df = Float(documentFrequency)
        return Float(log(1 + Double((n - df + 0.5) / (df + 0.5))))
    }

    /// Scores of every document that shares a feature with the question, best first, and how much of the
    /// question the best one covers (`coverage(of:in:)`).
    public func search(_ question: String, limit: Int) -> (hits: [(document: Int, score: Float)], coverage: Float) {
        let words = Array(Set(Analyzer.terms(question)))
        var features: Set<String> = []
        for word in words { features.formUnion(Analyzer.wordFeatures(word, grams: true)) }
        var scores = [Float](repeating: 0, count: documentCount)
        var touched: [Int32] = []
        let unit = (parameters.k1 + 1) / 65535
        for feature in features {
            guard let id = vocabulary[feature] else { continue }
            let kind = Int(kinds[Int(id)])
            let start = Int(offsets[Int(id)])
            let end = Int(offsets[Int(id) + 1])
            let scale = parameters.kindWeights[kind] * idf(documentFrequency: end - start) * unit
            for posting in start..<end {
                let document = Int(documents[posting])
                if scores[document] == 0 { touched.append(Int32(document)) }
                scores[document] += scale * Float(weights[posting])
            }
        }
        let hits = TopK.select(touched.map { (Int($0), scores[Int($0)]) }, limit: limit)
        return (hits, hits.first.map { coverage(of: words, in: $0.document) } ?? 0)
    }

    /// Share of the question's words that `document` contains, each word weighing its idf (a word no document
    /// has weighs most: a question about something the base never mentions is not covered). A word counts fully
    /// when the document has it or its skeleton, partly by the share of its n-grams the document has (typos).
    /// Scores are not comparable across questions; this share is, which is what the abstention rule needs.
    public func coverage(of words: [Word], in document: Int) -> Float {
        var total: Float = 0
        var covered: Float = 0
        for word in words {
            var wordIDF: Float?
            var skeletonIDF: Float?
            var exact: Float = 0
            // How much a match on the skeleton alone proves: two consonants (`br`, `sl`) are shared by too many
            // unrelated words to prove anything, three only half (`demain` and ضمان share d-m-n).
            let consonants = Skeleton.of(word).count
            let skeletonTrust: Float = consonants >= 4 ? 1 : consonants == 3 ? 0.5 : 0
            var grams: [FeatureKind: (have: Int, all: Int)] = [:]
            for feature in Set(Analyzer.wordFeatures(word, grams: true)) {
                let kind = FeatureKind(tag: feature.first!)!
                let id = vocabulary[feature]
                let present = id.map { contains(feature: Int($0), document: document) } ?? false
                let featureIDF: Float? = id.map { self.idf(documentFrequency: Int(self.offsets[Int($0) + 1] - self.offsets[Int($0)])) }
                switch kind {
                case .word:
                    wordIDF = featureIDF
                    if present { exact = 1 }
                case .skeleton:
                    guard skeletonTrust > 0 else { continue }
                    if let featureIDF { skeletonIDF = max(skeletonIDF ?? featureIDF, featureIDF) }
                    if present { exact = max(exact, skeletonTrust) }
                case .wordGram, .skeletonGram:
                    grams[kind, default: (0, 0)].all += 1
                    if present { grams[kind, default: (0, 0)].have += 1 }
                }
            }
            let weight = wordIDF ?? skeletonIDF
            let share = grams.map { kind, count in
                Float(count.have) / Float(max(count.all, 1)) * (kind == .skeletonGram ? skeletonTrust : 1)
            }.max() ?? 0
            let wordWeight = weight ?? idf(documentFrequency: 0)
            total += wordWeight
            covered += wordWeight * max(exact, share)
        }
        return total > 0 ? covered / total : 0
    }

    /// Whether `document` is in the postings of `feature` (postings are sorted by document).
    func contains(feature: Int, document: Int) -> Bool {
        var low = Int(offsets[feature])
        var high = Int(offsets[feature + 1])
        let target = Int32(document)
        while low < high {
            let middle = (low + high) / 2
            if documents[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low < Int(offsets[feature + 1]) && documents[low] == target
    }

    /// Bytes held by the index's own storage (postings, vocabulary keys, offsets), not counting allocator slack.
    public var storageBytes: Int {
        var bytes = documents.count * 4 + weights.count * 2 + offsets.count * 4 + kinds.count
        bytes += vocabulary.keys.reduce(0) { $0 + max($1.utf8.count, 16) + MemoryLayout<Int32>.stride + 8 }
        bytes += documentIDs.reduce(0) { $0 + $1.utf8.count + 16 }
        return bytes
    }
}

/// Interns features while an index is built, analysing each distinct word once (words repeat across documents).
struct VocabularyBuilder {
    var vocabulary: [String: Int32] = [:]
    var kinds: [UInt8] = []
    private var wordsWithGrams: [Word: [Int32]] = [:]
    private var wordsWithoutGrams: [Word: [Int32]] = [:]

    mutating func add(_ text: String, weight: Float, grams: Bool, to features: inout [Int32: Float]) {
        for word in Analyzer.terms(text) {
            let ids: [Int32]
            if let cached = grams ? wordsWithGrams[word] : wordsWithoutGrams[word] {
                ids = cached
            } else {
                var interned: [Int32] = []
                for feature in Analyzer.wordFeatures(word, grams: grams) { interned.append(intern(feature)) }
                ids = interned
                if grams { wordsWithGrams[word] = ids } else { wordsWithoutGrams[word] = ids }
            }
            for id in ids { features[id, default: 0] += weight }
        }
    }

    private mutating func intern(_ feature: String) -> Int32 {
        if let id = vocabulary[feature] { return id }
        let id = Int32(kinds.count)
        vocabulary[feature] = id
        kinds.append(UInt8(FeatureKind(tag: feature.first!)!.rawValue))
        return id
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
