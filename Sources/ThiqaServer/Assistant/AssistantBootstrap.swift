import Logging
import ThiqaAssistant
import ThiqaBackends
import ThiqaCore
import ThiqaKnowledge
import ThiqaPipeline
import ThiqaRetrieval
import ThiqaRetrievalHTTP

/// Loads the knowledge base and builds its index at start, with passage vectors from the configured embeddings
/// backend when it answers (else lexical retrieval only, said in the log: the assistant still answers).
enum AssistantBootstrap {
    struct KnowledgeBaseInvalid: Error, CustomStringConvertible {
        var path: String
        var problems: [String]
        var description: String { "assistant.knowledgePath '\(path)' does not validate:\n" + problems.joined(separator: "\n") }
    }

    static func load(_ configuration: ThiqaConfiguration, logger: Logger) async throws -> AssistantSetup? {
        let settings = configuration.assistant
        guard let path = settings.knowledgePath else { return nil }
        let knowledge: KnowledgeBase
        switch try KnowledgeDirectory.load(path) {
        case .success(let base): knowledge = base
        case .failure(let error): throw KnowledgeBaseInvalid(path: path, problems: error.problems.map { "\($0)" })
        }
        var index = RetrievalIndex(knowledgeBase: knowledge)
        var provider: OpenAIEmbeddingProvider?
        var embeddingsJurisdiction: Jurisdiction?
        if let id = settings.embeddingsBackend {
            guard let backend = configuration.backends.backends.first(where: { $0.id == id }) else {
                throw ConfigurationError(key: "assistant.embeddingsBackend", expected: "the id of a backend in backends.ids", got: "'\(id)'")
            }
            let candidate = OpenAIEmbeddingProvider(
                baseURL: backend.baseURL, model: settings.embeddingsModel ?? backend.models.first ?? "multilingual-e5-small-q4", apiKey: backend.apiKey)
            do {
                index = try await index.withDenseVectors(from: candidate)
                provider = candidate
                embeddingsJurisdiction = backend.jurisdiction
            } catch {
                logger.warning(
                    "assistant: the embeddings backend did not answer; retrieval is lexical only until the next start",
                    metadata: ["thiqa.backend": "\(id)", "thiqa.error": "\(error)"])
            }
        }
        logger.info(
            "assistant: knowledge base loaded",
            metadata: ["thiqa.procedures": "\(knowledge.count)", "thiqa.dense": "\(provider != nil)", "thiqa.path": "\(path)"])
        return AssistantSetup(
            assistant: Assistant(knowledge: knowledge, index: index), embeddings: provider, embeddingsJurisdiction: embeddingsJurisdiction,
            rephraseModel: settings.rephraseModel, rephraseTimeout: .milliseconds(settings.rephraseTimeoutMs))
    }
}
