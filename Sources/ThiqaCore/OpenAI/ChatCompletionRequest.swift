/// Limits a request must respect before any model sees it.
public struct RequestLimits: Sendable, Equatable {
    public var maxBodyBytes: Int
    public var maxMessages: Int
    /// Upper bound on `max_tokens` / `max_completion_tokens`.
    public var maxCompletionTokens: Int
    /// Upper bound on the estimated prompt size (about four bytes of UTF-8 per token).
    public var maxPromptTokens: Int

    public init(maxBodyBytes: Int = 1 << 20, maxMessages: Int = 256, maxCompletionTokens: Int = 8192, maxPromptTokens: Int = 32768) {
        self.maxBodyBytes = maxBodyBytes
        self.maxMessages = maxMessages
        self.maxCompletionTokens = maxCompletionTokens
        self.maxPromptTokens = maxPromptTokens
    }
}

/// A validated `POST /v1/chat/completions` body. The original document is kept so unknown fields are forwarded.
public struct ChatCompletionRequest: Sendable {
    public var model: String
    public var stream: Bool
    public var body: JSONValue
    public var messageCount: Int
    public var estimatedPromptTokens: Int

    static let roles: Set<String> = ["system", "developer", "user", "assistant", "tool", "function"]

    /// Validates field by field; every error names the field (`messages[2].content`) and the reason.
    public init(body: JSONValue, limits: RequestLimits) throws(GatewayError) {
        guard case .object(let object) = body else {
            throw .invalidRequest(message: "The request body must be a JSON object.", param: nil)
        }
        guard let modelValue = object["model"] else {
            throw .invalidRequest(message: "Missing required parameter: 'model'.", param: "model", code: "missing_required_parameter")
        }
        guard case .string(let model) = modelValue, !model.isEmpty else {
            throw .invalidRequest(message: "Invalid type for 'model': expected a non-empty string, got \(modelValue.typeName).", param: "model", code: "invalid_type")
        }
        guard let messagesValue = object["messages"] else {
            throw .invalidRequest(message: "Missing required parameter: 'messages'.", param: "messages", code: "missing_required_parameter")
        }
        guard case .array(let messages) = messagesValue else {
            throw .invalidRequest(message: "Invalid type for 'messages': expected an array, got \(messagesValue.typeName).", param: "messages", code: "invalid_type")
        }
        guard !messages.isEmpty else {
            throw .invalidRequest(message: "'messages' must contain at least one message.", param: "messages", code: "empty_array")
        }
        guard messages.count <= limits.maxMessages else {
            throw .invalidRequest(message: "'messages' has \(messages.count) messages; at most \(limits.maxMessages) are allowed.", param: "messages", code: "array_above_max_length")
        }
        var promptBytes = 0
        for (index, message) in messages.enumerated() {
            let path = "messages[\(index)]"
            guard case .object(let fields) = message else {
                throw .invalidRequest(message: "Invalid type for '\(path)': expected an object, got \(message.typeName).", param: path, code: "invalid_type")
            }
            guard case .string(let role)? = fields["role"] else {
                throw .invalidRequest(message: "'\(path).role' is required and must be a string.", param: "\(path).role", code: "invalid_type")
            }
            guard Self.roles.contains(role) else {
                throw .invalidRequest(message: "Invalid value for '\(path).role': '\(role)'. Supported: system, developer, user, assistant, tool.", param: "\(path).role", code: "invalid_value")
            }
            switch fields["content"] {
            case .string(let text)?:
                promptBytes += text.utf8.count
            case .array(let parts)?:
                for (partIndex, part) in parts.enumerated() {
                    let partPath = "\(path).content[\(partIndex)]"
                    guard case .object(let partFields) = part, case .string(let type)? = partFields["type"] else {
                        throw .invalidRequest(message: "'\(partPath)' must be an object with a string 'type'.", param: partPath, code: "invalid_type")
                    }
                    if type == "text" {
                        guard case .string(let text)? = partFields["text"] else {
                            throw .invalidRequest(message: "'\(partPath).text' is required and must be a string.", param: "\(partPath).text", code: "invalid_type")
                        }
                        promptBytes += text.utf8.count
                    }
                }
            case .null?, nil:
                // Assistant turns that only carry tool calls have no content.
                guard role == "assistant" else {
                    throw .invalidRequest(message: "'\(path).content' is required for role '\(role)'.", param: "\(path).content", code: "missing_required_parameter")
                }
            case let other?:
                throw .invalidRequest(message: "Invalid type for '\(path).content': expected a string or an array of parts, got \(other.typeName).", param: "\(path).content", code: "invalid_type")
            }
        }
        var stream = false
        if let value = object["stream"] {
            switch value {
            case .bool(let flag): stream = flag
            case .null: stream = false
            default:
                throw .invalidRequest(message: "Invalid type for 'stream': expected a boolean, got \(value.typeName).", param: "stream", code: "invalid_type")
            }
        }
        for key in ["max_tokens", "max_completion_tokens"] {
            guard let value = object[key], value != .null else { continue }
            guard let tokens = value.intValue else {
                throw .invalidRequest(message: "Invalid type for '\(key)': expected an integer, got \(value.typeName).", param: key, code: "invalid_type")
            }
            guard tokens >= 1, tokens <= limits.maxCompletionTokens else {
                throw .invalidRequest(message: "Invalid value for '\(key)': \(tokens). It must be between 1 and \(limits.maxCompletionTokens).", param: key, code: "invalid_value")
            }
        }
        try Self.checkNumber(object, "temperature", 0...2)
        try Self.checkNumber(object, "top_p", 0...1)
        try Self.checkNumber(object, "presence_penalty", -2...2)
        try Self.checkNumber(object, "frequency_penalty", -2...2)
        if let value = object["n"], value != .null {
            guard let n = value.intValue, n >= 1, n <= 8 else {
                throw .invalidRequest(message: "Invalid value for 'n': expected an integer between 1 and 8.", param: "n", code: "invalid_value")
            }
        }
        let estimated = (promptBytes + 3) / 4
        guard estimated <= limits.maxPromptTokens else {
            throw .invalidRequest(message: "The messages are about \(estimated) tokens long; at most \(limits.maxPromptTokens) are allowed.", param: "messages", code: "context_length_exceeded")
        }
        self.model = model
        self.stream = stream
        self.body = body
        self.messageCount = messages.count
        self.estimatedPromptTokens = estimated
    }

