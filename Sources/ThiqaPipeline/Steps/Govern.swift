import ThiqaCore

/// Applies the use case's own rules to the call. The registry's rules (declaration status, risk tier, allowed
/// models, purpose limitation) join here; today: the use case's `max_tokens` cap, which is also the default for a
/// request that asks for none, so no call makes a model write until the backend's own limit.
public struct Govern: PipelineStep {
    public let name = "govern"

    public init() {}

    public func run(_ state: inout CallState) async throws {
        guard case .chat = state.request, case .object(var object) = state.json else { return }
        let cap = state.call.identity.useCase.maxTokens
        var asked: Int64?
        for key in ["max_tokens", "max_completion_tokens"] {
            guard let value = object[key]?.intValue else { continue }
            asked = max(asked ?? 0, value)
            if value > Int64(cap) {
                throw GatewayError.invalidRequest(
                    message: "Invalid value for '\(key)': \(value). This use case allows at most \(cap) tokens per answer.", param: key,
                    code: "invalid_value"
                )
            }
        }
        if asked == nil {
            object["max_tokens"] = .int(Int64(cap))
            state.json = .object(object)
            state.bodyChanged = true
            state.record.decisions.append("limit:max_tokens:\(cap)")
        }
    }
}
