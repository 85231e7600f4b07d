import Testing

@testable import ThiqaPrivacy

/// One category in one language: a message revealing the fact about a person, and a procedural message using the
/// same vocabulary. Written for these tests; none comes from the evaluation sets.
struct CategoryCase: Sendable, CustomTestStringConvertible {
    var language: String
    var category: SensitiveCategory
    var fact: String
    var procedural: String
    var testDescription: String { "\(self.language) \(self.category.rawValue)" }
}

let categoryCases: [CategoryCase] = [
    // French
    .init(language: "fr", category: .health, fact: "Ma tante est sous chimiothérapie depuis mars, elle ne peut plus travailler.",
          procedural: "Quels sont les horaires d'ouverture de l'hôpital provincial le dimanche ?"),
    .init(language: "fr", category: .genetic, fact: "Mon test génétique a révélé que je suis porteur de la drépanocytose.",
          procedural: "Quels laboratoires font des analyses à Rabat et à quel prix ?"),
    .init(language: "fr", category: .religion, fact: "Je me suis converti au protestantisme l'an dernier et ma famille l'a mal pris.",
          procedural: "Les horaires de la mairie changent-ils pendant le ramadan ?"),
    .init(language: "fr", category: .politicalOpinion, fact: "Mon oncle est militant du PJD depuis vingt ans.",
          procedural: "Quand auront lieu les prochaines élections communales ?"),
    .init(language: "fr", category: .tradeUnion, fact: "Je suis syndiqué à l'UMT et mon chef me menace de licenciement.",
          procedural: "La grève des trains m'a fait rater mon rendez-vous, puis-je le décaler ?"),
    .init(language: "fr", category: .ethnicOrigin, fact: "Ma voisine est d'origine subsaharienne et subit du racisme au travail.",
          procedural: "Où s'inscrire au cours d'amazighe du soir ?"),
    .init(language: "fr", category: .sexLife, fact: "Mon cousin est homosexuel et sa famille l'a chassé de la maison.",
          procedural: "Quels papiers faut-il pour un acte de mariage ?"),
    .init(language: "fr", category: .biometric, fact: "Mes empreintes digitales ont été refusées trois fois par le lecteur du consulat.",
          procedural: "Comment prendre rendez-vous pour un passeport biométrique ?"),
    .init(language: "fr", category: .criminalRecord, fact: "Mon frère a été condamné à deux ans de prison pour vol.",
          procedural: "Combien coûte un extrait de casier judiciaire ?"),
    // Arabic
    .init(language: "ar", category: .health, fact: "أبي مصاب بالسرطان ويخضع للعلاج الكيميائي منذ شهرين.", procedural: "ما هي مواعيد فتح المستشفى الإقليمي؟"),
    .init(language: "ar", category: .genetic, fact: "أظهر التحليل الجيني أن ابني يحمل مرضا وراثيا.", procedural: "ما هو ثمن التحليل في المختبرات العمومية؟"),
    .init(language: "ar", category: .religion, fact: "اعتنق أخي المسيحية منذ سنتين.", procedural: "هل الإدارة مفتوحة بعد الظهر في رمضان؟"),
    .init(language: "ar", category: .politicalOpinion, fact: "أنا مناضل في حزب التقدم والاشتراكية منذ عشر سنوات.",
          procedural: "متى تجرى الانتخابات الجماعية المقبلة؟"),
    .init(language: "ar", category: .tradeUnion, fact: "أنا منخرط في نقابة الاتحاد المغربي للشغل ويهددني المدير.",
          procedural: "تأخرت عن الموعد بسبب إضراب القطارات، هل يمكن تغييره؟"),
    .init(language: "ar", category: .ethnicOrigin, fact: "جارتي من أصل إفريقي وتتعرض للعنصرية في العمل.", procedural: "أين يمكن التسجيل في دروس اللغة الأمازيغية؟"),
    .init(language: "ar", category: .sexLife, fact: "ابن عمي مثلي الجنس وطردته عائلته.", procedural: "ما هي وثائق عقد الزواج؟"),
    .init(language: "ar", category: .biometric, fact: "رفض جهاز القنصلية بصمات أصابعي ثلاث مرات.", procedural: "كيف آخذ موعدا لجواز السفر البيومتري؟"),
    .init(language: "ar", category: .criminalRecord, fact: "حكم على أخي بالسجن سنتين بتهمة السرقة.", procedural: "كم ثمن شهادة السجل العدلي؟"),
    // Darija, Arabic script
    .init(language: "ary-Arab", category: .health, fact: "عمتي فيها الكانسير وكدير الشيميو كل سيمانة", procedural: "فوقاش كيتحل السبيطار الإقليمي؟"),
    .init(language: "ary-Arab", category: .genetic, fact: "التحليل ديال الجينات بان بلي ولدي فيه مرض وراثي", procedural: "بشحال التحليل فالمختبر؟"),
    .init(language: "ary-Arab", category: .religion, fact: "خويا ولّى مسيحي هادي عامين", procedural: "واش الإدارة حالة فالعشية فرمضان؟"),
    .init(language: "ary-Arab", category: .politicalOpinion, fact: "أنا مناضل فحزب التقدم والاشتراكية هادي عشر سنين", procedural: "فوقاش الانتخابات ديال الجماعة؟"),
    .init(language: "ary-Arab", category: .tradeUnion, fact: "أنا نقابي فالاتحاد والمدير كيهددني",
          procedural: "الإضراب ديال التران خلاني نتعطل على الموعد، واش نقدر نبدلو؟"),
    .init(language: "ary-Arab", category: .ethnicOrigin, fact: "أنا صحراوي وكيعايروني فالخدمة بالحسانية", procedural: "فين نتسجل فالدروس ديال الأمازيغية؟"),
    .init(language: "ary-Arab", category: .sexLife, fact: "ولد عمي مثلي والعائلة طردوه", procedural: "شنو الوراق ديال عقد الزواج؟"),
    .init(language: "ary-Arab", category: .biometric, fact: "الماكينة فالقنصلية رفضات البصمات ديالي ثلاث مرات", procedural: "كيفاش ناخد موعد للباسبور البيومتري؟"),
    .init(language: "ary-Arab", category: .criminalRecord, fact: "خويا تحكم عليه بعامين حبس على السرقة", procedural: "بشحال شهادة السجل العدلي؟"),
    // Darija, Latin script (Arabizi)
    .init(language: "ary-Latn", category: .health, fact: "3mmti fiha cancer w kadir chimio kol simana", procedural: "fou9ach kayt7el sbitar l'iqlimi?"),
    .init(language: "ary-Latn", category: .genetic, fact: "test génétique bayn belli weldi fih marad wirathi", procedural: "b ch7al analyse f laboratoire?"),
    .init(language: "ary-Latn", category: .religion, fact: "khouya wlla mesi7i hadi 3amayn", procedural: "wach l'idara m7loula f l3chiya f ramadan?"),
    .init(language: "ary-Latn", category: .politicalOpinion, fact: "ana mnadil f PPS hadi 10 snin", procedural: "fou9ach les élections dyal jama3a?"),
    .init(language: "ary-Latn", category: .tradeUnion, fact: "ana syndicaliste f UMT w lmodir kayhddedni",
          procedural: "la grève dyal train khllatni nt3ettel 3la rdv, wach nqder nbeddlo?"),
    .init(language: "ary-Latn", category: .ethnicOrigin, fact: "ana sa7raoui w kay3ayrouni f lkhedma b l7assaniya", procedural: "fin ntsejjel f cours dyal tamazight?"),
    .init(language: "ary-Latn", category: .sexLife, fact: "wld 3mmi gay w l3a2ila trdatou", procedural: "chno lwra9 dyal 3a9d zwaj?"),
    .init(language: "ary-Latn", category: .biometric, fact: "lmachina f consulat rfdat les empreintes dyali 3 mrat", procedural: "kifach nakhod rdv l passeport biométrique?"),
    .init(language: "ary-Latn", category: .criminalRecord, fact: "khouya t7kem 3lih b 3amayn 7bs 3la sri9a", procedural: "b ch7al casier judiciaire?"),
    // English
    .init(language: "en", category: .health, fact: "My aunt is on chemotherapy and can't work anymore.",
          procedural: "What are the opening hours of the provincial hospital on Sundays?"),
    .init(language: "en", category: .genetic, fact: "My genetic test showed I'm a carrier of sickle cell disease.",
          procedural: "Which labs in Rabat do the analysis and how much does it cost?"),
    .init(language: "en", category: .religion, fact: "I converted to Protestantism last year and my family took it badly.",
          procedural: "Does the town hall change its hours during Ramadan?"),
    .init(language: "en", category: .politicalOpinion, fact: "My uncle has been a PJD activist for twenty years.", procedural: "When are the next municipal elections?"),
    .init(language: "en", category: .tradeUnion, fact: "I'm a union member at UMT and my boss is threatening me.",
          procedural: "The train strike made me miss my appointment, can I move it?"),
    .init(language: "en", category: .ethnicOrigin, fact: "My neighbour is of Sub-Saharan origin and faces racism at work.",
          procedural: "Where can I sign up for evening Amazigh classes?"),
    .init(language: "en", category: .sexLife, fact: "My cousin is gay and his family threw him out.", procedural: "What papers are needed for a marriage certificate?"),
    .init(language: "en", category: .biometric, fact: "The consulate's reader rejected my fingerprints three times.",
          procedural: "How do I book an appointment for a biometric passport?"),
    .init(language: "en", category: .criminalRecord, fact: "My brother was sentenced to two years in prison for theft.",
          procedural: "How much does a criminal record extract cost?"),
    // Amazigh, Tifinagh
    .init(language: "zgh-Tfng", category: .health, fact: "ⵓⵍⵜⵎⴰ ⴷⴰⵔⵙ ⵍⴽⴰⵏⵙⵉⵔ, ⴰⵔ ⵜⵙⵙⵡⴰ ⴰⵙⴰⴼⴰⵔ ⴽⵓ ⴰⵙⵙ.", procedural: "ⵎⵍⵎⵉ ⴰⴷ ⵉⵔⵣⵎ ⵙⴱⵉⵟⴰⵔ?"),
    .init(language: "zgh-Tfng", category: .genetic, fact: "ⵉⵡⵉ ⴷⴰⵔⵙ ⴰⵟⵟⴰⵏ ⵉⴽⴽⴰⵏ ⵙⴳ ⵉⵎⵣⵡⵓⵔⴰ.", procedural: "ⵎⵏⵛⴽ ⴰⵜⵉⴳ ⵏ ⵓⵙⵙⴰⵢⵔ ⴳ ⵓⵏⵣⵡⵓ?"),
    .init(language: "zgh-Tfng", category: .religion, fact: "ⴳⵯⵎⴰ ⵉⵇⵇⵍⴱ ⵙ ⵜⵎⴰⵙⵉⵃⵉⵜ.", procedural: "ⵉⵙ ⵜⵔⵣⵎ ⵜⵎⵙⴽⵍⴰ ⴳ ⵕⵎⴹⴰⵏ?"),
    .init(language: "zgh-Tfng", category: .politicalOpinion, fact: "ⵏⴽⴽⵉ ⴳⵉⵖ ⴰⵎⵏⴰⴹⵍ ⴳ ⵓⴽⴰⴱⴰⵔ.", procedural: "ⵎⵍⵎⵉ ⴰⵔ ⵜⵜⵉⵍⵉⵏⵜ ⵜⴼⵔⴰⵏⵉⵏ?"),
    .init(language: "zgh-Tfng", category: .tradeUnion, fact: "ⵏⴽⴽⵉ ⴽⵛⵎⵖ ⵍⵉⴹⵔⴰⴱ ⴷ ⵉⵅⴷⴷⴰⵎⵏ.", procedural: "ⵎⴰⵏⵉⴽ ⴰⴷ ⵏⵙⵏⵜⵉ ⵜⴰⵎⵓⵏⵜ ⵏ ⵉⵅⴷⴷⴰⵎⵏ?"),
    .init(language: "zgh-Tfng", category: .ethnicOrigin, fact: "ⵏⴽⴽⵉ ⴳⵉⵖ ⴰⴱⵔⴽⴰⵏ, ⴰⵔ ⵉⵢⵉ ⵜⵜⵎⵎⵔⵉⴷⵏ.", procedural: "ⵎⴰⵏⵉ ⴰⴷ ⵙⵊⵊⵍⵖ ⴳ ⵓⵙⵍⵎⴷ ⵏ ⵜⵎⴰⵣⵉⵖⵜ?"),
    .init(language: "zgh-Tfng", category: .sexLife, fact: "ⵓⵍⵜⵎⴰ ⵜⵓⵔⵓ ⴱⵍⴰ ⵜⴰⵎⵖⵔⴰ.", procedural: "ⵎⴰⴷ ⵍⵍⵉ ⵉⵍⴰⵇⵏ ⵙⴳ ⵜⵡⵔⴰⵇ ⵉ ⵜⴰⵎⵖⵔⴰ?"),
    .init(language: "zgh-Tfng", category: .biometric, fact: "ⵍⴱⴰⵚⵎⴰ ⵏ ⵉⴹⵓⴹⴰⵏ ⵉⵏⵓ ⵓⵔ ⵜⵜⵓⵇⴱⴰⵍ.", procedural: "ⵎⴰⵏⵉⴽ ⴰⴷ ⴰⵡⵉⵖ ⴰⵎⵙⴰⵡⴰⴹ ⵉ ⵓⵙⵙⴰⵔⴰⴳ ⴰⴱⵢⵓⵎⵉⵜⵔⵉ?"),
    .init(language: "zgh-Tfng", category: .criminalRecord, fact: "ⴳⵯⵎⴰ ⵉⵜⵜⵓⵃⴽⴰⵎ ⵙ ⵙⵉⵏ ⵉⵙⴳⴳⵯⴰⵙⵏ ⴳ ⵍⵃⴱⵙ.", procedural: "ⵎⵏⵛⴽ ⴰⵜⵉⴳ ⵏ ⵜⵡⵔⵇⵜ ⵏ ⵙⵙⴰⵡⴰⴱⵉⵇ?"),
    // Amazigh, Latin script
    .init(language: "ber-Latn", category: .health, fact: "ultma dars lkansir, ar tsswa asafar kullu ass.", procedural: "mlmi ad irẓm sbitar?"),
    .init(language: "ber-Latn", category: .genetic, fact: "iwi dars aṭṭan ikkan zg imzwura.", procedural: "mnck atig n usslay g unzwu?"),
    .init(language: "ber-Latn", category: .religion, fact: "gʷma iqqlb s tmasiḥit.", procedural: "is trẓm tmskla g rmḍan?"),
    .init(language: "ber-Latn", category: .politicalOpinion, fact: "nkki giɣ amnaḍl g ukabar.", procedural: "mlmi ar ttilint tfranin?"),
    .init(language: "ber-Latn", category: .tradeUnion, fact: "nkki kcmɣ lgrev d ixddamn.", procedural: "manik ad nsnti tamunt n ixddamn?"),
    .init(language: "ber-Latn", category: .ethnicOrigin, fact: "nkki giɣ abrkan, ar iyi ttmmridn.", procedural: "mani ad sjjlɣ g uslmd n tmaziɣt?"),
    .init(language: "ber-Latn", category: .sexLife, fact: "ultma turu bla tamɣra.", procedural: "mad lli ilaqn zg lwraq i tamɣra?"),
    .init(language: "ber-Latn", category: .biometric, fact: "lbaṣma n iḍuḍan inu ur tettuqbal.", procedural: "manik ad awiɣ amsawaḍ i upaspur abyumitri?"),
    .init(language: "ber-Latn", category: .criminalRecord, fact: "gʷma ittuḥkam s sin isggʷasn g lḥbs.", procedural: "mnck atig n tawriqt n ssawabiq?"),
]

