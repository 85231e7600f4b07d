import ArgumentParser
import Foundation
import ThiqaPrivacy

struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find personal data in text read on standard input.",
        discussion: """
            Without options: reads all of standard input and prints {"entities":[…],"sensitive_categories":[…],\
            "sensitivity":{"verdict","categories","scores"}}: the personal data found ({"type","start","end","text",\
            "score"}, offsets in Unicode scalars) and the sensitive-data reading.
            With --jsonl: reads lines {"id":…,"text":…} and writes lines {"id":…,"entities":[…],"sensitive_categories":[…],\
            "sensitivity":{…}}; a bad line \
            gets {"id":…,"error":"…"} and the exit code is 1 at the end.
            """
    )

    @Flag(help: "Batch mode: one JSON object per line in and out.") var jsonl = false
    @Option(help: "Minimum score of a finding (0 to 1).") var minScore: Double = 0.5

    func validate() throws {
        guard (0...1).contains(minScore) else { throw ValidationError("--min-score must be between 0 and 1") }
    }

    func run() throws {
        let scanner = PrivacyScanner(minimumScore: minScore)
        if !jsonl {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard let text = String(data: data, encoding: .utf8) else {
                throw ValidationError("standard input is not valid UTF-8")
            }
            let prepared = PreparedText(text)
            let assessment = SensitiveDataDetector().assess(prepared)
            let categories = assessment.categories(threshold: assessment.thresholds.sensitive).map { "\"\($0.rawValue)\"" }.sorted()
            print(
                "{\"entities\":" + PrivacyReportJSON.findingsJSON(scanner.scan(prepared)) + ",\"sensitive_categories\":["
                    + categories.joined(separator: ",") + "],\"sensitivity\":" + PrivacyReportJSON.sensitivityJSON(assessment) + "}"
            )
            return
        }
        let detector = SensitiveDataDetector()
        try processJSONLines { line in try PrivacyReportJSON.processJSONLLine(line, scanner: scanner, detector: detector) }
    }
}
