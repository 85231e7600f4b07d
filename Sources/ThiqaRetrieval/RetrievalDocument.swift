import ThiqaKnowledge

/// What retrieval needs of a procedure: its text by field importance, and short passages for dense vectors.
public struct RetrievalDocument: Sendable, Hashable {
    public var id: String
    /// Titles and keywords of every language form: the strongest evidence.
    public var headings: [String]
    public var summaries: [String]
    public var body: [String]
    /// Texts embedded for dense retrieval, one per language form (title, keywords, summary); the document's dense
    /// score is its best passage.
    public var passages: [String]

    public init(id: String, headings: [String], summaries: [String], body: [String], passages: [String]) {
        self.id = id
        self.headings = headings
        self.summaries = summaries
        self.body = body
        self.passages = passages
    }

    public init(procedure: Procedure) {
        var headings: [String] = []
        var passages: [String] = []
        for language in LanguageForm.allCases {
            let title = procedure.title[language]
            let keywords = procedure.keywords[language] ?? []
            if let title { headings.append(title) }
            headings += keywords
            let passage = ([title].compactMap { $0 } + [keywords.joined(separator: ", "), procedure.summary[language] ?? ""])
                .filter { !$0.isEmpty }.joined(separator: ". ")
            if !passage.isEmpty { passages.append(passage) }
        }
        // The body sections restate steps and documents in prose; the lists count only for forms without a section.
        var body = procedure.sections.map(\.markdown)
        for language in LanguageForm.allCases where procedure.section(in: language) == nil {
            body += procedure.steps[language] ?? []
            body += procedure.documents[language] ?? []
        }
        self.init(
            id: procedure.id, headings: headings,
            summaries: LanguageForm.allCases.compactMap { procedure.summary[$0] }, body: body, passages: passages
        )
    }
}