@Suite("Sensitive-data detector")
struct SensitiveDataTests {
    let detector = SensitiveDataDetector()

    @Test("Every category in every language: the fact is sensitive, the procedural use is not", arguments: categoryCases)
    func factAndProcedure(_ example: CategoryCase) {
        let fact = self.detector.assess(example.fact, language: example.language)
        #expect(fact.verdict.sensitiveCategories.contains(example.category), "\(example.fact): \(fact.scores)")
        let procedural = self.detector.assess(example.procedural, language: example.language)
        #expect(procedural.verdict == .notSensitive, "\(example.procedural): \(procedural.scores)")
    }

    @Test("The cases cover all nine categories in all seven language forms")
    func coverage() {
        for language in SensitiveLanguage.allCases {
            let covered = Set(categoryCases.filter { $0.language == language.rawValue }.map(\.category))
            #expect(covered == Set(SensitiveCategory.allCases), "\(language.rawValue)")
        }
    }

    @Test("Scores are probabilities for every category")
    func scoresInRange() {
        for text in ["", "Bonjour", "Mon père a la maladie de Parkinson.", "ⴰⵣⵓⵍ", String(repeating: "prison hôpital grève ", count: 200)] {
            let assessment = self.detector.assess(text)
            #expect(assessment.scores.count == SensitiveCategory.allCases.count)
            #expect(assessment.scores.values.allSatisfy { (0...1).contains($0) })
        }
    }