    static func checkNumber(_ object: [String: JSONValue], _ key: String, _ range: ClosedRange<Double>) throws(GatewayError) {
        guard let value = object[key], value != .null else { return }
        guard let number = value.doubleValue else {
            throw .invalidRequest(message: "Invalid type for '\(key)': expected a number, got \(value.typeName).", param: key, code: "invalid_type")
        }
        guard range.contains(number) else {
            throw .invalidRequest(message: "Invalid value for '\(key)': \(number). It must be between \(range.lowerBound) and \(range.upperBound).", param: key, code: "invalid_value")
        }
    }
}

/// A validated `POST /v1/embeddings` body.
public struct EmbeddingsRequest: Sendable {
    public var model: String
    public var body: JSONValue
    public var inputCount: Int

    public init(body: JSONValue, limits: RequestLimits) throws(GatewayError) {
        guard case .object(let object) = body else {
            throw .invalidRequest(message: "The request body must be a JSON object.", param: nil)
        }
        guard case .string(let model)? = object["model"], !model.isEmpty else {
            throw .invalidRequest(message: "'model' is required and must be a non-empty string.", param: "model", code: "invalid_type")
        }
        switch object["input"] {
        case .string?:
            inputCount = 1
        case .array(let items)?:
            guard !items.isEmpty else {
                throw .invalidRequest(message: "'input' must not be empty.", param: "input", code: "empty_array")
            }
            guard items.count <= 2048 else {
                throw .invalidRequest(message: "'input' has \(items.count) items; at most 2048 are allowed.", param: "input", code: "array_above_max_length")
            }
            for (index, item) in items.enumerated() {
                switch item {
                case .string, .int: continue
                case .array: continue
                default:
                    throw .invalidRequest(message: "Invalid type for 'input[\(index)]': expected a string or tokens, got \(item.typeName).", param: "input[\(index)]", code: "invalid_type")
                }
            }
            inputCount = items.count
        case nil:
            throw .invalidRequest(message: "Missing required parameter: 'input'.", param: "input", code: "missing_required_parameter")
        case let other?:
            throw .invalidRequest(message: "Invalid type for 'input': expected a string or an array, got \(other.typeName).", param: "input", code: "invalid_type")
        }
        self.model = model
        self.body = body
    }
}

/// Token counts as OpenAI reports them.
public struct TokenUsage: Sendable, Codable, Equatable {
    public var promptTokens: Int
    public var completionTokens: Int
    public var totalTokens: Int

    public init(promptTokens: Int, completionTokens: Int, totalTokens: Int? = nil) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.totalTokens = totalTokens ?? promptTokens + completionTokens
    }

    enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case totalTokens = "total_tokens"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.promptTokens = try container.decodeIfPresent(Int.self, forKey: .promptTokens) ?? 0
        self.completionTokens = try container.decodeIfPresent(Int.self, forKey: .completionTokens) ?? 0
        self.totalTokens = try container.decodeIfPresent(Int.self, forKey: .totalTokens) ?? promptTokens + completionTokens
    }
}
