import Foundation
import Hummingbird
import ThiqaCore
import ThiqaPrivacy

/// Presidio-like endpoints: find personal data (`analyze`) and replace it with placeholders (`anonymize`).
/// Neither stores nor logs the text.
struct PrivacyController: Sendable {
    let scanner = PrivacyScanner()
    let sensitive = SensitiveDataDetector()
    static let maxTextScalars = 1 << 20

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.post("privacy/analyze", use: analyze)
        group.post("privacy/anonymize", use: anonymize)
    }

    struct AnalyzeRequest {
        var text: String
        var entities: Set<EntityType>?
        var threshold: Double

        init(_ json: JSONValue) throws(GatewayError) {
            guard case .object(let object) = json else {
                throw .invalidRequest(message: "The request body must be a JSON object.", param: nil)
            }
            guard let textValue = object["text"] else {
                throw .invalidRequest(message: "Missing required parameter: 'text'.", param: "text", code: "missing_required_parameter")
            }
            guard case .string(let text) = textValue else {
                throw .invalidRequest(message: "Invalid type for 'text': expected a string, got \(textValue.typeName).", param: "text", code: "invalid_type")
            }
            guard text.unicodeScalars.count <= PrivacyController.maxTextScalars else {
                throw .invalidRequest(message: "'text' is longer than \(PrivacyController.maxTextScalars) characters.", param: "text", code: "string_above_max_length")
            }
            self.text = text
            switch object["entities"] {
            case nil, .null?:
                entities = nil
            case .array(let items)?:
                var set = Set<EntityType>()
                for (index, item) in items.enumerated() {
                    guard case .string(let name) = item, let type = EntityType(rawValue: name) else {
                        let known = EntityType.allCases.map(\.rawValue).joined(separator: ", ")
                        throw .invalidRequest(message: "Invalid value for 'entities[\(index)]'. Known types: \(known).", param: "entities[\(index)]", code: "invalid_value")
                    }
                    set.insert(type)
                }
                entities = set
            case let other?:
                throw .invalidRequest(message: "Invalid type for 'entities': expected an array of type names, got \(other.typeName).", param: "entities", code: "invalid_type")
            }
            switch object["score_threshold"] {
            case nil, .null?:
                threshold = 0.5
            case let value?:
                guard let number = value.doubleValue, (0...1).contains(number) else {
                    throw .invalidRequest(message: "Invalid value for 'score_threshold': expected a number between 0 and 1.", param: "score_threshold", code: "invalid_value")
                }
                threshold = number
            }
        }
    }

    struct AnalyzeResult: ResponseEncodable {
        var entities: [Entity]
        var sensitive_categories: [String]
        var sensitivity: Sensitivity
        /// The detector's reading: its verdict (sensitive, uncertain, not_sensitive) and every category's score.
        struct Sensitivity: Codable {
            var verdict: String
            var scores: [String: Double]
            var language_recognized: Bool
        }
        struct Entity: Codable {
            var entity_type: String
            var start: Int
            var end: Int
            var score: Double
        }
    }

    @Sendable func analyze(_ request: Request, context: AuthenticatedContext) async throws -> AnalyzeResult {
        let input = try AnalyzeRequest(try await GatewayController.readJSON(request, limit: 8 << 20).value)
        // Both readers from one normalised text (`PreparedText`).
        let prepared = PreparedText(input.text)
        let findings = PrivacyScanner(minimumScore: input.threshold, types: input.entities ?? Set(EntityType.allCases)).scan(prepared)
        let assessment = sensitive.assess(prepared)
        return AnalyzeResult(
            entities: findings.map { .init(entity_type: $0.type.rawValue, start: $0.start, end: $0.end, score: $0.score) },
            sensitive_categories: assessment.categories(threshold: assessment.thresholds.sensitive).map(\.rawValue).sorted(),
            sensitivity: .init(
                verdict: assessment.verdict.name, scores: Dictionary(uniqueKeysWithValues: assessment.scores.map { ($0.key.rawValue, $0.value) }),
                language_recognized: assessment.languageRecognized
            )
        )
    }

    struct AnonymizeResult: ResponseEncodable {
        var text: String
        var items: [Item]
        struct Item: Codable {
            var entity_type: String
            var start: Int
            var end: Int
            var text: String
            var `operator`: String
        }
    }

    @Sendable func anonymize(_ request: Request, context: AuthenticatedContext) async throws -> AnonymizeResult {
        let input = try AnalyzeRequest(try await GatewayController.readJSON(request, limit: 8 << 20).value)
        let scanner = PrivacyScanner(minimumScore: input.threshold, types: input.entities ?? Set(EntityType.allCases))
        let result: PseudonymizationResult
        do {
            result = try Pseudonymizer(scanner: scanner, policy: .maskAll).pseudonymize(input.text)
        } catch {
            throw GatewayError.invalidRequest(message: "The text could not be anonymised: \(error).", param: "text")
        }
        // Offsets of each placeholder in the output text, in Unicode scalars like the input offsets.
        var items: [AnonymizeResult.Item] = []
        var shift = 0
        for finding in result.findings.sorted(by: { $0.start < $1.start }) {
            guard let placeholder = result.mapping.placeholder(for: finding.type, original: finding.text) else { continue }
            let length = placeholder.unicodeScalars.count
            let start = finding.start + shift
            items.append(.init(entity_type: finding.type.rawValue, start: start, end: start + length, text: placeholder, operator: "replace"))
            shift += length - (finding.end - finding.start)
        }
        return AnonymizeResult(text: result.text, items: items)
    }
}