    @Test("A diagnosis about the sender scores higher than the same word in a school project")
    func contextOrders() {
        let own = self.detector.assess("Je suis épileptique depuis l'enfance.").scores[.health] ?? 0
        let project = self.detector.assess("Quelles statistiques existent sur l'épilepsie pour un exposé ?").scores[.health] ?? 0
        #expect(own >= SensitivityThresholds.standard.sensitive)
        #expect(project < SensitivityThresholds.standard.uncertain)
        #expect(own - project > 0.5)
    }

    @Test("Thresholds decide between sensitive, uncertain and not sensitive")
    func thresholds() {
        let scores = Dictionary(uniqueKeysWithValues: SensitiveCategory.allCases.map { ($0, 0.01) })
        var assessment = SensitivityAssessment(
            scores: scores.merging([.health: 0.4, .religion: 0.3]) { $1 }, thresholds: .init(sensitive: 0.5, uncertain: 0.25),
            languageRecognized: true)
        #expect(assessment.verdict == .uncertain([.health, .religion]))
        #expect(assessment.categories(threshold: 0.35) == [.health])
        assessment.thresholds = .init(sensitive: 0.35, uncertain: 0.2)
        #expect(assessment.verdict == .sensitive([.health]))
        assessment.thresholds = .init(sensitive: 0.9, uncertain: 0.45)
        #expect(assessment.verdict == .notSensitive)
        assessment.languageRecognized = false
        #expect(assessment.verdict == .uncertain([]))
    }

