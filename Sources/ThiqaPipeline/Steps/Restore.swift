import NIOCore
import ThiqaCore
import ThiqaPrivacy

/// Gives the caller the answer in the form they asked for: real values back in place of placeholders (a stream
/// restores as it relays), and embeddings as one pooled, normalised vector per input whatever the backend sent.
public struct Restore: PipelineStep {
    public let name = "restore"

    public init() {}

    public func run(_ state: inout CallState) async throws {
        guard state.answer?.status == 200, state.request?.stream != true, var json = state.answerJSON else { return }
        switch state.call.endpoint {
        case .chatCompletions:
            guard !state.mapping.isEmpty, PrivacyGuard.restore(completion: &json, mapping: state.mapping) else { return }
        case .embeddings:
            guard EmbeddingVectors.poolAndNormalize(&json) else { return }
        }
        state.answerJSON = json
        state.answerChanged = true
    }
}
