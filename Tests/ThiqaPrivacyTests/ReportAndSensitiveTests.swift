import Testing

@testable import ThiqaPrivacy

@Suite("scan JSON output and sensitive categories")
struct ReportAndSensitiveTests {
    @Test("Findings JSON has type, start, end, text, score")
    func findingsJSON() {
        let json = PrivacyReportJSON.findingsJSON(PrivacyScanner().scan("tél \"0612345678\""))
        #expect(json == #"[{"type":"PHONE","start":5,"end":15,"text":"0612345678","score":0.92}]"#)
        #expect(PrivacyReportJSON.findingsJSON([]) == "[]")
        var s = ""
        PrivacyReportJSON.appendString("a\"b\\c\n\u{01}é👋", to: &s)
        #expect(s == #""a\"b\\c\n\u0001é👋""#)
    }

    @Test("JSONL: id echoed as given (string or number)")
    func jsonl() throws {
        let scanner = PrivacyScanner()
        #expect(try PrivacyReportJSON.processJSONLLine(#"{"id":"a-1","text":"CIN BE123456"}"#, scanner: scanner)
            == #"{"id":"a-1","entities":[{"type":"CIN","start":4,"end":12,"text":"BE123456","score":0.93}]}"#)
        #expect(try PrivacyReportJSON.processJSONLLine(#"{"text":"rien","id":42}"#, scanner: scanner) == #"{"id":42,"entities":[]}"#)
        #expect(try PrivacyReportJSON.processJSONLLine(#" {"id":1.50e2,"text":"\u0036\u0031"} "#, scanner: scanner) == #"{"id":1.50e2,"entities":[]}"#)
        #expect(try PrivacyReportJSON.processJSONLLine(#"{"id":"\ud83d\udc4b","text":""}"#, scanner: scanner) == #"{"id":"👋","entities":[]}"#)
    }

    @Test(
        "JSONL: bad lines name the field",
        arguments: [
            (#"{"text":"x"}"#, "\"id\""), (#"{"id":1}"#, "\"text\""), (#"{"id":1,"text":5}"#, "\"text\""),
            (#"{"id":null,"text":"x"}"#, "\"id\""), (#"{"id":[1],"text":"x"}"#, "\"id\""), ("[1,2]", "object"), ("{", "JSON"), ("", "JSON"),
            (#"{"id":1,"text":"x"} trailing"#, "JSON"),
        ]
    )
    func badLines(_ line: String, _ mention: String) {
        do {
            _ = try PrivacyReportJSON.processJSONLLine(line, scanner: PrivacyScanner())
            Issue.record("accepted \(line)")
        } catch {
            #expect(error.description.contains(mention), "\(error.description)")
        }
    }

    @Test(
        "Sensitive categories in every language (the former entry point)",
        arguments: [
            ("Je suis diabétique et j'ai besoin d'une dérogation", SensitiveCategory.health),
            ("عندي مرض السكري", .health), ("rani mrid bzaf", .health), ("ⵏⴽⴽⵉ ⴷⴰⵔⵉ ⴰⵟⵟⴰⵏ", .health),
            ("je me suis converti au christianisme", .religion), ("أنا ملحد", .religion),
            ("je suis militant du PJD", .politicalOpinion), ("شاركت في مظاهرة", .politicalOpinion),
            ("je suis membre du syndicat UMT", .tradeUnion), ("كنت في الإضراب", .tradeUnion),
            ("ma femme est d'origine subsaharienne", .ethnicOrigin), ("je suis homosexuel", .sexLife),
            ("mon test ADN de paternité est positif", .genetic), ("mes empreintes digitales sont illisibles", .biometric),
            ("j'ai été condamné l'an dernier", .criminalRecord), ("خرجت من السجن", .criminalRecord),
            ("my brother has a criminal record for theft", .criminalRecord),
        ]
    )
    func sensitive(_ text: String, _ category: SensitiveCategory) {
        #expect(SensitiveCategoryDetector().categories(in: text).contains(category), "\(SensitiveCategoryDetector().detect(text))")
    }

    @Test("Ordinary administrative messages are not sensitive")
    func notSensitive() {
        let detector = SensitiveCategoryDetector()
        for text in ["Je voudrais renouveler mon passeport", "بغيت نجدد لاكارط", "loi 09-08", "rendez-vous lundi à 10h", "ⴰⵣⵓⵍ", "casier judiciaire"] {
            #expect(detector.detect(text).isEmpty, "\(text): \(detector.detect(text))")
        }
    }
}