    @Test("Record decisions carry the verdict, categories and scores, never the words")
    func recordDecisions() {
        let text = "Mon mari est séropositif et suit un traitement antirétroviral."
        let decisions = self.detector.assess(text).recordDecisions
        #expect(decisions.first == "sensitivity:sensitive")
        #expect(decisions.contains { $0.hasPrefix("sensitive:health:") })
        for word in ["séropositif", "seropositif", "traitement", "antirétroviral", "mari"] {
            #expect(!decisions.joined().contains(word))
        }
    }

    @Test("Language hints: known codes parse, unknown ones make the verdict uncertain")
    func languageHints() {
        #expect(SensitiveLanguage(code: "ary-Latn") == .darijaLatin)
        #expect(SensitiveLanguage(code: "ary") == .darijaArabic)
        #expect(SensitiveLanguage(code: "zgh") == .amazighTifinagh)
        #expect(SensitiveLanguage(code: "shi-Latn") == .amazighLatin)
        #expect(SensitiveLanguage(code: "FR") == .french)
        #expect(SensitiveLanguage(code: "de") == nil)
        let german = self.detector.assess("Mein Vater hat Krebs.", language: "de")
        #expect(!german.languageRecognized)
        #expect(german.verdict == .uncertain([]))
        let russian = self.detector.assess("Мой отец болен раком и лежит в больнице.")
        #expect(!russian.languageRecognized)
        #expect(self.detector.assess("Bonjour, je voudrais renouveler mon passeport.").verdict == .notSensitive)
    }

