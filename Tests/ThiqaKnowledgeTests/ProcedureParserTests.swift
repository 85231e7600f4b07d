import Foundation
import Testing
import ThiqaKnowledge

@Suite("Knowledge file parser and validator")
struct ProcedureParserTests {
    func problems(_ text: String, file: String = "passport.md") -> [KnowledgeProblem] {
        switch ProcedureParser.parse(fileName: file, text: text) {
        case .success: []
        case .failure(let error): error.problems
        }
    }

    @Test("a valid file gives every field, in every form")
    func validFile() throws {
        let procedure = try ProcedureParser.parse(fileName: "passport.md", text: Fixture.validPassport).get()
        #expect(procedure.id == "passport")
        #expect(procedure.category == .identity)
        #expect(procedure.title[.darijaLatin] == "lpassport")
        #expect(procedure.keywords[.darijaLatin] == ["paspor", "lbasbor"])
        #expect(procedure.steps[.french] == ["Pré-demande en ligne", "Dépôt du dossier"])
        #expect(procedure.fees[.arabic] == "500 درهم (تنبر)")
        #expect(procedure.place[.french] == "Préfecture")
        #expect(procedure.verification == .unverified)
        #expect(procedure.sourceName == "Portail passeport.ma (DGSN)")
        let arabic = try #require(procedure.section(in: .arabic))
        #expect(arabic.line == Fixture.line(of: "# العربية", in: Fixture.validPassport))
        #expect(arabic.markdown.hasPrefix("لطلب جواز السفر"))
        #expect(procedure.section(in: .french)?.markdown.contains("prévalent") == true)
    }

    @Test("language forms use the project's codes")
    func languageCodes() {
        #expect(LanguageForm.allCases.map(\.rawValue) == ["fr", "ar", "ary-Arab", "ary-Latn", "zgh-Tfng", "ber-Latn", "en"])
    }

    @Test("every problem of a file is reported at once, with its line and field")
    func allProblemsAtOnce() {
        var text = Fixture.passport(replacing: "  ber-Latn: abasbur\n  en: Biometric passport", with: "  en: Biometric passport")
        text = text.replacingOccurrences(of: "category: identity", with: "category: passports")
        text = text.replacingOccurrences(of: "source_url: https://www.passeport.ma/", with: "source_url: http://www.passeport.ma/")
        text = text.replacingOccurrences(of: "  ar: [البطاقة الوطنية]\n", with: "")
        let found = problems(text)
        let described = Set(found.map { "\($0.line) \($0.field)" })
        #expect(found.allSatisfy { $0.file == "passport.md" })
        #expect(described.contains("\(Fixture.line(of: "category:", in: text)) category"))
        #expect(described.contains("\(Fixture.line(of: "title:", in: text)) title.ber-Latn"))
        #expect(described.contains("\(Fixture.line(of: "source_url:", in: text)) source_url"))
        #expect(described.contains("\(Fixture.line(of: "documents:", in: text)) documents.ar"))
        #expect(found.count == 4)
    }

    @Test("problems print as file:line: field: reason")
    func problemFormat() throws {
        let text = Fixture.passport(replacing: "schema: 1", with: "schema: 2")
        let problem = try #require(problems(text).first)
        #expect(problem.description.hasPrefix("passport.md:3: schema: "))
    }

    @Test("the id must be the file name")
    func idMatchesFileName() {
        let found = problems(Fixture.validPassport, file: "passeport.md")
        #expect(found.map(\.field) == ["id"])
        #expect(found.first?.line == 2)
        #expect(found.first?.reason.contains("passeport") == true)
    }

    @Test("invalid YAML names the line where the parser stopped")
    func yamlSyntax() throws {
        let text = Fixture.passport(replacing: "  en: [passport]", with: "  en: [passport")
        let problem = try #require(problems(text).first)
        #expect(problem.field == "front-matter")
        #expect(problem.reason.hasPrefix("invalid YAML"))
        #expect(problem.line >= Fixture.line(of: "  en: [passport", in: text))
        #expect(problem.line <= Fixture.line(of: "summary:", in: text))
    }

