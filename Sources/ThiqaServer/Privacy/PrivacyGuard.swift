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

        /// Stable strings for the interaction record: which types were found and what was done.
        var decisions: [String] {
            var out = typesFound.keys.sorted { $0.rawValue < $1.rawValue }.map { "privacy:\($0.rawValue):\(typesFound[$0]!.rawValue)" }
            out += sensitiveCategories.map(\.rawValue).sorted().map { "sensitive:\($0)" }
            return out
        }
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

    /// Restores placeholders in a complete (non-streamed) chat completion.
    static func restore(completion bytes: [UInt8], mapping: PseudonymMapping) -> [UInt8]? {
        guard !mapping.isEmpty, var json = try? JSONValue.parse(bytes), case .array(var choices)? = json["choices"] else { return nil }
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
        return try? json.encoded()
    }
}

/// Where the pseudonym mapping of a conversation is kept between its requests: sealed with AES-GCM under a key
/// derived from a master key held outside the database.
struct ConversationVault: Sendable {
    let masterKey: SymmetricKey
    let ttl: TimeInterval

    /// Loads the master key, creating it (mode 0600) on first start.
    static func loadMasterKey(path: String) throws -> SymmetricKey {
        let manager = FileManager.default
        if let data = manager.contents(atPath: path) {
            guard let decoded = Data(base64Encoded: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
                decoded.count == 32
            else {
                throw ConfigurationFileError(message: "privacy.vaultKeyPath: '\(path)' does not hold a base64 256-bit key")
            }
            return SymmetricKey(data: decoded)
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let key = PseudonymVault.makeKey()
        let text = key.withUnsafeBytes { Data($0).base64EncodedString() } + "\n"
        guard manager.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw ConfigurationFileError(message: "privacy.vaultKeyPath: cannot create '\(path)'")
        }
        return key
    }

    static func scopedID(tenant: TenantID, useCase: UseCaseID, conversation: String) -> String {
        "\(tenant.rawValue)/\(useCase.rawValue)/\(conversation)"
    }
}

struct ConfigurationFileError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
