/// A term that supports a category in a message.
public struct SensitiveCategoryFinding: Sendable, Codable, Equatable, Hashable {
    public var category: SensitiveCategory
    /// Original Unicode-scalar offsets of the term, end exclusive.
    public var start: Int
    public var end: Int
    public var text: String
    /// The category's score for the whole message (not for the term alone).
    public var score: Double

    public init(category: SensitiveCategory, start: Int, end: Int, text: String, score: Double) {
        self.category = category
        self.start = start
        self.end = end
        self.text = text
        self.score = score
    }
}

/// The former keyword entry point, now answered by `SensitiveDataDetector`. Kept so callers that route on a
/// category set keep working; new code should call `SensitiveDataDetector.assess` and `SensitivityPolicy`.
public struct SensitiveCategoryDetector: Sendable {
    public let detector: SensitiveDataDetector

    public init(thresholds: SensitivityThresholds = .standard) {
        self.detector = SensitiveDataDetector(thresholds: thresholds)
    }

    /// Categories scored at or above the *uncertain* threshold: a caller that routes every non-empty result to
    /// sovereign backends thereby applies the default `SensitivityPolicy` (sensitive or uncertain: sovereign).
    public func categories(in text: String) -> Set<SensitiveCategory> {
        self.detector.assess(text).categories(threshold: self.detector.thresholds.uncertain)
    }

    /// The terms behind each category scored at or above the uncertain threshold, in text order. Offsets and
    /// text are for tools such as `thiqa scan`; interaction records must carry categories and scores only.
    public func detect(_ text: String) -> [SensitiveCategoryFinding] {
        if text.isEmpty { return [] }
        let reader = SensitiveReader(text)
        let features = reader.features()
        let grams = SensitiveCharacterGrams.logits(norm: reader.norm, tokens: reader.tokens)
        let assessment = self.detector.assessment(features: features, grams: grams, recognized: true)
        var out: [SensitiveCategoryFinding] = []
        for category in SensitiveCategory.allCases {
            let score = assessment.scores[category] ?? 0
            guard score >= self.detector.thresholds.uncertain else { continue }
            for span in features.spans[category.index] {
                let range = reader.norm.originalRange(span.lowerBound, span.upperBound)
                out.append(
                    SensitiveCategoryFinding(
                        category: category, start: range.lowerBound, end: range.upperBound, text: reader.norm.originalText(range),
                        score: (score * 100).rounded() / 100
                    )
                )
            }
        }
        return out.sorted { ($0.start, $0.category.index) < ($1.start, $1.category.index) }
    }
}
