/// Why a call must wait for a human instead of being released. Set by a step (the use case's tier, purpose
/// limitation, the sensitivity policy, a person's objection); the oversight steps act on it.
public enum ReviewDemand: Sendable, Equatable {
    /// The model is called, but its answer is held for a reviewer, who approves, amends or rejects it.
    case afterModel(reason: String)
    /// No model is called at all: a human writes the answer (a person objected to automated processing).
    case beforeModel(reason: String)

    public var reason: String {
        switch self {
        case .afterModel(let reason), .beforeModel(let reason): return reason
        }
    }
}
