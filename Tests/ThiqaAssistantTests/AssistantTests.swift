import Foundation
import Testing
import ThiqaAssistant
import ThiqaKnowledge
import ThiqaRetrieval

/// The starter knowledge base of the repository (knowledge/procedures), loaded once.
enum StarterBase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let knowledge: KnowledgeBase = {
        let path = root.appendingPathComponent("knowledge/procedures").path
        guard case .success(let base) = try! KnowledgeDirectory.load(path) else { fatalError("the starter knowledge base does not validate") }
        return base
    }()
    static let assistant = Assistant(knowledge: knowledge)
}

@Suite struct AssistantAnswers {
    let assistant = StarterBase.assistant

    @Test func darijaInLatinLettersGetsThePassportInDarijaWithFrenchStepsAndItsOfficialLink() async throws {
        let answer = try await assistant.answer(.init(text: "kifach n9ad passport?"))
        #expect(answer.procedureID == "passport")
        #expect(answer.basis == .retrieved)
        #expect(answer.language == AnswerLanguage(frame: .darijaLatin, quote: .french))
        #expect(answer.text.hasPrefix("Salam!"))
        #expect(answer.text.contains("mn n-nass r-rasmi b l-fransawiya"), "says the steps are quoted from the French text")
        #expect(answer.text.contains("1. Remplir la pré-demande en ligne sur le portail passeport.ma"))
        #expect(answer.text.contains("500 DH"))
        #expect(answer.text.contains("https://www.passeport.ma/"))
        #expect(answer.sources.map(\.procedureID) == ["passport"])
        #expect(answer.sources.first?.url == "https://www.passeport.ma/")
        #expect(answer.footer.contains("homa li kayt7ekmo"), "the official site prevails, in Darija")
    }

    @Test func frenchQuestionIsAnsweredInFrenchWithoutAQuotationNote() async throws {
        let answer = try await assistant.answer(.init(text: "Comment obtenir un extrait du casier judiciaire ?"))
        #expect(answer.procedureID == "criminal-record-extract")
        #expect(answer.language == AnswerLanguage(frame: .french, quote: .french))
        #expect(answer.text.hasPrefix("Bonjour !"))
        #expect(!answer.text.contains("citées telles quelles"))
        #expect(answer.text.contains("**Étapes** [1]"))
        #expect(answer.text.contains("Les informations officielles du site source prévalent."))
    }

    @Test func arabicQuestionIsAnsweredInArabicRightToLeft() async throws {
        let answer = try await assistant.answer(.init(text: "ما هي الوثائق المطلوبة لتجديد البطاقة الوطنية للتعريف؟"))
        #expect(answer.procedureID == "cnie-renewal")
        #expect(answer.language.frame == .arabic)
        #expect(answer.language.quote == .arabic)
        #expect(answer.language.direction == "rtl")
        #expect(answer.aspects == [.documents])
        #expect(answer.text.contains("**الوثائق المطلوبة** [1]"))
        #expect(!answer.text.contains("**المراحل**"), "a question about the documents gets the documents")
    }

    @Test func darijaInArabicScriptQuotesTheArabicText() async throws {
        let answer = try await assistant.answer(.init(text: "بغيت نخرج الباسبور كيفاش ندير؟"))
        #expect(answer.procedureID == "passport")
        #expect(answer.language == AnswerLanguage(frame: .darijaArabic, quote: .arabic))
        #expect(answer.text.contains("منقولين كيف ما هوما من النص الرسمي بـالعربية"))
        #expect(answer.text.contains("ملء الطلب المسبق على بوابة passeport.ma"))
    }

    @Test func tifinaghQuestionGetsATifinaghFrame() async throws {
        let answer = try await assistant.answer(.init(text: "ⵎⴰⵎⴽ ⴰⴷ ⴰⵎⵥⵖ ⴰⴱⴰⵙⴱⵓⵔ"))
        #expect(answer.procedureID == "passport")
        #expect(answer.language.frame == .amazighTifinagh)
        #expect(answer.text.hasPrefix("ⴰⵣⵓⵍ!"))
    }

    @Test func followUpIsAnsweredAboutTheProcedureOfTheConversation() async throws {
        let answer = try await assistant.answer(.init(text: "w bchhal?", conversationProcedure: "passport"))
        #expect(answer.basis == .conversation)
        #expect(answer.procedureID == "passport")
        #expect(answer.aspects == [.fees])
        #expect(answer.text.contains("Bchhal ghadi tkhelles"))
        #expect(answer.text.contains("500 DH (timbre)"))
        #expect(!answer.text.contains("1. Remplir"), "only the fees")
    }

    @Test func followUpWithoutConversationIdIsResolvedFromTheResentHistory() async throws {
        let answer = try await assistant.answer(.init(
            text: "et combien ça coûte ?", earlierMessages: ["Je voudrais renouveler mon passeport", "merci"]))
        #expect(answer.basis == .history)
        #expect(answer.procedureID == "passport")
        #expect(answer.language.frame == .french)
        #expect(answer.text.contains("**Frais** [1]"))
    }

