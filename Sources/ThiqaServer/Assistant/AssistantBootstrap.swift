import Logging
import ServiceLifecycle
import ThiqaAssistant
import ThiqaBackends
import ThiqaCore
import ThiqaKnowledge
import ThiqaPipeline
import ThiqaRetrieval
import ThiqaRetrievalHTTP

/// Loads the knowledge base and builds its index at start, with passage vectors from the configured embeddings
/// backend when it answers (else lexical retrieval only, said in the log: the assistant still answers). The base is
/// then watched: an edit of its files (after `thiqa kb ingest` validated them) is picked up without a restart.
enum AssistantBootstrap {
    struct KnowledgeBaseInvalid: Error, CustomStringConvertible {
        var path: String
        var problems: String
        var description: String { "assistant.knowledgePath '\(path)' does not validate:\n" + problems }
    }

    struct Loaded: Sendable {
        var setup: AssistantSetup
        var reloader: KnowledgeReloader
    }

    static func load(_ configuration: ThiqaConfiguration, logger: Logger) async throws -> Loaded? {
        let settings = configuration.assistant
        guard let path = settings.knowledgePath else { return nil }
        var candidate: OpenAIEmbeddingProvider?
        var embeddingsJurisdiction: Jurisdiction?
        if let id = settings.embeddingsBackend {
            guard let backend = configuration.backends.backends.first(where: { $0.id == id }) else {
                throw ConfigurationError(key: "assistant.embeddingsBackend", expected: "the id of a backend in backends.ids", got: "'\(id)'")
            }
            candidate = OpenAIEmbeddingProvider(
                baseURL: backend.baseURL, model: settings.embeddingsModel ?? backend.models.first ?? "multilingual-e5-small-q4", apiKey: backend.apiKey)
            embeddingsJurisdiction = backend.jurisdiction
        }
        let knowledge: KnowledgeIndex
        do {
            knowledge = try await KnowledgeIndex.load(directory: path, embeddings: candidate)
        } catch KnowledgeIndexError.invalid(_, let problems) {
            throw KnowledgeBaseInvalid(path: path, problems: problems)
        }
        let snapshot = knowledge.snapshot
        if let problem = snapshot.denseProblem {
            logger.warning(
                "assistant: the embeddings backend did not answer; retrieval is lexical only until the next reload",
                metadata: ["thiqa.backend": "\(settings.embeddingsBackend ?? "")", "thiqa.error": "\(problem)"])
        }
        logger.info(
            "assistant: knowledge base loaded",
            metadata: ["thiqa.procedures": "\(snapshot.base.count)", "thiqa.dense": "\(snapshot.denseProblem == nil && candidate != nil)", "thiqa.path": "\(path)"])
        let setup = AssistantSetup(
            assistant: Assistant(knowledge: snapshot.base, index: snapshot.index),
            // Question vectors only when passages have them: a lexical-only index ignores them anyway.
            embeddings: snapshot.denseProblem == nil ? candidate : nil, embeddingsJurisdiction: embeddingsJurisdiction,
            rephraseModel: settings.rephraseModel, rephraseTimeout: .milliseconds(settings.rephraseTimeoutMs))
        return Loaded(
            setup: setup,
            reloader: KnowledgeReloader(knowledge: knowledge, source: setup.source, interval: .milliseconds(settings.reloadIntervalMs), logger: logger)
        )
    }
}

/// Watches the knowledge directory and swaps the assistant when its files change; a broken edit is logged once and
/// the base in service stays (KnowledgeIndex validates before it swaps).
struct KnowledgeReloader: Service {
    let knowledge: KnowledgeIndex
    let source: AssistantSource
    let interval: Duration
    let logger: Logger

    func run() async throws {
        guard interval > .zero else { return }
        await cancelWhenGracefulShutdown {
            await knowledge.watch(every: interval) { outcome in
                switch outcome {
                case .reloaded(let snapshot):
                    source.replace(with: source.assistant.over(knowledge: snapshot.base, index: snapshot.index))
                    logger.info("assistant: \(outcome)")
                case .rejected:
                    logger.error("assistant: \(outcome)")
                case .unchanged:
                    break
                }
            }
        }
    }
}
