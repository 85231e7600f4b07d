/// The training text compiled into the module, per language (see README.md beside this file for its provenance).
enum TrainingCorpus {
    static let all: [(LanguageTag, String)] = [
        (.french, frenchMessages), (.french, frenchLexicon),
        (.english, englishMessages), (.english, englishLexicon),
        (.spanish, spanishMessages), (.spanish, spanishLexicon),
        (.arabic, arabicMessages), (.arabic, arabicLexicon),
        (.darijaArabic, darijaArabicMessages), (.darijaArabic, darijaArabicLexicon),
        (.darijaLatin, darijaLatinMessages), (.darijaLatin, darijaLatinLexicon),
        (.amazighLatin, amazighLatinMessages), (.amazighLatin, amazighLatinLexicon),
    ]
}
