import ThiqaKnowledge
import ThiqaLanguage
import ThiqaRetrieval

/// A cited source of an answer: the procedure's title in the answer's language, its official page, its id.
public struct AnswerSource: Sendable, Hashable {
    public var title: String
    public var url: String
    public var procedureID: String?
    public var name: String?

    public init(title: String, url: String, procedureID: String?, name: String?) {
        self.title = title
        self.url = url
        self.procedureID = procedureID
        self.name = name
    }
}

/// What the assistant answers to one question, before any model rephrases it.
public struct AssistantAnswer: Sendable, Hashable {
    public enum Basis: Sendable, Hashable {
        /// Retrieval found the procedure in the question itself.
        case retrieved
        /// A follow-up ("w bchhal?") answered from the procedure of the conversation.
        case conversation
        /// A follow-up answered from the procedure an earlier message of the request named (no conversation id).
        case history
        /// Nothing relevant: "I don't know — here is where to ask".
        case abstained
    }

    public var basis: Basis
    public var language: AnswerLanguage
    /// The procedure answered from (nil when abstaining).
    public var procedureID: String?
    public var aspects: Set<QuestionAspect>
    /// The frame and the quoted sections, without the sources footer (what a model may rephrase).
    public var body: String
    /// Sources, official-site note: added by Thiqa after the body, whoever wrote the body.
    public var footer: String
    public var sources: [AnswerSource]

    public var text: String { body + "\n\n" + footer }
    public var abstained: Bool { basis == .abstained }

    /// One word for the record (`assistant:answer:<basis>`).
    public var basisWord: String {
        switch basis {
        case .retrieved: "retrieved"
        case .conversation: "follow_up_conversation"
        case .history: "follow_up_history"
        case .abstained: "abstained"
        }
    }
}

/// The citizen assistant: from a question and the knowledge base, an extractive, step-by-step, cited answer in the
/// person's language, or a clear "I don't know" with where to ask. Pure apart from the optional embeddings call.
public struct Assistant: Sendable {
    public let knowledge: KnowledgeBase
    public let index: RetrievalIndex
    let identifier: LanguageIdentifier
    /// The words of each procedure's titles and keywords, in every form.
    let headingWords: [String: Set<String>]
    /// Where to send a person when nothing matches: the national orientation contacts of the knowledge base.
    static let orientationProcedureID = "administrative-complaint"

    public init(knowledge: KnowledgeBase, index: RetrievalIndex, identifier: LanguageIdentifier = LanguageIdentifier()) {
        self.knowledge = knowledge
        self.index = index
        self.identifier = identifier
        var headingWords: [String: Set<String>] = [:]
        for procedure in knowledge.procedures.values {
            let texts = Array(procedure.title.values) + procedure.keywords.values.flatMap { $0 }
            headingWords[procedure.id] = Set(texts.flatMap { Analyzer.terms($0).map(\.text) })
        }
        self.headingWords = headingWords
    }

    public init(knowledge: KnowledgeBase) {
        self.init(knowledge: knowledge, index: RetrievalIndex(knowledgeBase: knowledge))
    }

    /// The same assistant over another knowledge base and index (a reloaded one), keeping its language identifier.
    public func over(knowledge: KnowledgeBase, index: RetrievalIndex) -> Assistant {
        Assistant(knowledge: knowledge, index: index, identifier: identifier)
    }

    /// A question and what the conversation knows.
    public struct Question: Sendable {
        public var text: String
        /// Earlier user messages of the same request, oldest first (OpenAI clients resend the history).
        public var earlierMessages: [String]
        /// The procedure the conversation was about (from the conversation memory), if any.
        public var conversationProcedure: String?
        /// The language the person chose (web chat switcher, `Accept-Language`): used when the text says too little.
        public var preferredLanguage: LanguageForm?

        public init(text: String, earlierMessages: [String] = [], conversationProcedure: String? = nil, preferredLanguage: LanguageForm? = nil) {
            self.text = text
            self.earlierMessages = earlierMessages
            self.conversationProcedure = conversationProcedure
            self.preferredLanguage = preferredLanguage
        }
    }

