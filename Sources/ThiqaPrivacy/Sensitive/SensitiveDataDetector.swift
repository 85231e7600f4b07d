/// Scores and thresholds of the sensitive-data verdict.
public struct SensitivityThresholds: Sendable, Codable, Equatable, Hashable {
    /// A category scored at or above this is sensitive.
    public var sensitive: Double
    /// A message whose highest score is at or above this (and below `sensitive`) is uncertain.
    public var uncertain: Double

    /// Tuned on the dev set (eval/privacy/sensitive/dev.jsonl), never on the held-out set.
    public static let standard = SensitivityThresholds(sensitive: SensitiveModel.sensitiveThreshold, uncertain: SensitiveModel.uncertainThreshold)

    public init(sensitive: Double, uncertain: Double) {
        precondition(0 <= uncertain && uncertain <= sensitive && sensitive <= 1, "thresholds must satisfy 0 <= uncertain <= sensitive <= 1")
        self.sensitive = sensitive
        self.uncertain = uncertain
    }
}

/// Languages and scripts the detector has lexicons for; a hint outside this list makes the verdict fall back to
/// the policy's rule for unrecognised languages.
public enum SensitiveLanguage: String, Sendable, Codable, CaseIterable, Hashable {
    case french = "fr"
    case arabic = "ar"
    case darijaArabic = "ary-Arab"
    case darijaLatin = "ary-Latn"
    case amazighTifinagh = "zgh-Tfng"
    case amazighLatin = "ber-Latn"
    case english = "en"

    /// Accepts the forms above and the bare codes a language identifier may give (`ary`, `zgh`, `ber`, `tzm`, `shi`,
    /// `rif`, `kab`, with or without a script suffix).
    public init?(code: String) {
        let lower = code.lowercased()
        if let exact = SensitiveLanguage.allCases.first(where: { $0.rawValue.lowercased() == lower }) {
            self = exact
            return
        }
        let parts = lower.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let base = parts.first else { return nil }
        let script = parts.dropFirst().first.map(String.init)
        switch base {
        case "fr", "fra": self = .french
        case "ar", "ara", "arb": self = .arabic
        case "en", "eng": self = .english
        case "ary": self = script == "latn" ? .darijaLatin : .darijaArabic
        case "zgh", "ber", "tzm", "shi", "rif", "kab", "tmz": self = script == "tfng" ? .amazighTifinagh : (base == "zgh" && script == nil ? .amazighTifinagh : .amazighLatin)
        default: return nil
        }
    }
}

/// The detector's view of one message: a calibrated probability per category that the message reveals a fact
/// of that kind about an identifiable person (see `SensitiveCategory` for what counts).
public struct SensitivityAssessment: Sendable, Equatable {
    /// Probability per category, 0...1; every category is present.
    public var scores: [SensitiveCategory: Double]
    public var thresholds: SensitivityThresholds
    /// False when the caller's language hint names a language without lexicons, or the text is written mostly in
    /// a script other than Latin, Arabic and Tifinagh: the detector cannot read it and says so.
    public var languageRecognized: Bool

    public enum Verdict: Sendable, Equatable, Hashable {
        /// At least one category at or above the sensitive threshold.
        case sensitive(Set<SensitiveCategory>)
        /// No category is sensitive, but the highest score is at or above the uncertain threshold (the categories
        /// at that level are given), or the language was not recognised (then the set may be empty).
        case uncertain(Set<SensitiveCategory>)
        case notSensitive

        /// The categories of a `sensitive` verdict; empty otherwise.
        public var sensitiveCategories: Set<SensitiveCategory> {
            if case .sensitive(let categories) = self { return categories }
            return []
        }

        /// `sensitive`, `uncertain` or `not_sensitive`, for records and JSON.
        public var name: String {
            switch self {
            case .sensitive: "sensitive"
            case .uncertain: "uncertain"
            case .notSensitive: "not_sensitive"
            }
        }
    }

    /// Categories scored at or above `threshold`.
    public func categories(threshold: Double) -> Set<SensitiveCategory> {
        Set(self.scores.filter { $0.value >= threshold }.map(\.key))
    }

    public var highestScore: Double { self.scores.values.max() ?? 0 }

