import Crypto
import Foundation
import Synchronization
import ThiqaCore
import ThiqaLanguage
import ThiqaPrivacy

/// The privacy step of the request path: before any model, log or foreign backend sees a request, personal data
/// in its messages is found and masked with placeholders consistent across the conversation (or the request is
/// blocked, per the use case's policy), and sensitive categories of law 09-08 are detected.
struct PrivacyGuard: Sendable {
    let scanner = PrivacyScanner()
    let sensitive = SensitiveDataDetector()
    let languages = LanguageIdentifier()
    /// Language identification reads this much of a message: enough to name its language, cheap on long ones.
    static let languageSample = 300

    let recentLanguages = RecentLanguages()

    /// The detector's reading of one text, with the language the project's identifier hears in it.
    func assess(_ prepared: PreparedText) -> SensitivityAssessment {
        let text = prepared.text
        let sample = text.unicodeScalars.count > Self.languageSample ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(Self.languageSample))) : text
        let language = recentLanguages.language(of: sample) { languages.identify($0).language }
        return sensitive.assess(prepared, language: language == .undetermined ? nil : language.rawValue)
    }

    struct Outcome: Sendable {
        /// The request as the model will see it.
        var body: JSONValue
        var mapping: PseudonymMapping
        var changed: Bool
        var typesFound: [EntityType: PrivacyAction]
        var sensitiveCategories: Set<SensitiveCategory>
        /// What the use case's sensitivity rule says for the request (the strictest over its messages).
        var sensitivity: SensitivityPolicy.Decision = .unrestricted
        /// What the record keeps of the assessments: verdict, categories and scores, never a word of the text.
        var sensitivityDecisions: [String] = []
        /// Input Thiqa cannot read (embeddings given as token ids): it cannot be shown free of sensitive data.
        var unscannedInput = false

        /// Stable strings for the interaction record: which types were found and what was done.
        var decisions: [String] {
            var out = typesFound.keys.sorted { $0.rawValue < $1.rawValue }.map { "privacy:\($0.rawValue):\(typesFound[$0]!.rawValue)" }
            out += sensitivityDecisions
            if unscannedInput { out.append("privacy:unscanned-tokens") }
            return out
        }
    }

    /// What the model would read of a call to this endpoint, protected: chat messages' text, embeddings' inputs.
    func protect(_ body: JSONValue, endpoint: AICall.Endpoint, policy: PrivacyPolicy, mapping start: PseudonymMapping) throws(GatewayError) -> Outcome {
        switch endpoint {
        case .chatCompletions: return try protect(body, policy: policy, mapping: start)
        case .embeddings: return try protectEmbeddings(body, policy: policy, mapping: start)
        }
    }

    /// `input` as a string or an array of strings is scanned like a message; token-id inputs cannot be read.
    func protectEmbeddings(_ body: JSONValue, policy: PrivacyPolicy, mapping start: PseudonymMapping) throws(GatewayError) -> Outcome {
        guard case .object(var object) = body, let input = object["input"] else {
            return Outcome(body: body, mapping: start, changed: false, typesFound: [:], sensitiveCategories: [])
        }
        var texts: [(path: String, text: String)] = []
        var unscanned = false
        switch input {
        case .string(let text): texts = [("input", text)]
        case .array(let items):
            for (index, item) in items.enumerated() {
                if case .string(let text) = item { texts.append(("input[\(index)]", text)) } else { unscanned = true }
            }
        default: unscanned = true
        }
        var outcome = try protectTexts(texts.map(\.text), paths: texts.map(\.path), policy: policy, mapping: start)
        if outcome.changed {
            switch input {
            case .string: object["input"] = .string(outcome.texts[0])
            case .array(var items):
                var next = 0
                for index in items.indices where items[index].stringValue != nil {
                    items[index] = .string(outcome.texts[next])
                    next += 1
                }
                object["input"] = .array(items)
            default: break
            }
        }
        var result = Outcome(
            body: outcome.changed ? .object(object) : body, mapping: outcome.mapping, changed: outcome.changed, typesFound: outcome.types,
            sensitiveCategories: []
        )
        result.unscannedInput = unscanned
        Self.judge(outcome.assessments, policy: policy.sensitivity, into: &result)
        outcome.texts = []
        return result
    }

    struct TextsOutcome {
        var texts: [String]
        var mapping: PseudonymMapping
        var changed: Bool
        var types: [EntityType: PrivacyAction]
        var assessments: [SensitivityAssessment] = []
    }

    func protectTexts(_ texts: [String], paths: [String], policy: PrivacyPolicy, mapping start: PseudonymMapping) throws(GatewayError) -> TextsOutcome {
        let pseudonymizer = Pseudonymizer(scanner: scanner, policy: policy)
        var out = TextsOutcome(texts: [], mapping: start, changed: false, types: [:])
        for (text, path) in zip(texts, paths) {
            // Normalised and cut into words once for both readers (`PreparedText`).
            let prepared = PreparedText(text)
            out.assessments.append(assess(prepared))
            let result: PseudonymizationResult
            do {
                result = try pseudonymizer.pseudonymize(prepared, mapping: out.mapping)
            } catch {
                throw Self.refusal(error, path: path)
            }
            out.mapping = result.mapping
            out.types.merge(result.actions) { first, _ in first }
            if result.text != text { out.changed = true }
            out.texts.append(result.text)
        }
        return out
    }

    /// Applies the use case's sensitivity rule to what the detector read in the request's texts.
    static func judge(_ assessments: [SensitivityAssessment], policy: SensitivityPolicy, into outcome: inout Outcome) {
        outcome.sensitivity = policy.decision(for: assessments)
        var categories = Set<SensitiveCategory>()
        var decisions: [String] = []
        for assessment in assessments {
            var judged = assessment
            judged.thresholds = policy.thresholds
            switch judged.verdict {
            case .sensitive(let found), .uncertain(let found): categories.formUnion(found)
            case .notSensitive: break
            }
            for decision in judged.recordDecisions where !decisions.contains(decision) { decisions.append(decision) }
        }
        outcome.sensitiveCategories = categories
        // Only what a request reveals is recorded; a harmless request says just that.
        outcome.sensitivityDecisions = decisions.isEmpty ? [] : decisions
    }

    static func refusal(_ error: PrivacyError, path: String) -> GatewayError {
        if case .blocked(let type) = error {
            return .invalidRequest(
                message: "'\(path)' contains personal data of type \(type.rawValue), which this use case does not accept. Remove it and try again.",
                param: path, code: "personal_data_blocked"
            )
        }
        return .invalidRequest(message: "'\(path)' could not be checked for personal data: \(error).", param: path, code: "privacy_check_failed")
    }

    /// The text of every message (string content, or text parts), protected in one pass so placeholders number
    /// consistently across the request.
    func protect(_ body: JSONValue, policy: PrivacyPolicy, mapping start: PseudonymMapping) throws(GatewayError) -> Outcome {
        guard case .object(var object) = body, case .array(var messages)? = object["messages"] else {
            return Outcome(body: body, mapping: start, changed: false, typesFound: [:], sensitiveCategories: [])
        }
        // Where each text is: (message, part or nil for string content).
        var places: [(message: Int, part: Int?)] = []
        var texts: [String] = []
        var paths: [String] = []
        for (index, message) in messages.enumerated() {
            switch message["content"] {
            case .string(let text)?:
                places.append((index, nil))
                texts.append(text)
                paths.append("messages[\(index)].content")
            case .array(let parts)?:
                for (partIndex, part) in parts.enumerated() {
                    guard case .string(let text)? = part["text"] else { continue }
                    places.append((index, partIndex))
                    texts.append(text)
                    paths.append("messages[\(index)].content[\(partIndex)].text")
                }
            default:
                continue
            }
        }
        let protected = try protectTexts(texts, paths: paths, policy: policy, mapping: start)
        if protected.changed {
            for (position, place) in places.enumerated() where protected.texts[position] != texts[position] {
                guard case .object(var message) = messages[place.message] else { continue }
                if let part = place.part, case .array(var parts)? = message["content"], case .object(var fields) = parts[part] {
                    fields["text"] = .string(protected.texts[position])
                    parts[part] = .object(fields)
                    message["content"] = .array(parts)
                } else {
                    message["content"] = .string(protected.texts[position])
                }
                messages[place.message] = .object(message)
            }
            object["messages"] = .array(messages)
        }
        var outcome = Outcome(
            body: protected.changed ? .object(object) : body, mapping: protected.mapping, changed: protected.changed, typesFound: protected.types,
            sensitiveCategories: []
        )
        Self.judge(protected.assessments, policy: policy.sensitivity, into: &outcome)
        return outcome
    }

    /// Restores placeholders in a complete (non-streamed) chat completion; returns whether anything was there to restore.
    static func restore(completion json: inout JSONValue, mapping: PseudonymMapping) -> Bool {
        guard !mapping.isEmpty, case .array(var choices)? = json["choices"] else { return false }
        let restorer = PlaceholderRestorer(mapping: mapping)
        for index in choices.indices {
            guard case .object(var choice) = choices[index], case .object(var message)? = choice["message"],
                case .string(let content)? = message["content"]
            else { continue }
            message["content"] = .string(restorer.restore(content))
            choice["message"] = .object(message)
            choices[index] = .object(choice)
        }
        json["choices"] = .array(choices)
        return true
    }
}


/// The languages of texts seen lately. A use case's system prompt comes back on every call; identifying it once
/// instead of every time was a measurable share of a call (perf under `make bench`).
final class RecentLanguages: Sendable {
    private let known = Mutex<[String: LanguageTag]>([:])
    static let capacity = 256

    func language(of text: String, identify: (String) -> LanguageTag) -> LanguageTag {
        if let language = known.withLock({ $0[text] }) { return language }
        let language = identify(text)
        known.withLock { known in
            if known.count >= Self.capacity { known.removeAll(keepingCapacity: true) }
            known[text] = language
        }
        return language
    }
}
