/// The training text compiled into the module, per language (see README.md beside this file for its provenance).
enum TrainingCorpus {
    /// One entry per language: its messages, and its lexicon of frequent words.
    static let all: [(LanguageTag, messages: String, lexicon: String)] = [
        (.french, frenchMessages, frenchLexicon),
        (.english, englishMessages, englishLexicon),
        (.spanish, spanishMessages, spanishLexicon),
        (.arabic, arabicMessages, arabicLexicon),
        (.darijaArabic, darijaArabicMessages, darijaArabicLexicon),
        (.darijaLatin, darijaLatinMessages, darijaLatinLexicon),
        (.amazighLatin, amazighLatinMessages, amazighLatinLexicon),
    ]
}