    /// Retrieves (with dense vectors when `provider` and the index have them) and composes the answer.
    public func answer(_ question: Question, provider: (any EmbeddingProvider)? = nil) async throws -> AssistantAnswer {
        // The question's form decides how far dense similarities are trusted (DenseTrust: e5 reads little Amazigh).
        let language = AnswerLanguage.of(question.text, preferred: question.preferredLanguage, identifier: identifier)
        let retrieval = try await index.search(question.text, provider: provider, language: language.frame, limit: 3)
        return answer(question, retrieval: retrieval, language: language)
    }

    /// Composes the answer from a retrieval already made (pure).
    public func answer(_ question: Question, retrieval: RetrievalResult) -> AssistantAnswer {
        answer(question, retrieval: retrieval, language: AnswerLanguage.of(question.text, preferred: question.preferredLanguage, identifier: identifier))
    }

    /// The language identified once per question: for retrieval's dense trust and for the answer's frame.
    func answer(_ question: Question, retrieval: RetrievalResult, language: AnswerLanguage) -> AssistantAnswer {
        let (aspects, cueWords) = QuestionAspect.detect(question.text)
        let residual = Self.residualTerms(question.text, removing: cueWords)

        // A question about one part of a procedure ("w bchhal?") in a conversation about one is about that procedure,
        // unless what it says besides the aspect names another procedure on its own ("et pour le casier judiciaire ?").
        let context = question.conversationProcedure.flatMap { knowledge[$0] }
        let named = aspects.isEmpty ? nil : procedureNamed(residual)
        if !aspects.isEmpty, named == nil, let context {
            return compose(context, basis: .conversation, language: language, aspects: aspects)
        }
        let followUpOnly = !aspects.isEmpty && named == nil
        // The aspect words ("combien", "coûte") lower the question's coverage: what the other words name answers.
        if !followUpOnly, let id = retrieval.hits.first?.id ?? named, let procedure = knowledge[id] {
            return compose(procedure, basis: .retrieved, language: language, aspects: aspects)
        }
        if followUpOnly {
            for earlier in question.earlierMessages.reversed() {
                if let result = try? index.search(earlier, limit: 1), let hit = result.hits.first, let procedure = knowledge[hit.id] {
                    return compose(procedure, basis: .history, language: language, aspects: aspects)
                }
            }
        }
        return abstain(language: language)
    }

    /// Whether the words of a question besides its aspect words name a procedure by themselves: retrieval on them
    /// does not abstain, and one of them is a word of that procedure's titles or keywords (a stray verb such as
    /// "prend" matches some body text, it names nothing).
    func procedureNamed(_ residual: [Word]) -> String? {
        guard !residual.isEmpty, let result = try? index.search(residual.map(\.text).joined(separator: " "), limit: 1),
            let hit = result.hits.first, let headings = headingWords[hit.id]
        else { return nil }
        return residual.contains { headings.contains($0.text) } ? hit.id : nil
    }

    /// The meaningful words of a question once the aspect words are taken out: none means the question names no
    /// procedure of its own ("et combien ça coûte ?").
    static func residualTerms(_ text: String, removing cueWords: Set<String>) -> [Word] {
        let kept = QuestionAspect.words(text).filter { !cueWords.contains($0) && !Self.fillers.contains($0) }
        return Analyzer.terms(kept.joined(separator: " "))
    }

    /// Words that carry no topic in a follow-up ("w", "et", "alors", "iwa").
    static let fillers: Set<String> = Set(
        ["w", "wa", "o", "u", "et", "ca", "ça", "alors", "and", "so", "iwa", "ok", "okay", "merci", "choukran", "chokran", "و", "ⴷ", "d",
         "also", "aussi", "hta", "7ta", "ta", "wlakin", "mais", "but", "then", "ensuite", "puis", "apres", "après", "baad", "ba3d",
         "lik", "lia", "leur", "it", "that", "عليه", "عليها", "ذلك", "هادشي", "hadchi", "dakchi", "sa", "ses", "son", "its", "c", "est",
         // Verbs of any procedure ("go", "bring", "do"): they name none.
         "ndir", "ndiro", "njib", "nmchi", "nakhod", "nkhlles", "n3ti", "ndfe3", "ndewwez", "ندير", "نجيب", "نمشي", "ناخد", "نعطي",
         "أذهب", "اذهب", "أحضر", "احضر", "أقدم", "يجب", "اللازمة", "اللازم", "faut", "aller", "apporter", "prend", "prendre", "faire",
         "dois", "doit", "fournir", "go", "bring", "take", "takes", "need", "get", "do", "does", "ddugh", "ddud", "awi", "ggɣ"]
            .map(TextFolding.fold))

