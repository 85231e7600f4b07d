import Testing

@testable import ThiqaLanguage

/// Sentences written for these tests: none comes from the training corpus or from eval/language/heldout.jsonl.
@Suite struct LanguageIdentifierTests {
    let identifier = LanguageIdentifier()

    @Test(arguments: [
        ("Je voudrais savoir si la mairie délivre les certificats le samedi matin.", LanguageTag.french),
        ("vous pouvez me rappeler svp", .french),
        ("نرجو منكم تمكيني من نسخة موجزة من رسم الولادة في أقرب وقت.", .arabic),
        ("هل تقبلون الطلبات عبر البريد الإلكتروني؟", .arabic),
        ("واش هاد الورقة كيعطيوها فالبلدية ولا فالقيادة؟", .darijaArabic),
        ("بغيت نعرف فين غادي نحط الملف", .darijaArabic),
        ("wach had lwar9a kay3tiwha f lbaladiya wla f l9iyada?", .darijaLatin),
        ("bghit n3ref fin ghadi n7et dossier", .darijaLatin),
        ("ⵉⵙ ⵜⵣⴹⴰⵔⵎ ⴰⴷ ⵉⵢⵉ ⵜⴰⵡⵙⵎ ⴰⵙⵙⴰ?", .amazighTifinagh),
        ("ⵜⴰⵏⵎⵎⵉⵔⵜ", .amazighTifinagh),
        ("azul, is tzḍarm ad iyi tawsm ɣassa ɣ lbiru?", .amazighLatin),
        ("riɣ ad ssnɣ mani ad dduɣ", .amazighLatin),
        ("Could you call me back tomorrow about my residence card?", .english),
        ("where do I sign", .english),
        ("¿Me pueden llamar mañana por lo de mi tarjeta de residencia?", .spanish),
        ("dónde tengo que firmar", .spanish),
    ])
    func recognisesEachLanguage(text: String, expected: LanguageTag) {
        let result = identifier.identify(text)
        #expect(result.language == expected, "\(text)")
        #expect((0...1).contains(result.confidence))
    }

    @Test(arguments: ["3lach ma jawbtonich 7ta daba?", "7na bghina n9iydo weldna f sbitar", "wach kayn chi 2imkaniya", "9rit l3lan w ma fhmtch"])
    func digitsForLettersAreDarijaInLatinLetters(text: String) {
        #expect(identifier.identify(text).language == .darijaLatin, "\(text)")
    }

    @Test func tifinaghIsAmazighWhateverTheWords() {
        let result = identifier.identify("ⵎⴰⵏⵉ ⵍⵍⴰⵏ ⵉⵎⵙⵅⴷⴰⵎⵏ ⵏ ⵜⵖⵉⵡⴰⵏⵜ?")
        #expect(result.language == .amazighTifinagh)
        #expect(result.confidence == 1)
        #expect(result.others.isEmpty)
    }

    @Test func darijaWithFrenchReportsFrench() {
        let result = identifier.identify("bghit nbeddel l'adresse dyali, mais le guichet est fermé aujourd'hui")
        #expect(result.language == .darijaLatin)
        #expect(result.others.contains(.french))
    }

    @Test func darijaInArabicScriptWithFrenchInLatinLetters() {
        let result = identifier.identify("بغيت نخلص الضريبة ديال السكنى ولكن le site ne marche pas")
        #expect(result.language == .darijaArabic)
        #expect(result.others == [.french])
    }

    @Test func tifinaghWithAFrenchWordReportsFrenchButNotForAnAcronym() {
        let withWord = identifier.identify("ⴰⵣⵓⵍ, ⵔⵉⵖ ⴰⴷ ⵙⵙⵏⵖ ⵎⴰⵏⵉ ⵉⵍⵍⴰ le bureau de poste")
        #expect(withWord.language == .amazighTifinagh)
        #expect(withWord.others == [.french])
        let withAcronym = identifier.identify("ⵙⵙⵊⵍⵖ ⵖ CNSS ⵎⴰⵛⴰ ⵓⵔ ⵉⵢⵉ ⴼⴽⵉⵏ ⵓⵟⵟⵓⵏ")
        #expect(withAcronym.language == .amazighTifinagh)
        #expect(withAcronym.others.isEmpty)
    }

    @Test(arguments: [
        "Je vous remercie de m'avoir expliqué la procédure pour le permis de conduire.",
        "أود أن أشكركم على سرعة الرد وعلى وضوح المعلومات المقدمة.",
        "Thank you for explaining how the driving licence procedure works.",
    ])
    func monolingualTextsReportNoOthers(text: String) {
        #expect(identifier.identify(text).others.isEmpty, "\(text)")
    }

    @Test(arguments: ["", "   \n\t", "123 456 789", "😀 👍", "?!…", "Здравствуйте, мне нужна справка"])
    func nothingToJudgeIsUndetermined(text: String) {
        let result = identifier.identify(text)
        #expect(result.language == .undetermined)
        #expect(result.confidence == 0)
        #expect(result.others.isEmpty)
    }

    @Test func arabicDiacriticsTatweelAndAlefFormsDoNotChangeTheAnswer() {
        let plain = identifier.identify("بغيت نعرف اش خاصني")
        let decorated = identifier.identify("بَغِيتْ نْعَـــرْفْ آشْ خَاصْنِي")
        #expect(plain == decorated)
        #expect(plain.language == .darijaArabic)
    }

    @Test func tokenizerFoldsDigitsApostrophesAndCase() {
        let tokens = Tokenizer.tokens("L’ADRESSE ٣afak, CNSS!")
        #expect(tokens.map { String(String.UnicodeScalarView($0.scalars)) } == ["l'adresse", "3afak", "cnss"])
        #expect(tokens.map(\.isAcronym) == [false, false, true])
        #expect(tokens.allSatisfy { $0.script == .latin })
    }

    @Test func aLongMessageIsSurerThanOneAmbiguousWord() {
        let long = identifier.identify("Bonjour, je voudrais prendre rendez-vous pour renouveler ma carte nationale.")
        let short = identifier.identify("document")
        #expect(long.confidence > short.confidence)
        #expect(long.confidence > 0.9)
    }

    @Test func jsonLineEchoesTheIdAndListsOthers() {
        let result = LanguageIdentification(language: .darijaLatin, confidence: 0.8, others: [.french, .english])
        #expect(result.jsonLine(rawID: "\"m-1\"") == #"{"id":"m-1","lang":"ary-Latn","others":["fr","en"]}"#)
        #expect(LanguageIdentification.undetermined.jsonLine(rawID: "7") == #"{"id":7,"lang":"und","others":[]}"#)
    }

    @Test func tagsAreTheIssuesCodes() {
        #expect(LanguageTag.allCases.map(\.rawValue) == ["fr", "ar", "ary-Arab", "ary-Latn", "zgh-Tfng", "ber-Latn", "en", "es", "und"])
    }
}