    @Test func aNewTopicInAFollowUpTurnIsANewProcedure() async throws {
        let answer = try await assistant.answer(.init(text: "et pour le casier judiciaire, combien ça coûte ?", conversationProcedure: "passport"))
        #expect(answer.procedureID == "criminal-record-extract")
        #expect(answer.basis == .retrieved)
    }

    @Test(arguments: [
        ("وبشحال؟", QuestionAspect.fees),  // the conjunction glued to the word
        ("Et ça prend combien de temps ?", .delay),  // "prend" names no procedure
        ("o fin ndir dossier?", .place),
        ("Il faut aller où exactement ?", .place),
    ])
    func followUpsWithGluedConjunctionsAndStrayVerbsStayOnTheConversation(text: String, aspect: QuestionAspect) async throws {
        let answer = try await assistant.answer(.init(text: text, conversationProcedure: "cnie-renewal"))
        #expect(answer.basis == .conversation, "\(text)")
        #expect(answer.procedureID == "cnie-renewal")
        #expect(answer.aspects.contains(aspect), "\(text): \(answer.aspects)")
    }

    @Test func aQuestionAboutOnePartNamesItsProcedureDespiteTheAspectWords() async throws {
        let answer = try await assistant.answer(.init(text: "Combien coûte le passeport ?"))
        #expect(answer.procedureID == "passport")
        #expect(answer.aspects == [.fees])
        #expect(answer.text.contains("500 DH (timbre) pour un majeur"))
    }

    @Test func followUpWithNothingToResolveAgainstAbstains() async throws {
        let answer = try await assistant.answer(.init(text: "w bchhal?"))
        #expect(answer.abstained)
    }

    @Test(arguments: [
        ("Quel temps fera-t-il demain à Rabat ?", "Je ne sais pas"),
        ("chkoun rb7 lmatch dyal lbare7?", "Ma 3reftch"),
        ("ما هي عاصمة اليابان؟", "لا أعرف"),
    ])
    func outOfScopeQuestionsGetIDontKnowWithWhereToAsk(question: String, opening: String) async throws {
        let answer = try await assistant.answer(.init(text: question))
        #expect(answer.abstained)
        #expect(answer.text.hasPrefix(opening))
        #expect(answer.text.contains("3737"), "the national orientation line, from the knowledge base")
        #expect(answer.sources.map(\.url).contains("https://www.chikaya.ma/"))
        #expect(answer.sources.map(\.url).contains("https://www.idarati.ma/"))
    }

    @Test func everyFormHasItsOwnFrame() {
        let greetings = Set(LanguageForm.allCases.map { Phrasebook.of($0).greeting })
        #expect(greetings.count == LanguageForm.allCases.count)
        for form in LanguageForm.allCases {
            let words = Phrasebook.of(form)
            for text in [words.greeting, words.followUp, words.quotedFrom, words.dontKnow, words.officialPrevails, words.portal] {
                #expect(!text.isEmpty)
            }
            #expect(words.greeting.contains("{title}") && words.quotedFrom.contains("{language}"))
        }
    }
}

@Suite struct Aspects {
    @Test(arguments: [
        ("w bchhal?", [QuestionAspect.fees]),
        ("et combien ça coûte ?", [.fees]),
        ("ch7al kayakhod dyal lwa9t?", [.delay]),
        ("combien de temps faut-il attendre ?", [.delay]),
        ("شنو هوما الوراق اللي خاصني؟", [.documents]),
        ("fin khassni nmchi?", [.place]),
        ("how much does it cost?", [.fees]),
        ("Comment obtenir un passeport ?", []),
    ])
    func detect(text: String, expected: [QuestionAspect]) {
        #expect(QuestionAspect.detect(text).aspects == Set(expected), "\(text)")
    }
}

@Suite struct Memory {
    @Test func remembersTheProcedureAndForgetsAfterItsTimeToLive() {
        let memory = ConversationMemory(capacity: 10, timeToLive: .seconds(60))
        let start = ContinuousClock.now
        let key = ConversationMemory.key(caller: "k1", conversation: "c1")
        memory.remember(key, procedureID: "passport", language: .darijaLatin, now: start)
        memory.remember(key, procedureID: nil, language: .darijaLatin, now: start + .seconds(10))
        #expect(memory.entry(key, now: start + .seconds(20))?.procedureID == "passport", "an abstaining turn keeps the procedure")
        #expect(memory.entry(key, now: start + .seconds(20))?.turns == 2)
        #expect(memory.entry(ConversationMemory.key(caller: "k2", conversation: "c1"), now: start) == nil, "another caller's conversation")
        #expect(memory.entry(key, now: start + .seconds(100)) == nil)
    }

    @Test func staysWithinItsCapacity() {
        let memory = ConversationMemory(capacity: 20, timeToLive: .seconds(3600))
        let start = ContinuousClock.now
        for index in 0..<100 {
            memory.remember("c\(index)", procedureID: "passport", language: .french, now: start + .milliseconds(index))
        }
        #expect(memory.count <= 20)
        #expect(memory.entry("c99", now: start + .seconds(1)) != nil, "the newest is kept")
    }
}
