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

        let total = Double(letters.reduce(0, +))
        let scriptShare = Double(letters[dominantScript.rawValue]) / total
        let dominantTokens = tokens.filter { $0.script == dominantScript }
        let (language, confidence) = self.classify(dominantTokens, script: dominantScript)

        var presence: [LanguageTag: Int] = [:]
        // Another script with real words in it (not only acronyms such as CNSS) is another language present.
        for script in [Script.latin, .arabic, .tifinagh] where script != dominantScript {
            let words = tokens.filter { $0.script == script && !$0.isAcronym && $0.letterCount >= 2 }
            guard !words.isEmpty else { continue }
            let (other, _) = self.classify(words, script: script)
            if other != language && other != .undetermined { presence[other, default: 0] += words.count * 10 }
        }
        // Within the dominant script, single words that clearly belong to another language (Darija with French).
        if dominantTokens.count >= 3 {
            var votes: [LanguageTag: Int] = [:]
            for token in dominantTokens where !token.isAcronym && token.letterCount >= 4 {
                let (word, wordConfidence) = self.classify([token], script: dominantScript)
                if word != language && wordConfidence >= Self.wordVoteConfidence { votes[word, default: 0] += 1 }
            }
            for (other, count) in votes where count >= 2 && Double(count) >= 0.2 * Double(dominantTokens.count) {
                presence[other, default: 0] += count
            }
        }
        let others = presence.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue }.map(\.key)
        return LanguageIdentification(language: language, confidence: confidence * scriptShare, others: others)
    }

    static let wordVoteConfidence = 0.9

    private func classify(_ tokens: [Token], script: Script) -> (LanguageTag, Double) {
        switch script {
        case .tifinagh:
            return (.amazighTifinagh, 1)
        case .other:
            return (.undetermined, 0)
        case .arabic, .latin:
            let model = script == .arabic ? self.models.arabic : self.models.latin
            let (scores, features) = model.scores(tokens)
            guard features > 0 else {
                // Nothing seen in training: fall back on the most common language of the script.
                return (script == .arabic ? .darijaArabic : .french, 1 / Double(model.labels.count))
            }
            let posterior = Self.softmax(scores, temperature: TrainedModels.temperature(features: features))
            var best = 0
            for index in posterior.indices where posterior[index] > posterior[best] { best = index }
            return (model.labels[best], posterior[best])
        }
    }

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

    init(corpus: [(LanguageTag, String)]) {
        var latin: [(LanguageTag, [Token])] = []
        var arabic: [(LanguageTag, [Token])] = []
        for (label, text) in corpus {
            let tokens = Tokenizer.tokens(text)
            // Each model learns only from words in its own script (a French word inside Darija-in-Arabic
            // training text teaches the Latin model nothing about Darija).
            let latinTokens = tokens.filter { $0.script == .latin }
            let arabicTokens = tokens.filter { $0.script == .arabic }
            switch label {
            case .arabic, .darijaArabic: arabic.append((label, arabicTokens))
            case .french, .english, .spanish, .darijaLatin, .amazighLatin: latin.append((label, latinTokens))
            case .amazighTifinagh, .undetermined: break
            }
        }
        self.latin = NaiveBayesModel(training: latin)
        self.arabic = NaiveBayesModel(training: arabic)
    }

    /// Naive Bayes adds up correlated n-gram evidence as if independent; dividing by a temperature that grows with
    /// the number of features keeps the posterior from claiming certainty on a three-word message.
    static func temperature(features: Int) -> Double {
        1 + Double(features) / 8
    }
}
