/// The seven language forms the assistant serves, with the codes used everywhere in Thiqa (knowledge files,
/// language identification, question sets).
public enum LanguageForm: String, CaseIterable, Sendable, Hashable, Codable, Comparable {
    case french = "fr"
    case arabic = "ar"
    case darijaArabic = "ary-Arab"
    case darijaLatin = "ary-Latn"
    case amazighTifinagh = "zgh-Tfng"
    case amazighLatin = "ber-Latn"
    case english = "en"

    /// Forms every procedure must give its full practical text in (steps, documents, fees…).
    public static let required: [LanguageForm] = [.french, .arabic]

    public static func < (lhs: LanguageForm, rhs: LanguageForm) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
