import Testing
import ThiqaKnowledge
import ThiqaRetrieval

@Suite("Text folding")
struct TextFoldingTests {
    @Test("Arabic: diacritics, tatweel, alef and hamza forms, ta marbuta, alef maqsura")
    func arabic() {
        #expect(TextFolding.fold("أَحْمَد") == "احمد")
        #expect(TextFolding.fold("مـــدرسـة") == "مدرسه")
        #expect(TextFolding.fold("إسم آمن ٱلله") == "اسم امن الله")
        #expect(TextFolding.fold("مستشفى") == "مستشفي")
        #expect(TextFolding.fold("مسؤول رئيس") == "مسوول رييس")
        #expect(TextFolding.fold("کتاب") == "كتاب")
    }

    @Test("digits: Arabic-Indic and Persian forms become ASCII")
    func digits() {
        #expect(TextFolding.fold("٢٠٢٤ و ۱۲") == "2024 و 12")
    }

    @Test("invisible marks and presentation forms")
    func invisible() {
        #expect(TextFolding.fold("\u{200F}نص\u{200E}") == "نص")
        #expect(TextFolding.fold("\u{FEFB}") == "لا")
    }

    @Test("Latin: case and accents; Amazigh letters")
    func latin() {
        #expect(TextFolding.fold("Éducation Nationale, reçu, PRÉ-DEMANDE") == "education nationale, recu, pre-demande")
        #expect(TextFolding.fold("Tamaziɣt ṭṭbiɛa") == "tamazight ttbi3a")
        #expect(TextFolding.fold("cœur") == "coeur")
    }

    @Test("words split at script changes; Arabizi digits stay inside Latin words")
    func words() {
        let words = Tokenizer.words(TextFolding.fold("3afak bghit l'passport rقمي ٢٠٢٤"))
        #expect(words.map(\.text) == ["3afak", "bghit", "l", "passport", "r", "قمي", "2024"])
        #expect(words.map(\.script) == [.latin, .latin, .latin, .latin, .latin, .arabic, .digits])
    }
}

@Suite("Cross-script skeletons")
struct SkeletonTests {
    func skeleton(_ text: String) -> String {
        let words = Tokenizer.words(TextFolding.fold(text))
        return Skeleton.of(words[0])
    }

    @Test("Arabizi digits map to the Arabic letters they stand for")
    func arabiziDigits() {
        #expect(skeleton("9raya") == skeleton("قراية"))
        #expect(skeleton("7ala") == skeleton("حالة"))
        #expect(skeleton("5dma") == skeleton("خدمة"))
        #expect(skeleton("khdma") == skeleton("خدمة"))
        #expect(skeleton("8arama") == skeleton("غرامة"))
        #expect(skeleton("gharama") == skeleton("غرامة"))
    }

    @Test("Latin, Arabic and Tifinagh spellings of one word meet")
    func scripts() {
        #expect(skeleton("basbor") == skeleton("باسبور"))
        #expect(skeleton("paspor") == skeleton("باسبور"))
        #expect(skeleton("abasbur") == skeleton("ⴰⴱⴰⵙⴱⵓⵔ"))
        #expect(skeleton("chahada") == skeleton("شهادة"))
        #expect(skeleton("chahada") != skeleton("سهادة"))
    }
}

@Suite("Lexical retrieval")
struct LexicalRetrievalTests {
    @Test("an Arabizi question finds a document written only in Arabic script")
    func arabiziFindsArabic() throws {
        let index = RetrievalIndex(documents: RetrievalFixtures.arabicOnly)
        let expected = [
            "bghit nkhrej lbasbor 3afak": "passport", "kifach njded l passpor": "passport",
            "fin n9der nakhod 3a9d lazdiyad": "birth-certificate-extract", "tajdid lakart nasyonal": "cnie-renewal",
        ]
        for (question, id) in expected {
            #expect(try index.search(question, limit: 3).candidates.first?.id == id, "\(question)")
        }
        // Every content word found across scripts: covered enough to answer.
        let covered = try index.search("tajdid lbasbor", limit: 3)
        #expect(covered.candidates.first?.id == "passport")
        #expect(!covered.abstained, "coverage \(covered.lexicalConfidence)")
        #expect(covered.lexicalConfidence > 0.75)
    }