    public var verdict: Verdict {
        let sensitive = self.categories(threshold: self.thresholds.sensitive)
        if !sensitive.isEmpty { return .sensitive(sensitive) }
        let leaning = self.categories(threshold: self.thresholds.uncertain)
        if !leaning.isEmpty || !self.languageRecognized { return .uncertain(leaning) }
        return .notSensitive
    }

    /// Stable strings for an interaction record: the verdict and each category with its score, never the words
    /// that triggered it (`sensitivity:sensitive`, `sensitive:health:0.93`).
    public var recordDecisions: [String] {
        let verdict = self.verdict
        var out = ["sensitivity:\(verdict.name)"]
        if !self.languageRecognized { out.append("sensitivity:language-not-recognised") }
        let shown = self.categories(threshold: self.thresholds.uncertain)
        for category in shown.sorted(by: { $0.rawValue < $1.rawValue }) {
            out.append("sensitive:\(category.rawValue):\(PrivacyReportJSON.number(self.scores[category] ?? 0))")
        }
        return out
    }
}

/// Detects sensitive data (law 09-08 art. 1, plus biometric data and criminal records) by reading context: lexicons
/// of conditions, treatments, practices and organisations per language, the cues that tie them to a person, and
/// those that make a message procedural, weighed by a logistic model trained on hand-written data
/// (eval/privacy/sensitive/README.md). Pure, allocation-light, no backend call; a 2 KB message takes tens of
/// microseconds.
public struct SensitiveDataDetector: Sendable {
    public var thresholds: SensitivityThresholds

    public init(thresholds: SensitivityThresholds = .standard) {
        self.thresholds = thresholds
    }

    /// Scores `text`. `language` is a hint from a language identifier (BCP 47 such as `fr`, `ary-Latn`, `zgh-Tfng`);
    /// without it the script is read from the text.
    public func assess(_ text: String, language: String? = nil) -> SensitivityAssessment {
        self.assess(reader: SensitiveReader(text), language: language)
    }

    /// `assess(prepared.text, language:)` from a text already normalised and cut into words.
    public func assess(_ prepared: PreparedText, language: String? = nil) -> SensitivityAssessment {
        self.assess(reader: SensitiveReader(prepared: prepared), language: language)
    }

    private func assess(reader: SensitiveReader, language: String?) -> SensitivityAssessment {
        let features = reader.features()
        let grams = SensitiveCharacterGrams.logits(norm: reader.norm, tokens: reader.tokens)
        return self.assessment(features: features, grams: grams, recognized: Self.recognized(reader: reader, hint: language))
    }

    func assessment(features: SensitiveFeatures, grams: [Double], recognized: Bool) -> SensitivityAssessment {
        var scores: [SensitiveCategory: Double] = [:]
        for category in SensitiveCategory.allCases {
            scores[category] = SensitiveModel.probability(category: category.index, features: features.values[category.index], gram: grams[category.index])
        }
        return SensitivityAssessment(scores: scores, thresholds: self.thresholds, languageRecognized: recognized)
    }

    /// The model inputs, for the training script (`privacy-bench --sensitive-features`).
    public static func featureVectors(_ text: String) -> [[Double]] {
        SensitiveReader(text).features().values
    }

    /// The hashed character-gram buckets of `text`, in text order, for the training script.
    public static func characterGramBuckets(_ text: String) -> [Int] {
        let reader = SensitiveReader(text)
        return SensitiveCharacterGrams.buckets(norm: reader.norm, tokens: reader.tokens)
    }

    /// The gram model's logit per category (`SensitiveCategory.allCases` order), for the training script and tests.
    public static func characterGramLogits(_ text: String) -> [SensitiveCategory: Double] {
        let reader = SensitiveReader(text)
        let logits = SensitiveCharacterGrams.logits(norm: reader.norm, tokens: reader.tokens)
        var out: [SensitiveCategory: Double] = [:]
        for category in SensitiveCategory.allCases { out[category] = logits[category.index] }
        return out
    }

    static func recognized(reader: SensitiveReader, hint: String?) -> Bool {
        if let hint { return SensitiveLanguage(code: hint) != nil }
        var known = 0
        var other = 0
        for token in reader.tokens {
            switch token.script {
            case .latin, .arabic, .tifinagh: known += token.letterCount
            case .other: other += token.letterCount
            case .none: continue
            }
        }
        return known + other == 0 || known >= other
    }
}