    @Test("The former entry point still reports categories, with valid offsets")
    func compatibility() {
        let old = SensitiveCategoryDetector()
        let text = "Mon père a la maladie d'Alzheimer, comment retirer sa pension ?"
        #expect(old.categories(in: text).contains(.health))
        #expect(old.categories(in: "Combien coûte un extrait de casier judiciaire ?").isEmpty)
        let count = text.unicodeScalars.count
        let findings = old.detect(text)
        #expect(!findings.isEmpty)
        for finding in findings {
            #expect(finding.start >= 0 && finding.start < finding.end && finding.end <= count)
            #expect(Array(text.unicodeScalars)[finding.start..<finding.end].map(String.init).joined() == finding.text)
        }
        #expect(old.detect("").isEmpty)
    }

    @Test("JSON output: verdict, categories, every score; JSONL line with sensitive_categories")
    func json() throws {
        let assessment = self.detector.assess("Je suis diabétique depuis dix ans.")
        let json = PrivacyReportJSON.sensitivityJSON(assessment)
        #expect(json.hasPrefix(#"{"verdict":"sensitive","categories":["health"],"scores":{"health":"#))
        for category in SensitiveCategory.allCases { #expect(json.contains("\"\(category.rawValue)\":")) }
        let line = try PrivacyReportJSON.processJSONLLine(
            #"{"id":7,"text":"ana 3ndi sokkar w kanakhod insuline"}"#, scanner: PrivacyScanner(), detector: self.detector)
        #expect(line.hasPrefix(#"{"id":7,"entities":[],"sensitive_categories":["health"],"sensitivity":{"verdict":"sensitive""#))
        let harmless = try PrivacyReportJSON.processJSONLLine(
            #"{"id":"x","text":"Quels documents pour la carte RAMED ?"}"#, scanner: PrivacyScanner(), detector: self.detector)
        #expect(harmless.contains(#""sensitive_categories":[],"sensitivity":{"verdict":"not_sensitive""#))
    }
}

@Suite("Sensitivity policy")
struct SensitivityPolicyTests {
    let detector = SensitiveDataDetector()

    @Test("Default: sensitive and uncertain messages go to sovereign backends, harmless ones are unrestricted")
    func defaults() {
        let policy = SensitivityPolicy.default
        #expect(policy.onSensitive == .routeSovereign && policy.onUncertain == .routeSovereign)
        let sensitive = self.detector.assess("Mon fils est autiste et l'école refuse de l'inscrire.")
        #expect(policy.decision(for: sensitive) == .apply(.routeSovereign, because: .sensitive([.health])))
        #expect(policy.decision(for: self.detector.assess("Quels sont les horaires de la préfecture ?")) == .unrestricted)
        let unknownLanguage = self.detector.assess("Mi padre tiene cáncer.", language: "es")
        #expect(policy.decision(for: unknownLanguage).action == .routeSovereign)
    }

    @Test("Block and require review are applied as configured")
    func configured() {
        let blocking = SensitivityPolicy(onSensitive: .block, onUncertain: .requireReview)
        let sensitive = self.detector.assess("I was convicted of fraud in 2019 and served eighteen months.")
        #expect(blocking.decision(for: sensitive).action == .block)
        var uncertain = sensitive
        uncertain.scores = Dictionary(uniqueKeysWithValues: SensitiveCategory.allCases.map { ($0, 0.0) })
        uncertain.scores[.criminalRecord] = (blocking.thresholds.uncertain + blocking.thresholds.sensitive) / 2
        #expect(blocking.decision(for: uncertain) == .apply(.requireReview, because: .uncertain([.criminalRecord])))
    }

    @Test("The policy's thresholds replace the assessment's")
    func policyThresholds() {
        let assessment = self.detector.assess("My grandmother has Parkinson's disease and cannot sign.")
        let lax = SensitivityPolicy(thresholds: .init(sensitive: 1, uncertain: 1))
        #expect(lax.decision(for: assessment) == .unrestricted || assessment.highestScore >= 1)
        #expect(SensitivityPolicy.default.decision(for: assessment).action == .routeSovereign)
    }

    @Test("Several messages: the strictest decision wins")
    func strictest() {
        let policy = SensitivityPolicy(onSensitive: .block, onUncertain: .routeSovereign)
        let harmless = self.detector.assess("Où se trouve le bureau d'état civil ?")
        let sensitive = self.detector.assess("ana mrid b sokkar w kanakhod dwa kol nhar")
        #expect(policy.decision(for: [harmless]) == .unrestricted)
        #expect(policy.decision(for: [harmless, sensitive, harmless]).action == .block)
        #expect(policy.decision(for: []) == .unrestricted)
    }

    @Test("Actions have stable names for configuration files")
    func names() {
        #expect(SensitiveDataAction.allCases.map(\.rawValue) == ["route_sovereign", "block", "require_review"])
    }
}

@Suite("Biometric documents are not body biometrics")
struct BiometricDocumentTests {
    let detector = SensitiveDataDetector()

    @Test(
        "A biometric document or a document's fingerprint requirement is not sensitive",
        arguments: [
            "Je dois renouveler mon passeport biométrique avant l'été, le dépôt se fait-il à la préfecture ?",
            "Are fingerprints mandatory for the residence permit renewal?",
            "هل البصمات إجبارية لطلب التأشيرة للأطفال؟",
            "واش خاص البصمات باش نجدد لاكارط؟",
            "ⵎⴰⵏⵉ ⴰⴷ ⴰⵡⵉⵖ ⵜⴰⴽⴰⵔⴹⴰ ⵜⴰⴱⵢⵓⵎⵉⵜⵔⵉⵜ ⵉⵏⵓ?",
            "Mani ad awiɣ lpaspor abyumitri inu?",
        ]
    )
    func document(_ text: String) {
        #expect(self.detector.assess(text).scores[.biometric] ?? 1 < SensitiveModel.sensitiveThreshold)
    }

    @Test(
        "The person's own fingerprints or face stay biometric facts, even next to a document",
        arguments: [
            "Mes empreintes ne passent plus à la borne depuis ma brûlure, et je dois renouveler ma carte.",
            "My face was rejected by the passport kiosk three times after my surgery.",
            "Iḍuḍan inu ur ttbayann i lakart, ḥrqɣ tn g lkhdmt.",
        ]
    )
    func bodyFact(_ text: String) {
        #expect(self.detector.assess(text).scores[.biometric] ?? 0 >= SensitiveModel.sensitiveThreshold)
    }

    @Test("A question opening with a copula states no ethnic origin")
    func questionCopula() {
        #expect(self.detector.assess("Are there Amazigh classes for children in Rabat?").categories(threshold: SensitiveModel.sensitiveThreshold).isEmpty)
    }
}

@Suite("A doctor who speaks to the person, causes and study cues")
struct PractitionerAndCueTests {
    let detector = SensitiveDataDetector()

    @Test(
        "What a doctor told or gave the person is health data about them",
        arguments: [
            "مراتي حاملة فالشهر السابع والطبيب قال خاصها الراحة، واش تقدر تاخد الكونجي دابا؟",
            "الطبيب عطاني شهادة ديال عشرين يوم والشاف ما بغاش يقبلها.",
            "tbib gal li 3andi l7asasiya f sdr, wach n9der nbdl lblasa?",
            "Le médecin m'a dit que j'ai un début de glaucome, la mutuelle rembourse-t-elle les gouttes ?",
            "Aṭbib inna yi is dari aṭṭan n uzwu, is zmrɣ ad bddlɣ lxdmt?",
        ]
    )
    func doctorSpeaks(_ text: String) {
        #expect(self.detector.assess(text).scores[.health] ?? 0 >= SensitiveModel.sensitiveThreshold, "\(text)")
    }

    @Test(
        "A doctor asking about their own practice stays a profession, not a patient",
        arguments: [
            "أنا طبيب وبغيت نحل عيادة، شنو هي الأوراق اللي خاصني؟",
            "ana tbib w bghit n7el cabinet, chno lwra9 li khasni?",
            "Je suis médecin et je veux ouvrir une clinique de jour à Salé : quelles autorisations faut-il demander ?",
        ]
    )
    func doctorsJob(_ text: String) {
        #expect(self.detector.assess(text).verdict == .notSensitive, "\(text)")
    }

    @Test("A cause does not explain a condition away, a school report does")
    func causeAndStudy() {
        let blind = self.detector.assess("Mon grand-père a perdu la vue à cause du glaucome, comment lui faire une procuration ?")
        #expect(blind.scores[.health] ?? 0 >= SensitiveModel.sensitiveThreshold)
        let report = self.detector.assess("ولدي كيوجد عرض على مرض السكري فالمدرسة، عندكم شي أرقام؟")
        #expect(report.scores[.health] ?? 1 < SensitiveModel.sensitiveThreshold)
    }

    @Test("A yes/no question particle before an Amazigh copula states nothing about anyone")
    func amazighQuestion() {
        let course = self.detector.assess("Is tlla tinml ad issn tamaziɣt i imqqurn g Agadir?")
        #expect(course.scores[.ethnicOrigin] ?? 1 < SensitiveModel.sensitiveThreshold)
    }

    @Test("A lexicon phrase with digits would never match: the digits of a movement's name are not needed")
    func digitlessMovement() {
        let text = "J'étais coordinateur régional du Mouvement du 20 février et je suis encore surveillé."
        #expect(self.detector.assess(text).scores[.politicalOpinion] ?? 0 >= SensitiveModel.sensitiveThreshold)
    }
}