    @Test("coverage counts words the best document lacks, rare ones most")
    func coverage() throws {
        let index = RetrievalIndex(documents: RetrievalFixtures.arabicOnly)
        let full = try index.search("جواز السفر", limit: 1).lexicalConfidence
        let half = try index.search("جواز السفر فندق", limit: 1).lexicalConfidence
        #expect(full > 0.99)
        #expect(half < 0.7)
        #expect(half > 0.3)
    }

    @Test("a short skeleton shared across scripts proves little: French demain is not Arabic ضمان")
    func shortSkeletons() throws {
        let index = RetrievalIndex(documents: [
            RetrievalDocument(id: "cnss-registration", headings: ["الضمان الاجتماعي"], summaries: [], body: [], passages: []),
            RetrievalDocument(id: "passport", headings: ["الباسبور"], summaries: [], body: [], passages: []),
        ])
        let demain = try index.search("demain", limit: 1)
        #expect(demain.candidates.first?.id == "cnss-registration")
        #expect(demain.lexicalConfidence <= 0.5)
        #expect(try index.search("lbasbor", limit: 1).lexicalConfidence > 0.9)
    }

    @Test("a title match outranks a body mention of the same word")
    func fieldWeights() throws {
        let index = RetrievalIndex(documents: RetrievalFixtures.french)
        let result = try index.search("permis de conduire", limit: 3)
        #expect(result.candidates.map(\.id).prefix(2) == ["driving-licence", "vehicle-registration"])
        let scores = result.candidates.compactMap(\.lexicalScore)
        #expect(scores[0] > scores[1])
    }

    @Test("accents, case and typos do not matter much")
    func spelling() throws {
        let index = RetrievalIndex(documents: RetrievalFixtures.french)
        #expect(try index.search("CREATION SOCIETE", limit: 1).candidates.first?.id == "company-creation")
        #expect(try index.search("imatriculation vehicul", limit: 1).candidates.first?.id == "vehicle-registration")
    }

    @Test("a rare word weighs more than a common one")
    func idf() throws {
        let index = RetrievalIndex(documents: RetrievalFixtures.arabicOnly)
        // البطاقة appears in three documents, العدلي in one.
        let result = try index.search("البطاقة العدلي", limit: 3)
        #expect(result.candidates.first?.id == "criminal-record-extract")
    }

    @Test("questions no document answers are abstained on; answerable ones are not")
    func abstention() throws {
        let index = RetrievalIndex(documents: RetrievalFixtures.arabicOnly + RetrievalFixtures.french)
        for question in ["quel temps fera-t-il demain à Rabat", "chno kayn f match lyoum", "وصفة الطاجين بالدجاج"] {
            let result = try index.search(question, limit: 3)
            #expect(result.abstained, "\(question): confidence \(result.lexicalConfidence)")
            #expect(result.hits.isEmpty)
        }
        let answerable = try index.search("mon permis de conduire en auto-ecole", limit: 3)
        #expect(!answerable.abstained)
        #expect(answerable.hits.first?.id == "driving-licence")
    }
}

@Suite("Dense retrieval and fusion")
struct DenseAndFusionTests {
    @Test("reciprocal rank fusion adds 1/(60 + rank) from each ranking")
    func rrf() {
        let fused = RankFusion.reciprocalRank([[0, 1, 2], [2, 0, 3]])
        #expect(fused.map(\.document) == [0, 2, 1, 3])
        #expect(abs(fused[0].score - (1.0 / 61 + 1.0 / 62)) < 1e-12)
        #expect(abs(fused[3].score - 1.0 / 63) < 1e-12)
    }

    @Test("dense vectors find a document that shares no word with the question, and fusion ranks it")
    func denseFindsSynonym() async throws {
        let provider = ConceptEmbeddings()
        let index = try await RetrievalIndex(documents: RetrievalFixtures.arabicOnly).withDenseVectors(from: provider)
        let lexicalOnly = try index.search("document de voyage", limit: 3)
        #expect(lexicalOnly.candidates.first?.id != "passport")
        let fused = try await index.search("document de voyage", provider: provider, limit: 3)
        #expect(fused.candidates.first?.id == "passport")
        #expect(fused.candidates.first?.denseRank == 1)
        #expect((fused.bestDenseSimilarity ?? 0) > 0.9)
    }

