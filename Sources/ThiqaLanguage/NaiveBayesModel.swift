#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A multinomial naive Bayes classifier over hashed features of words: the word itself and its character n-grams
/// (1 to 4, with word boundaries), one model per script.
///
/// Only features seen in training vote: a word no language has seen says nothing, instead of favouring the
/// language with the smallest corpus as add-α smoothing alone would.
struct NaiveBayesModel: Sendable {
    let labels: [LanguageTag]
    /// Feature hash → row in `logProbabilities` (one column per label).
    private let table: FeatureTable
    private let logProbabilities: [Float]

    struct Parameters: Sendable {
        var wordWeight: Float = 3
        var ngramSmoothing: Double = 0.5
        var wordSmoothing: Double = 0.2
        var maxNgram = 4
    }

    let parameters: Parameters

    /// Training text of one label, its words counted `weight` times each.
    struct Example: Sendable {
        var label: LanguageTag
        var tokens: [Token]
        var weight: Double
    }

    init(training: [Example], parameters: Parameters = Parameters()) {
        var labels: [LanguageTag] = []
        for example in training where !labels.contains(example.label) { labels.append(example.label) }
        self.labels = labels
        self.parameters = parameters
        let width = labels.count

        // Counts per feature and label, separately for whole words and for n-grams (two vocabularies).
        var table = FeatureTable(minimumCapacity: 1 << 16)
        var counts: [Double] = []
        var isWord: [Bool] = []
        var wordTotals = [Double](repeating: 0, count: width)
        var ngramTotals = [Double](repeating: 0, count: width)
        for example in training {
            let column = labels.firstIndex(of: example.label)!
            let weight = example.weight
            for token in example.tokens {
                Self.forEachFeature(of: token, maxNgram: parameters.maxNgram) { hash, word in
                    let row = Int(table.rowInserting(hash))
                    if row == isWord.count {
                        isWord.append(word)
                        counts.append(contentsOf: repeatElement(0, count: width))
                    }
                    counts[row * width + column] += weight
                    if word { wordTotals[column] += weight } else { ngramTotals[column] += weight }
                }
            }
        }
        let wordVocabulary = Double(isWord.filter { $0 }.count)
        let ngramVocabulary = Double(isWord.count) - wordVocabulary

        var logProbabilities = [Float](repeating: 0, count: counts.count)
        for row in isWord.indices {
            let word = isWord[row]
            let alpha = word ? parameters.wordSmoothing : parameters.ngramSmoothing
            let vocabulary = word ? wordVocabulary : ngramVocabulary
            let weight: Float = word ? parameters.wordWeight : 1
            for column in 0..<width {
                let total = word ? wordTotals[column] : ngramTotals[column]
                let p = (counts[row * width + column] + alpha) / (total + alpha * vocabulary)
                logProbabilities[row * width + column] = weight * Float(log(p))
            }
        }
        self.table = table
        self.logProbabilities = logProbabilities
    }

    /// Log-likelihood of the tokens under each label (same order as `labels`), and how many features voted.
    func scores(_ tokens: some Sequence<Token>) -> (scores: [Double], features: Int) {
        var totals = [Float](repeating: 0, count: self.labels.count)
        var features = 0
        for token in tokens { features += self.accumulate(token, into: &totals) }
        return (totals.map(Double.init), features)
    }

    /// Adds each label's log-likelihood of `token` to `totals`; returns how many of its features were seen in training.
    func accumulate(_ token: Token, into totals: inout [Float]) -> Int {
        var features = 0
        let width = self.labels.count
        Self.forEachFeature(of: token, maxNgram: self.parameters.maxNgram) { hash, _ in
            guard let row = self.table.row(for: hash) else { return }
            features += 1
            let base = Int(row) * width
            for column in 0..<width { totals[column] += self.logProbabilities[base + column] }
        }
        return features
    }

    /// Calls `body(hash, isWord)` for the word feature and every character n-gram of `" word "`.
    @inline(__always)
    static func forEachFeature(of token: Token, maxNgram: Int, _ body: (UInt64, Bool) -> Void) {
        let prime: UInt64 = 0x100_0000_01B3
        let scalars = token.scalars
        var word: UInt64 = 0xCBF2_9CE4_8422_2325
        for scalar in scalars { word = (word ^ UInt64(scalar.value)) &* prime }
        body((word ^ 0x5757) &* prime, true)

        // Boundaries are a space on both sides, so "ur" as a whole word differs from "ur" inside "bureau".
        let paddedCount = scalars.count + 2
        for start in 0..<paddedCount {
            var hash: UInt64 = 0x8422_2325_CBF2_9CE4
            var length = 0
            for index in start..<min(start + maxNgram, paddedCount) {
                let value: UInt32 = index == 0 || index == paddedCount - 1 ? 0x20 : scalars[index - 1].value
                hash = (hash ^ UInt64(value)) &* prime
                length += 1
                // A lone boundary is no evidence.
                if length == 1 && value == 0x20 { continue }
                body((hash ^ UInt64(length)) &* prime, false)
            }
        }
    }
}
