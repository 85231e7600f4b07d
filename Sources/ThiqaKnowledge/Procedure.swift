/// One administrative procedure of the knowledge base, as a citizen-facing record in every language form it has.
public struct Procedure: Sendable, Hashable, Identifiable {
    public enum Category: String, CaseIterable, Sendable, Hashable {
        case identity
        case civilStatus = "civil-status"
        case justice, residence, transport, business
        case socialProtection = "social-protection"
        case education, housing, taxes, other
    }

    /// Whether someone checked the text against the official portal, and when.
    public enum Verification: Sendable, Hashable {
        case unverified
        /// Date as written in the file (YYYY-MM-DD); kept as text so that no time zone is invented.
        case verified(on: String)
    }

    /// A level-1 section of the Markdown body (`# Français`, `# العربية`…).
    public struct Section: Sendable, Hashable {
        public var heading: String
        /// The language form the heading names, when it is one Thiqa knows.
        public var language: LanguageForm?
        public var markdown: String
        /// 1-based line of the heading in the file.
        public var line: Int

        public init(heading: String, language: LanguageForm?, markdown: String, line: Int) {
            self.heading = heading
            self.language = language
            self.markdown = markdown
            self.line = line
        }
    }

    public var id: String
    public var schema: Int
    public var category: Category
    public var title: [LanguageForm: String]
    public var keywords: [LanguageForm: [String]]
    public var summary: [LanguageForm: String]
    public var steps: [LanguageForm: [String]]
    public var documents: [LanguageForm: [String]]
    public var fees: [LanguageForm: String]
    public var delay: [LanguageForm: String]
    public var place: [LanguageForm: String]
    public var contact: [LanguageForm: String]
    public var sourceURL: String
    public var sourceName: String?
    public var verification: Verification
    public var sections: [Section]

    public init(
        id: String, schema: Int = 1, category: Category,
        title: [LanguageForm: String], keywords: [LanguageForm: [String]], summary: [LanguageForm: String],
        steps: [LanguageForm: [String]] = [:], documents: [LanguageForm: [String]] = [:],
        fees: [LanguageForm: String] = [:], delay: [LanguageForm: String] = [:],
        place: [LanguageForm: String] = [:], contact: [LanguageForm: String] = [:],
        sourceURL: String, sourceName: String? = nil, verification: Verification = .unverified,
        sections: [Section] = []
    ) {
        self.id = id
        self.schema = schema
        self.category = category
        self.title = title
        self.keywords = keywords
        self.summary = summary
        self.steps = steps
        self.documents = documents
        self.fees = fees
        self.delay = delay
        self.place = place
        self.contact = contact
        self.sourceURL = sourceURL
        self.sourceName = sourceName
        self.verification = verification
        self.sections = sections
    }

    /// The body section written in `language`, if any.
    public func section(in language: LanguageForm) -> Section? {
        sections.first { $0.language == language }
    }

    /// The title in `language`, falling back to French, then Arabic.
    public func title(in language: LanguageForm) -> String {
        title[language] ?? title[.french] ?? title[.arabic] ?? id
    }
}
