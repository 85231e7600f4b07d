/// The language forms Thiqa tells apart, as BCP 47 tags (script subtags where one language is written two ways).
public enum LanguageTag: String, Sendable, Hashable, Codable, CaseIterable {
    case french = "fr"
    /// Modern Standard Arabic.
    case arabic = "ar"
    /// Moroccan Arabic (Darija) in Arabic script.
    case darijaArabic = "ary-Arab"
    /// Moroccan Arabic (Darija) in Latin letters ("Arabizi"), digits standing for letters (3 = ع, 7 = ح, 9 = ق, 2 = ء).
    case darijaLatin = "ary-Latn"
    /// Standard Moroccan Amazigh in Tifinagh.
    case amazighTifinagh = "zgh-Tfng"
    /// Amazigh (Tashelhit, Central Atlas, Tarifit, Kabyle) in Latin letters.
    case amazighLatin = "ber-Latn"
    case english = "en"
    case spanish = "es"
    /// Empty input, or nothing written in a script this identifier knows.
    case undetermined = "und"
}

/// What `LanguageIdentifier.identify(_:)` found in one text.
public struct LanguageIdentification: Sendable, Hashable {
    /// The language most of the text is written in (`.undetermined` when there is nothing to judge).
    public var language: LanguageTag
    /// How sure the identifier is of `language`, from 0 to 1; roughly the share of such answers that are right.
    public var confidence: Double
    /// Other languages with a clear presence in a code-switched text, most present first; never contains `language`.
    public var others: [LanguageTag]

    public init(language: LanguageTag, confidence: Double, others: [LanguageTag]) {
        self.language = language
        self.confidence = confidence
        self.others = others
    }

    static let undetermined = LanguageIdentification(language: .undetermined, confidence: 0, others: [])
}
