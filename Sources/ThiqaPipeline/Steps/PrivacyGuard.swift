import Crypto
import Foundation
import ThiqaCore
import ThiqaPrivacy

/// The privacy step of the request path: before any model, log or foreign backend sees a request, personal data
/// in its messages is found and masked with placeholders consistent across the conversation (or the request is
/// blocked, per the use case's policy), and sensitive categories of law 09-08 are detected.
struct PrivacyGuard: Sendable {
    let scanner = PrivacyScanner()
    let sensitive = SensitiveCategoryDetector()

    struct Outcome: Sendable {
        /// The request as the model will see it.
        var body: JSONValue
        var mapping: PseudonymMapping
        var changed: Bool
        var typesFound: [EntityType: PrivacyAction]
        var sensitiveCategories: Set<SensitiveCategory>
        /// Input Thiqa cannot read (embeddings given as token ids): it cannot be shown free of sensitive data.
        var unscannedInput = false

        /// Stable strings for the interaction record: which types were found and what was done.
        var decisions: [String] {
            var out = typesFound.keys.sorted { $0.rawValue < $1.rawValue }.map { "privacy:\($0.rawValue):\(typesFound[$0]!.rawValue)" }
            out += sensitiveCategories.map(\.rawValue).sorted().map { "sensitive:\($0)" }
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
            sensitiveCategories: outcome.categories
        )
        result.unscannedInput = unscanned
        outcome.texts = []
        return result
    }

    struct TextsOutcome {
        var texts: [String]
        var mapping: PseudonymMapping
        var changed: Bool
        var types: [EntityType: PrivacyAction]
        var categories: Set<SensitiveCategory>
    }

    func protectTexts(_ texts: [String], paths: [String], policy: PrivacyPolicy, mapping start: PseudonymMapping) throws(GatewayError) -> TextsOutcome {
        let pseudonymizer = Pseudonymizer(scanner: scanner, policy: policy)
        var out = TextsOutcome(texts: [], mapping: start, changed: false, types: [:], categories: [])
        for (text, path) in zip(texts, paths) {
            out.categories.formUnion(sensitive.categories(in: text))
            let result: PseudonymizationResult
            do {
                result = try pseudonymizer.pseudonymize(text, mapping: out.mapping)
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

    static func refusal(_ error: PrivacyError, path: String) -> GatewayError {
        if case .blocked(let type) = error {
            return .invalidRequest(
                message: "'\(path)' contains personal data of type \(type.rawValue), which this use case does not accept. Remove it and try again.",
                param: path, code: "personal_data_blocked"
            )
        }
        return .invalidRequest(message: "'\(path)' could not be checked for personal data: \(error).", param: path, code: "privacy_check_failed")
    }

    func protect(_ body: JSONValue, policy: PrivacyPolicy, mapping start: PseudonymMapping) throws(GatewayError) -> Outcome {
        guard case .object(var object) = body, case .array(var messages)? = object["messages"] else {
            return Outcome(body: body, mapping: start, changed: false, typesFound: [:], sensitiveCategories: [])
        }
        let pseudonymizer = Pseudonymizer(scanner: scanner, policy: policy)
        var mapping = start
        var changed = false
        var types: [EntityType: PrivacyAction] = [:]
        var categories = Set<SensitiveCategory>()

        func protectText(_ text: String, path: String) throws(GatewayError) -> String {
            categories.formUnion(sensitive.categories(in: text))
            let result: PseudonymizationResult
            do {
                result = try pseudonymizer.pseudonymize(text, mapping: mapping)
            } catch {
                if case .blocked(let type) = error {
                    throw .invalidRequest(
                        message: "'\(path)' contains personal data of type \(type.rawValue), which this use case does not accept. Remove it and try again.",
                        param: path, code: "personal_data_blocked"
                    )
                }
                throw .invalidRequest(message: "'\(path)' could not be checked for personal data: \(error).", param: path, code: "privacy_check_failed")
            }
            mapping = result.mapping
            types.merge(result.actions) { first, _ in first }
            if result.text != text { changed = true }
            return result.text
        }

        for index in messages.indices {
            guard case .object(var message) = messages[index] else { continue }
            switch message["content"] {
            case .string(let text)?:
                message["content"] = .string(try protectText(text, path: "messages[\(index)].content"))
            case .array(var parts)?:
                for partIndex in parts.indices {
                    guard case .object(var part) = parts[partIndex], case .string(let text)? = part["text"] else { continue }
                    part["text"] = .string(try protectText(text, path: "messages[\(index)].content[\(partIndex)].text"))
                    parts[partIndex] = .object(part)
                }
                message["content"] = .array(parts)
            default:
                continue
            }
            messages[index] = .object(message)
        }
        object["messages"] = .array(messages)
        return Outcome(body: changed ? .object(object) : body, mapping: mapping, changed: changed, typesFound: types, sensitiveCategories: categories)
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

