import ThiqaJSON

/// The person's words in an OpenAI chat body: the text of each user message (string content, or the text parts of
/// an array joined by a space). The assistant reads all of them, the disclosure and the oversight's explanation the
/// last one as their language hint.
enum UserMessages {
    /// The texts of the user messages, oldest first.
    static func texts(_ json: JSONValue) -> [String] {
        guard case .array(let messages)? = json["messages"] else { return [] }
        return messages.compactMap { $0["role"]?.stringValue == "user" ? text(of: $0) : nil }
    }

    /// The text of the last user message, or nil when it has none. Read from the end: called on every answer.
    static func last(_ json: JSONValue) -> String? {
        guard case .array(let messages)? = json["messages"] else { return nil }
        guard let message = messages.last(where: { $0["role"]?.stringValue == "user" }) else { return nil }
        return text(of: message)
    }

    static func text(of message: JSONValue) -> String? {
        switch message["content"] {
        case .string(let text)?: return text
        case .array(let parts)?:
            let texts = parts.compactMap { $0["type"]?.stringValue == "text" ? $0["text"]?.stringValue : nil }
            return texts.isEmpty ? nil : texts.joined(separator: " ")
        default: return nil
        }
    }
}
