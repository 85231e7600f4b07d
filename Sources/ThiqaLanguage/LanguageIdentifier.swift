#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Identifies the language of short citizen messages: French, Modern Standard Arabic, Darija in Arabic and in Latin
/// letters, Amazigh in Tifinagh and in Latin letters, English and Spanish.
///
/// The script decides first (Tifinagh can only be Amazigh; Arabic script is Arabic or Darija; Latin letters are
/// French, English, Spanish, Darija or Amazigh); a naive Bayes model per script then weighs words and character
/// n-grams learnt from the training corpus compiled into this module. The model is trained once per process, on
/// first use.
public struct LanguageIdentifier: Sendable {
    private let models: TrainedModels

    public init() {
        self.models = TrainedModels.shared
    }

    public func identify(_ text: String) -> LanguageIdentification {
        let tokens = Tokenizer.tokens(text)
        var letters = [Int](repeating: 0, count: Script.allCases.count)
        for token in tokens { letters[token.script.rawValue] += token.letterCount }
        guard let dominantScript = Script.allCases.max(by: { letters[$0.rawValue] < letters[$1.rawValue] }),
            letters[dominantScript.rawValue] > 0, dominantScript != .other
        else { return .undetermined }

        let scriptShare = Double(letters[dominantScript.rawValue]) / Double(letters.reduce(0, +))
        let dominant = self.segment(tokens, script: dominantScript)
        var language = dominant.language
        var confidence = dominant.confidence
        var presence: [LanguageTag: Int] = [:]
        let wordCount = dominant.wordCount

        func isClear(_ count: Int) -> Bool { count >= 2 && Double(count) >= Self.presenceShare * Double(wordCount) }

        // Darija and Amazigh are the matrix languages of Moroccan code-switching: French words around two clear
        // Darija words make Darija with French, not French with Darija.
        if [.french, .english, .spanish].contains(language) {
            for matrix in [LanguageTag.darijaLatin, .amazighLatin] where isClear(dominant.votes[matrix] ?? 0) {
                presence[language, default: 0] += dominant.votes[language] ?? 1
                language = matrix
                confidence = min(confidence, Double(dominant.votes[matrix] ?? 0) / Double(wordCount) + 0.5)
                break
            }
        }
        // One unmistakable word is enough to mention a language (3afak in French, azul before French).
        for (other, count) in dominant.votes where other != language {
            if isClear(count) || (dominant.surest[other] ?? 0) >= Self.singleWordConfidence { presence[other, default: 0] += count }
        }

        // Another script with real words in it (not only acronyms such as CNSS) is another language present.
        for script in [Script.latin, .arabic, .tifinagh] where script != dominantScript {
            let words = tokens.filter { $0.script == script && !$0.isAcronym && $0.letterCount >= 2 }
            guard !words.isEmpty else { continue }
            let other = self.segment(words, script: script, votes: false).language
            if other != language { presence[other, default: 0] += words.count }
        }
        presence[language] = nil
        let others = presence.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue }.map(\.key)
        return LanguageIdentification(language: language, confidence: confidence * scriptShare, others: others)
    }

    /// The verdict on the words of one script, and the words that alone clearly name a language.
    private struct Segment {
        var language: LanguageTag
        var confidence: Double
        var wordCount: Int
        var votes: [LanguageTag: Int] = [:]
        var surest: [LanguageTag: Double] = [:]
    }

    private func segment(_ allTokens: [Token], script: Script, votes wantVotes: Bool = true) -> Segment {
        let tokens = allTokens.filter { $0.script == script }
        switch script {
        case .tifinagh:
            return Segment(language: .amazighTifinagh, confidence: 1, wordCount: tokens.count)
        case .other:
            return Segment(language: .undetermined, confidence: 0, wordCount: tokens.count)
        case .arabic, .latin:
            break
        }
        let model = script == .arabic ? self.models.arabic : self.models.latin
        let width = model.labels.count
        var totals = [Float](repeating: 0, count: width)
        var tokenTotals = [Float](repeating: 0, count: width)
        var features = 0
        var segment = Segment(language: .undetermined, confidence: 0, wordCount: tokens.count)
        // Each word's own scores add up to the segment's, so the word votes cost no second pass.
        for token in tokens {
            for column in 0..<width { tokenTotals[column] = 0 }
            let tokenFeatures = model.accumulate(token, into: &tokenTotals)
            features += tokenFeatures
            for column in 0..<width { totals[column] += tokenTotals[column] }
            guard wantVotes, tokens.count >= 3, tokenFeatures > 0, !token.isAcronym, token.scalars.count >= 3 else { continue }
            let (best, posterior) = Self.best(tokenTotals, features: tokenFeatures)
            guard posterior >= Self.wordVoteConfidence else { continue }
            segment.votes[model.labels[best], default: 0] += 1
            segment.surest[model.labels[best]] = max(segment.surest[model.labels[best]] ?? 0, posterior)
        }
        guard features > 0 else {
            // Nothing seen in training: fall back on the most common language of the script.
            segment.language = script == .arabic ? .darijaArabic : .french
            segment.confidence = 1 / Double(width)
            return segment
        }
        let (best, posterior) = Self.best(totals, features: features)
        segment.language = model.labels[best]
        segment.confidence = posterior
        return segment
    }

    /// The best label and its softmax posterior, without building the whole distribution.
    private static func best(_ scores: [Float], features: Int) -> (index: Int, posterior: Double) {
        var best = 0
        for index in scores.indices where scores[index] > scores[best] { best = index }
        let temperature = TrainedModels.temperature(features: features)
        let top = Double(scores[best])
        var sum = 0.0
        for score in scores { sum += exp((Double(score) - top) / temperature) }
        return (best, 1 / sum)
    }

    /// A word votes for a language when it alone gives that language at least this posterior.
    static let wordVoteConfidence = 0.9
    /// A language is present on a single word when that word gives it at least this posterior.
    static let singleWordConfidence = 0.98
    /// A language is present when at least two words, and this share of the words, vote for it.
    static let presenceShare = 0.15

    static func softmax(_ scores: [Double], temperature: Double) -> [Double] {
        let top = scores.max() ?? 0
        let weights = scores.map { exp(($0 - top) / temperature) }
        let sum = weights.reduce(0, +)
        return weights.map { $0 / sum }
    }
}