    @Test("an empty value and a scalar where a list is expected are both reported")
    func shapes() {
        var text = Fixture.passport(replacing: "  ary-Latn: tkhrej lpassport.", with: "  ary-Latn: \"\"")
        text = text.replacingOccurrences(of: "  fr: [CNIE]", with: "  fr: CNIE")
        let fields = problems(text).map { "\($0.line) \($0.field)" }
        #expect(fields.contains("\(Fixture.line(of: "  ary-Latn: \"\"", in: text)) summary.ary-Latn"))
        #expect(fields.contains("\(Fixture.line(of: "  fr: CNIE", in: text)) documents.fr"))
    }

    @Test("unknown fields and unknown language forms are named")
    func unknownNames() {
        var text = Fixture.passport(replacing: "schema: 1", with: "schema: 1\nsumary: typo")
        text = text.replacingOccurrences(of: "  en: Apply for a passport.", with: "  en: Apply for a passport.\n  es: Pasaporte.")
        let fields = problems(text).map { "\($0.line) \($0.field)" }
        #expect(fields.contains("\(Fixture.line(of: "sumary:", in: text)) sumary"))
        #expect(fields.contains("\(Fixture.line(of: "  es: Pasaporte.", in: text)) summary.es"))
    }

    @Test("verification rules: unverified has no date, verified needs a real one")
    func verification() throws {
        let invented = Fixture.passport(replacing: "last_verified: null", with: "last_verified: 2026-11-30")
        #expect(problems(invented).map(\.field) == ["last_verified"])

        let verifiedNoDate = Fixture.passport(replacing: "verification: unverified", with: "verification: verified")
        #expect(problems(verifiedNoDate).map(\.field) == ["last_verified"])

        let verifiedBadDate = verifiedNoDate.replacingOccurrences(of: "last_verified: null", with: "last_verified: 2026-02-30")
        #expect(problems(verifiedBadDate).map(\.field) == ["last_verified"])

        let verified = verifiedNoDate.replacingOccurrences(of: "last_verified: null", with: "last_verified: 2026-02-28")
        let procedure = try ProcedureParser.parse(fileName: "passport.md", text: verified).get()
        #expect(procedure.verification == .verified(on: "2026-02-28"))

        let unknown = Fixture.passport(replacing: "verification: unverified", with: "verification: maybe")
        #expect(problems(unknown).map(\.field) == ["verification"])
    }

    @Test("the body needs a non-empty French and Arabic section")
    func body() {
        let noArabic = String(Fixture.validPassport.prefix { $0 != "#" }) + "# Français\n\nTexte.\n"
        let found = problems(noArabic)
        #expect(found.map(\.field) == ["body"])
        #expect(found.first?.reason.contains("العربية") == true)

        let emptyFrench = Fixture.passport(
            replacing: "Pour demander un passeport, remplissez la pré-demande. Les informations officielles du site source prévalent.",
            with: "")
        let empty = problems(emptyFrench)
        #expect(empty.map(\.field) == ["body"])
        #expect(empty.first?.line == Fixture.line(of: "# Français", in: emptyFrench))
    }

    @Test("a file without front matter is refused on line 1")
    func noFrontMatter() {
        #expect(problems("# Français\n\nTexte").map { "\($0.line) \($0.field)" } == ["1 front-matter"])
        #expect(problems("---\nid: passport\n").map { "\($0.line) \($0.field)" } == ["1 front-matter"])
    }

    @Test("a knowledge base gathers the problems of every file and indexes valid ones by id")
    func knowledgeBase() throws {
        let broken = Fixture.passport(replacing: "id: passport", with: "id: cnie")
        let result = KnowledgeBase.load(files: [
            .init(name: "passport.md", text: Fixture.validPassport),
            .init(name: "cnie.md", text: broken.replacingOccurrences(of: "schema: 1", with: "schema: x")),
        ])
        guard case .failure(let error) = result else {
            Issue.record("a broken file must fail the load")
            return
        }
        #expect(error.problems.map(\.file) == ["cnie.md"])
        #expect(error.problems.map(\.field) == ["schema"])

        let base = try KnowledgeBase.load(files: [.init(name: "passport.md", text: Fixture.validPassport)]).get()
        #expect(base.count == 1)
        #expect(base["passport"]?.title(in: .english) == "Biometric passport")
    }
}