    // MARK: Composition

    func compose(_ procedure: Procedure, basis: AssistantAnswer.Basis, language: AnswerLanguage, aspects: Set<QuestionAspect>) -> AssistantAnswer {
        let words = Phrasebook.of(language.frame)
        let quote = language.quote
        let title = procedure.title(in: language.frame)
        let direction = language.direction
        let cite = " [1]"
        var lines: [String] = []
        lines.append(basis == .retrieved ? words.greeting(title: title, direction: direction) : words.followUp(title: title, direction: direction))

        // A question about one part gets that part; any other gets the whole procedure, step by step.
        let whole = aspects.isEmpty || aspects == [.steps] || aspects.contains(.steps)
        if whole, let summary = procedure.summary[language.frame] {
            lines.append("")
            lines.append(summary + cite)
        }
        if quote != language.frame {
            lines.append("")
            lines.append(words.quotedFrom(quote))
        }
        func section(_ heading: String, _ items: [String], numbered: Bool) {
            guard !items.isEmpty else { return }
            lines.append("")
            lines.append("**\(heading)**\(cite)")
            for (index, item) in items.enumerated() { lines.append(numbered ? "\(index + 1). \(item)" : "- \(item)") }
        }
        func field(_ heading: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append("")
            lines.append("**\(heading)**\(cite)")
            lines.append(value)
        }
        let wanted = whole ? Set(QuestionAspect.allCases) : aspects
        if wanted.contains(.steps) { section(words.steps, procedure.steps[quote] ?? [], numbered: true) }
        if wanted.contains(.documents) { section(words.documents, procedure.documents[quote] ?? [], numbered: false) }
        if wanted.contains(.fees) { field(words.fees, procedure.fees[quote]) }
        if wanted.contains(.delay) { field(words.delay, procedure.delay[quote]) }
        if wanted.contains(.place) { field(words.place, procedure.place[quote]) }
        if whole { field(words.contact, procedure.contact[quote]) }

        let source = AnswerSource(title: title, url: procedure.sourceURL, procedureID: procedure.id, name: procedure.sourceName)
        return AssistantAnswer(
            basis: basis, language: language, procedureID: procedure.id, aspects: aspects, body: lines.joined(separator: "\n"),
            footer: footer([source], words: words, unverified: procedure.verification == .unverified), sources: [source]
        )
    }

    func abstain(language: AnswerLanguage) -> AssistantAnswer {
        let words = Phrasebook.of(language.frame)
        var lines = [words.dontKnow, "", words.whereToAsk]
        var sources: [AnswerSource] = []
        if let orientation = knowledge[Self.orientationProcedureID], let contact = orientation.contact[language.quote] {
            if language.quote != language.frame { lines.append(words.quotedFrom(language.quote)) }
            lines.append(contact + " [1]")
            sources.append(AnswerSource(
                title: orientation.title(in: language.frame), url: orientation.sourceURL, procedureID: orientation.id, name: orientation.sourceName))
        }
        let portal = AnswerSource(title: words.portal, url: "https://www.idarati.ma/", procedureID: nil, name: "idarati.ma")
        lines.append("\(words.portal) [\(sources.count + 1)]")
        sources.append(portal)
        return AssistantAnswer(
            basis: .abstained, language: language, procedureID: nil, aspects: [], body: lines.joined(separator: "\n"),
            footer: footer(sources, words: words, unverified: false), sources: sources
        )
    }

    func footer(_ sources: [AnswerSource], words: Phrasebook, unverified: Bool) -> String {
        var lines: [String] = []
        if unverified { lines.append(words.unverified) }
        lines.append("\(words.sources):")
        for (index, source) in sources.enumerated() {
            lines.append("[\(index + 1)] \(source.title) — \(source.url)")
        }
        lines.append(words.officialPrevails)
        return lines.joined(separator: "\n")
    }
}
