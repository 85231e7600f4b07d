import ThiqaJSON

/// JSON output for `thiqa scan` and `thiqa scan --jsonl`, written by hand for speed and a stable key order.
public enum PrivacyReportJSON {
    /// `[{"type":"CIN","start":12,"end":20,"text":"BE123456","score":0.95}, …]`
    public static func findingsJSON(_ findings: [Finding]) -> String {
        var out = "["
        for (index, finding) in findings.enumerated() {
            if index > 0 { out += "," }
            out += "{\"type\":\"\(finding.type.rawValue)\",\"start\":\(finding.start),\"end\":\(finding.end),\"text\":"
            Self.appendString(finding.text, to: &out)
            out += ",\"score\":\(Self.number(finding.score))}"
        }
        out += "]"
        return out
    }

    /// Reads `{"id":…,"text":…}` and returns `{"id":…,"entities":[…]}`; `id` (string or number) is echoed as given.
    /// - Throws: `PrivacyError.invalidInput` naming the field at fault.
    /// One `thiqa scan --jsonl` input line: the `id` exactly as written (a JSON string literal or number) and the text.
    public struct ScanRequestLine: Sendable, Equatable {
        /// The id as it must be echoed: a JSON string literal (with quotes) or the number as written.
        public var rawID: String
        public var text: String
    }

    /// Parses `{"id":…,"text":…}`.
    /// - Throws: `PrivacyError.invalidInput` naming the field at fault.
    public static func parseLine(_ line: String) throws(PrivacyError) -> ScanRequestLine {
        let bytes = Array(line.utf8)
        guard bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{") else {
            throw PrivacyError.invalidInput("line must be a JSON object with fields \"id\" and \"text\"")
        }
        let members: [JSONReader.Member]
        do {
            members = try JSONReader.parseObjectMembers(bytes, maxDepth: 64)
        } catch {
            throw PrivacyError.invalidInput("line is not valid JSON (\(error))")
        }
        guard let id = members.first(where: { $0.name == "id" }) else { throw PrivacyError.invalidInput("missing field \"id\"") }
        guard let textValue = members.first(where: { $0.name == "text" })?.value else { throw PrivacyError.invalidInput("missing field \"text\"") }
        guard case .string(let text) = textValue else { throw PrivacyError.invalidInput("field \"text\" must be a string") }
        var rawID = ""
        switch id.value {
        case .string(let s): Self.appendString(s, to: &rawID)
        case .int, .double: rawID = String(decoding: bytes[id.source], as: UTF8.self)
        default: throw PrivacyError.invalidInput("field \"id\" must be a string or a number")
        }
        return ScanRequestLine(rawID: rawID, text: text)
    }

    /// `{"id":…,"entities":[…]}` for one parsed line and its findings.
    public static func resultLine(rawID: String, findings: [Finding]) -> String {
        "{\"id\":" + rawID + ",\"entities\":" + Self.findingsJSON(findings) + "}"
    }

    /// Reads `{"id":…,"text":…}` and returns `{"id":…,"entities":[…]}`; `id` (string or number) is echoed as given.
    /// - Throws: `PrivacyError.invalidInput` naming the field at fault.
    public static func processJSONLLine(_ line: String, scanner: PrivacyScanner) throws(PrivacyError) -> String {
        let request = try Self.parseLine(line)
        return Self.resultLine(rawID: request.rawID, findings: scanner.scan(request.text))
    }

    /// `{"verdict":"sensitive","categories":["health"],"scores":{"health":0.93,…}}`: the verdict, the categories
    /// at or above the sensitive threshold, and every category's score (keys in `SensitiveCategory` order).
    public static func sensitivityJSON(_ assessment: SensitivityAssessment) -> String {
        let categories = assessment.categories(threshold: assessment.thresholds.sensitive).map(\.rawValue).sorted()
        var out = "{\"verdict\":\"\(assessment.verdict.name)\",\"categories\":["
        out += categories.map { "\"\($0)\"" }.joined(separator: ",")
        out += "],\"scores\":{"
        out += SensitiveCategory.allCases.map { "\"\($0.rawValue)\":\(Self.number(assessment.scores[$0] ?? 0))" }.joined(separator: ",")
        out += "}"
        if !assessment.languageRecognized { out += ",\"language_recognized\":false" }
        out += "}"
        return out
    }

    /// `{"id":…,"sensitive_categories":[…],"verdict":…,"scores":{…}}` for `privacy-bench --sensitive`.
    public static func sensitivityLine(rawID: String, assessment: SensitivityAssessment) -> String {
        let categories = assessment.categories(threshold: assessment.thresholds.sensitive).map(\.rawValue).sorted()
        var out = "{\"id\":" + rawID + ",\"sensitive_categories\":["
        out += categories.map { "\"\($0)\"" }.joined(separator: ",")
        out += "],\"verdict\":\"\(assessment.verdict.name)\",\"scores\":{"
        out += SensitiveCategory.allCases.map { "\"\($0.rawValue)\":\(Self.number(assessment.scores[$0] ?? 0))" }.joined(separator: ",")
        out += "}}"
        return out
    }

    /// `{"id":…,"entities":[…],"sensitive_categories":[…],"sensitivity":{…}}`: one `thiqa scan --jsonl` line with
    /// personal data and sensitive categories.
    public static func processJSONLLine(
        _ line: String, scanner: PrivacyScanner, detector: SensitiveDataDetector
    ) throws(PrivacyError) -> String {
        let request = try Self.parseLine(line)
        let prepared = PreparedText(request.text)
        let assessment = detector.assess(prepared)
        let categories = assessment.categories(threshold: assessment.thresholds.sensitive).map(\.rawValue).sorted()
        return "{\"id\":" + request.rawID + ",\"entities\":" + Self.findingsJSON(scanner.scan(prepared))
            + ",\"sensitive_categories\":[" + categories.map { "\"\($0)\"" }.joined(separator: ",") + "],\"sensitivity\":"
            + Self.sensitivityJSON(assessment) + "}"
    }

    static func number(_ score: Double) -> String {
        let hundredths = Int((score * 100).rounded())
        if hundredths % 100 == 0 { return "\(hundredths / 100).0" }
        let frac = hundredths % 100
        return "\(hundredths / 100)." + (frac < 10 ? "0\(frac)" : (frac % 10 == 0 ? "\(frac / 10)" : "\(frac)"))
    }

    /// Appends `s` as a JSON string literal (UTF-8 kept, controls and quotes escaped, and U+2028 and U+2029 too, so
    /// that a JSON Lines reader that splits on Unicode line breaks sees one line per result).
    public static func appendString(_ s: String, to out: inout String) {
        var bytes: [UInt8] = []
        JSONWriter.writeString(s, into: &bytes, escapingLineSeparators: true)
        out += String(decoding: bytes, as: UTF8.self)
    }
}
