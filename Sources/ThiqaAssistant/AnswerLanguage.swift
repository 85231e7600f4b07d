import Foundation
import ThiqaKnowledge
import ThiqaLanguage

/// The language form an answer's frame is written in, and the one of the two full-text languages of the knowledge
/// base (French, Arabic) its steps are quoted in.
public struct AnswerLanguage: Sendable, Hashable {
    /// Greeting, headings, "I don't know", notes: in the person's own language form.
    public var frame: LanguageForm
    /// Steps, documents, fees, delay, place and contact: quoted from the procedure's French or Arabic text.
    public var quote: LanguageForm

    public init(frame: LanguageForm, quote: LanguageForm) {
        self.frame = frame
        self.quote = quote
    }

    public init(frame: LanguageForm) {
        self.init(frame: frame, quote: Self.closestFullText(to: frame))
    }

    /// Which full text a person writing in `form` reads more easily: the one in the same script. Darija and Amazigh in
    /// Latin letters are written by people schooled in French letters; in Arabic script or Tifinagh, by people
    /// schooled in Arabic (Tifinagh is taught beside Arabic in Moroccan schools).
    public static func closestFullText(to form: LanguageForm) -> LanguageForm {
        switch form {
        case .french, .english, .darijaLatin, .amazighLatin: .french
        case .arabic, .darijaArabic, .amazighTifinagh: .arabic
        }
    }

    /// Below this confidence the identifier's verdict gives way to the language the person chose (the web chat's
    /// switcher, `Accept-Language`).
    public static let minimumConfidence = 0.5

    /// The answer's language for `text`: the identified language when sure enough, else `preferred`, else French.
    public static func of(_ text: String, preferred: LanguageForm?, identifier: LanguageIdentifier) -> AnswerLanguage {
        let found = identifier.identify(text)
        if found.confidence >= minimumConfidence || preferred == nil, let form = LanguageForm(found.language) {
            return AnswerLanguage(frame: form)
        }
        return AnswerLanguage(frame: preferred ?? .french)
    }

    /// `rtl` for the forms written in Arabic script.
    public var direction: String { frame.isRightToLeft ? "rtl" : "ltr" }
}

extension LanguageForm {
    /// The assistant's form for an identified language; Spanish is answered with the English frame (the closest form
    /// Thiqa writes for it), nothing for an undetermined text.
    public init?(_ tag: LanguageTag) {
        switch tag {
        case .french: self = .french
        case .arabic: self = .arabic
        case .darijaArabic: self = .darijaArabic
        case .darijaLatin: self = .darijaLatin
        case .amazighTifinagh: self = .amazighTifinagh
        case .amazighLatin: self = .amazighLatin
        case .english, .spanish: self = .english
        case .undetermined: return nil
        }
    }

    public var isRightToLeft: Bool { self == .arabic || self == .darijaArabic }

    /// A language form from a BCP 47 tag or an `Accept-Language` header's first range (`ary-Latn`, `ar-MA`, `fr-FR`).
    public init?(tag: String) {
        let first = tag.split(separator: ",").first.map { String($0.split(separator: ";")[0]) } ?? tag
        let trimmed = first.trimmingCharacters(in: .whitespaces)
        if let exact = LanguageForm.allCases.first(where: { $0.rawValue.lowercased() == trimmed.lowercased() }) {
            self = exact
            return
        }
        let subtags = trimmed.lowercased().split(separator: "-").map(String.init)
        guard let language = subtags.first else { return nil }
        let latin = subtags.dropFirst().contains("latn")
        switch language {
        case "fr": self = .french
        case "en", "es": self = .english
        case "ar": self = latin ? .darijaLatin : .arabic
        case "ary": self = latin ? .darijaLatin : .darijaArabic
        case "zgh", "ber", "tzm", "shi", "rif": self = latin ? .amazighLatin : (subtags.dropFirst().contains("tfng") || language == "zgh" ? .amazighTifinagh : .amazighLatin)
        default: return nil
        }
    }
}