    @Test("vectors are normalised: scale does not change cosine ranking")
    func normalisation() throws {
        let index = try DenseIndex(documentCount: 2, passageVectors: [[10, 0], [0, 0.1]], owners: [0, 1])
        let hits = try index.search([0, 5], limit: 2)
        #expect(hits.map(\.document) == [1, 0])
        #expect(abs(hits[0].score - 1) < 1e-6)
        #expect(throws: DenseIndexError.wrongDimension(expected: 2, received: 3)) { try index.search([1, 2, 3], limit: 1) }
    }
}

@Suite("Dense trust per language form")
struct DenseTrustTests {
    /// BM25 sums features in hash-set order, which varies between calls: equal up to float rounding.
    func sameScores(_ a: RetrievalResult, _ b: RetrievalResult) -> Bool {
        a.candidates.count == b.candidates.count
            && zip(a.candidates, b.candidates).allSatisfy { abs($0.score - $1.score) <= 1e-4 * max(1, abs($1.score)) }
    }

    /// The French fixtures with one vector per document along its own axis: dense ranking follows the query vector.
    func index() throws -> RetrievalIndex {
        let dense = try DenseIndex(documentCount: 3, passageVectors: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], owners: [0, 1, 2])
        return RetrievalIndex(documents: RetrievalFixtures.french, dense: dense)
    }

    @Test("dense votes reach the ranking of a French question but not of an Amazigh one, whose ranking is lexical")
    func amazighRankingIsLexical() throws {
        let index = try index()
        let towardsVehicle: [Float] = [0.2, 1, 0]
        let french = try index.search("auto-école", queryVector: towardsVehicle, language: .french, limit: 3)
        #expect(french.candidates.map(\.id) == ["driving-licence", "vehicle-registration", "company-creation"])
        let lexical = try index.search("auto-école", limit: 3)
        for form in [LanguageForm.amazighLatin, .amazighTifinagh] {
            let amazigh = try index.search("auto-école", queryVector: towardsVehicle, language: form, limit: 3)
            #expect(amazigh.candidates.map(\.id) == lexical.candidates.map(\.id))
            #expect(sameScores(amazigh, lexical))
        }
    }

    @Test("a Tifinagh question is judged Amazigh without a language given")
    func tifinaghNeedsNoLanguage() throws {
        let index = try index()
        let result = try index.search("ⵎⴰⵏⵉ auto-école", queryVector: [0.2, 1, 0], limit: 3)
        let lexical = try index.search("ⵎⴰⵏⵉ auto-école", limit: 3)
        #expect(result.candidates.map(\.id) == lexical.candidates.map(\.id))
        #expect(sameScores(result, lexical))
        let latin = try index.search("auto-école", queryVector: [0.2, 1, 0], limit: 3)
        #expect(!sameScores(latin, try index.search("auto-école", limit: 3)))
    }

    @Test("a low dense similarity vetoes a French answer, not an Amazigh or Arabizi one")
    func similarityGatesByForm() throws {
        let index = try index()
        let vague: [Float] = [0.3, 0.3, 0.3]  // cosine 0.58 with every passage
        let french = try index.search("auto-école", queryVector: vague, language: .french, limit: 3)
        #expect(french.abstained)
        #expect(french.lexicalConfidence >= AbstentionRule.calibrated.minimumLexicalConfidenceWithDense)
        for form in [LanguageForm.amazighLatin, .darijaLatin] {
            #expect(!(try index.search("auto-école", queryVector: vague, language: form, limit: 3)).abstained)
        }
        let sure: [Float] = [1, 0.1, 0]
        #expect(!(try index.search("auto-école", queryVector: sure, language: .french, limit: 3)).abstained)
    }

    @Test("Amazigh questions answer at a lower coverage than others")
    func amazighCoverageThreshold() {
        let rule = AbstentionRule.calibrated
        #expect(rule.answers(lexicalConfidence: 0.35, denseSimilarity: nil, form: .amazighLatin))
        #expect(rule.answers(lexicalConfidence: 0.35, denseSimilarity: nil, form: .amazighTifinagh))
        #expect(!rule.answers(lexicalConfidence: 0.35, denseSimilarity: nil, form: .french))
        #expect(!rule.answers(lexicalConfidence: 0.2, denseSimilarity: nil, form: .amazighLatin))
    }
}
