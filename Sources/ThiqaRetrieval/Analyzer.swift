/// The kinds of lexical feature a text yields. Each kind has its own BM25 length statistics and weight.
public enum FeatureKind: Int, CaseIterable, Sendable {
    /// A folded, lightly stemmed word in its own script.
    case word
    /// The word's cross-script consonant skeleton (`Skeleton`).
    case skeleton
    /// Character 3–5-grams of the word inside its boundaries: typos and spelling variants in one script.
    case wordGram
    /// Character 3-grams of the skeleton: spelling variants across scripts.
    case skeletonGram

    /// One-letter prefix that keeps kinds apart in the shared vocabulary.
    var tag: Character {
        switch self {
        case .word: "w"
        case .skeleton: "k"
        case .wordGram: "g"
        case .skeletonGram: "h"
        }
    }

    init?(tag: Character) {
        guard let kind = FeatureKind.allCases.first(where: { $0.tag == tag }) else { return nil }
        self = kind
    }
}

/// Turns text into weighted lexical features, the same way for documents and questions.
public enum Analyzer {
    /// Words of `text` that carry meaning: folded, stop words removed, lightly stemmed.
    public static func terms(_ text: String) -> [Word] {
        Tokenizer.words(TextFolding.fold(text)).compactMap { word in
            if StopWords.all.contains(word.text) { return nil }
            let stemmed = stem(word)
            if stemmed.text.count < 2, stemmed.script != .digits { return nil }
            return stemmed
        }
    }

    /// Adds the features of `text` to `features`, each occurrence weighing `weight`; character n-grams only when
    /// `grams` (short fields: titles, keywords, summaries).
    public static func addFeatures(of text: String, weight: Float, grams: Bool, to features: inout [String: Float]) {
        for word in terms(text) {
            for feature in wordFeatures(word, grams: grams) { features[feature, default: 0] += weight }
        }
    }

    /// The features one word yields (an n-gram repeated inside the word appears as often as it occurs).
    static func wordFeatures(_ word: Word, grams: Bool) -> [String] {
        var features = ["w" + word.text]
        guard word.script != .digits else { return features }
        let skeleton = Skeleton.of(word)
        if skeleton.count >= 2 {
            features.append("k" + skeleton)
            // A glued article (`lcarte`, `لاكارط`) must not hide the noun (`carte`, `كارط`).
            if skeleton.first == "l", skeleton.count >= 3 { features.append("k" + skeleton.dropFirst()) }
        }
        guard grams else { return features }
        if word.text.count >= 3 { addGrams(of: word.text, sizes: 3...5, tag: "g", to: &features) }
        if skeleton.count >= 2 { addGrams(of: skeleton, sizes: 3...3, tag: "h", to: &features) }
        return features
    }

    /// Distinct features of a question (a feature counts once however often it is typed).
    public static func queryFeatures(_ text: String) -> [String] {
        var features: [String: Float] = [:]
        addFeatures(of: text, weight: 1, grams: true, to: &features)
        return features.keys.sorted()
    }

    static func addGrams(of text: String, sizes: ClosedRange<Int>, tag: Character, to features: inout [String]) {
        let padded = Array("^" + text + "$")
        for size in sizes where padded.count >= size {
            for start in 0...(padded.count - size) {
                var gram = String(tag)
                gram.append(contentsOf: padded[start..<(start + size)])
                features.append(gram)
            }
        }
    }

    /// Arabic: the article and its glued prepositions (ال، وال، بال، فال، كال، لل); Latin: a plural -s.
    static func stem(_ word: Word) -> Word {
        switch word.script {
        case .arabic:
            for prefix in arabicPrefixes where word.text.hasPrefix(prefix) && word.text.count - prefix.count >= 2 {
                return Word(text: String(word.text.dropFirst(prefix.count)), script: .arabic)
            }
            return word
        case .latin:
            if word.text.count > 3, word.text.hasSuffix("s"), !word.text.hasSuffix("ss") {
                return Word(text: String(word.text.dropLast()), script: .latin)
            }
            return word
        default:
            return word
        }
    }

    static let arabicPrefixes = ["وال", "بال", "فال", "كال", "لل", "ال"]
}
