import ThiqaCore

/// Chooses the backends that may take the call: serving the model, healthy, in an allowed jurisdiction.
public struct Route: PipelineStep {
    public let name = "route"
    let planner: any BackendPlanner

    public init(planner: any BackendPlanner) { self.planner = planner }

    public func run(_ state: inout CallState) async throws {
        // An earlier step (Assist) already answered, or a human answers instead of any model (Hold queues it):
        // nothing to route, and no backend needs to be up.
        guard let request = state.request, state.answer == nil else { return }
        if case .beforeModel? = state.review { return }
        let sensitive = state.record.decisions.contains("route:sovereign-only")
        if state.allowedJurisdictions.isEmpty {
            throw GatewayError.noEligibleBackend(
                reason: "the request carries sensitive data, which may go only to sovereign (MA) backends, and this use case allows none"
            )
        }
        let embeddings: Bool
        if case .embeddings = request { embeddings = true } else { embeddings = false }
        switch planner.plan(model: request.model, allowed: state.allowedJurisdictions, requireEmbeddings: embeddings) {
        case .route(let plan):
            state.plan = plan
        case .unknownModel:
            throw GatewayError.modelNotFound(model: request.model)
        case .saturated(let retryAfter, let rateLimited):
            throw GatewayError.backendsSaturated(retryAfterSeconds: retryAfter, rateLimited: rateLimited)
        case .noneEligible(let reason):
            if sensitive {
                throw GatewayError.noEligibleBackend(reason: "the request carries sensitive data, kept under Moroccan jurisdiction: \(reason); nothing was sent abroad")
            }
            throw GatewayError.noEligibleBackend(reason: reason)
        }
    }
}
