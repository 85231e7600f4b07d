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
    private let rows: [UInt64: Int32]
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

        // Counts per feature and label, separately for whole words and for n-grams (two vocabularies).
        var counts: [UInt64: [Double]] = [:]
        var isWord: [UInt64: Bool] = [:]
        var wordTotals = [Double](repeating: 0, count: labels.count)
        var ngramTotals = [Double](repeating: 0, count: labels.count)
        for example in training {
            let column = labels.firstIndex(of: example.label)!
            let weight = example.weight
            for token in example.tokens {
                Self.forEachFeature(of: token, maxNgram: parameters.maxNgram) { hash, word in
                    counts[hash, default: [Double](repeating: 0, count: labels.count)][column] += weight
                    isWord[hash] = word
                    if word { wordTotals[column] += weight } else { ngramTotals[column] += weight }
                }
            }
        }
        let wordVocabulary = Double(isWord.values.filter { $0 }.count)
        let ngramVocabulary = Double(isWord.count) - wordVocabulary

        var rows: [UInt64: Int32] = [:]
        rows.reserveCapacity(counts.count)
        var logProbabilities: [Float] = []
        logProbabilities.reserveCapacity(counts.count * labels.count)
        for (hash, perLabel) in counts {
            let word = isWord[hash] ?? false
            let alpha = word ? parameters.wordSmoothing : parameters.ngramSmoothing
            let vocabulary = word ? wordVocabulary : ngramVocabulary
            let weight: Float = word ? parameters.wordWeight : 1
            rows[hash] = Int32(logProbabilities.count / labels.count)
            for column in labels.indices {
                let total = word ? wordTotals[column] : ngramTotals[column]
                let p = (perLabel[column] + alpha) / (total + alpha * vocabulary)
                logProbabilities.append(weight * Float(log(p)))
            }
        }
        self.rows = rows
        self.logProbabilities = logProbabilities
    }

    /// Log-likelihood of the tokens under each label (same order as `labels`), and how many features voted.
    func scores(_ tokens: some Sequence<Token>) -> (scores: [Double], features: Int) {
        var totals = [Float](repeating: 0, count: labels.count)
        var features = 0
        let width = labels.count
        for token in tokens {
            Self.forEachFeature(of: token, maxNgram: parameters.maxNgram) { hash, _ in
                guard let row = rows[hash] else { return }
                features += 1
                let base = Int(row) * width
                for column in 0..<width { totals[column] += logProbabilities[base + column] }
            }
        }
        return (totals.map(Double.init), features)
    }

    /// Calls `body(hash, isWord)` for the word feature and every character n-gram of `" word "`.
    static func forEachFeature(of token: Token, maxNgram: Int, _ body: (UInt64, Bool) -> Void) {
        let prime: UInt64 = 0x100_0000_01B3
        var word: UInt64 = 0xCBF2_9CE4_8422_2325
        for scalar in token.scalars { word = (word ^ UInt64(scalar.value)) &* prime }
        body((word ^ 0x5757) &* prime, true)

        // Boundaries are scalar 0x20 on both sides, so "ur" as a whole word differs from "ur" inside "bureau".
        let padded: [UInt32] = [0x20] + token.scalars.map(\.value) + [0x20]
        for start in padded.indices {
            var hash: UInt64 = 0x84222325_CBF29CE4
            var length = 0
            for index in start..<min(start + maxNgram, padded.count) {
                hash = (hash ^ UInt64(padded[index])) &* prime
                length += 1
                // A lone boundary is no evidence.
                if length == 1 && padded[index] == 0x20 { continue }
                body((hash ^ UInt64(length)) &* prime, false)
            }
        }
    }
}