/// The two statistical models, trained once from `TrainingCorpus`.
struct TrainedModels: Sendable {
    let latin: NaiveBayesModel
    let arabic: NaiveBayesModel

    static let shared = TrainedModels(corpus: TrainingCorpus.all)

    /// Lexicon words count as this many occurrences each: they are the words a one- or two-word message is made of,
    /// and a list mentions each only once (chosen by 5-fold cross-validation on the corpus).
    static let lexiconWeight = 3.0

    init(
        corpus: [(LanguageTag, messages: String, lexicon: String)],
        parameters: NaiveBayesModel.Parameters = NaiveBayesModel.Parameters()
    ) {
        var latin: [NaiveBayesModel.Example] = []
        var arabic: [NaiveBayesModel.Example] = []
        for (label, messages, lexicon) in corpus {
            for (text, weight) in [(messages, 1.0), (lexicon, Self.lexiconWeight)] {
                let tokens = Tokenizer.tokens(text)
                // Each model learns only from words in its own script (a French word inside Darija-in-Arabic
                // training text teaches the Latin model nothing about Darija).
                switch label {
                case .arabic, .darijaArabic:
                    arabic.append(.init(label: label, tokens: tokens.filter { $0.script == .arabic }, weight: weight))
                case .french, .english, .spanish, .darijaLatin, .amazighLatin:
                    latin.append(.init(label: label, tokens: tokens.filter { $0.script == .latin }, weight: weight))
                case .amazighTifinagh, .undetermined:
                    break
                }
            }
        }
        self.latin = NaiveBayesModel(training: latin, parameters: parameters)
        self.arabic = NaiveBayesModel(training: arabic, parameters: parameters)
    }

    /// Naive Bayes adds up correlated n-gram evidence as if independent; dividing by a temperature that grows with
    /// the number of features keeps the posterior from claiming certainty on a three-word message.
    /// a + b · features, fitted by 5-fold cross-validation on the corpus (lines and 1–3-word fragments).
    static func temperature(features: Int) -> Double {
        4 + 0.1 * Double(features)
    }
}
