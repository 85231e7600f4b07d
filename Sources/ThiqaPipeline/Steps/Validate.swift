import NIOCore
import ThiqaCore

/// Parses the body and checks it field by field against what the endpoint accepts; every error names the field.
public struct Validate: PipelineStep {
    public let name = "validate"
    let limits: RequestLimits

    public init(limits: RequestLimits) { self.limits = limits }

    public func run(_ state: inout CallState) async throws {
        let body = state.call.body
        guard body.readableBytes > 0 else {
            throw GatewayError.invalidRequest(message: "The request body is empty; a JSON object is expected.", param: nil)
        }
        guard body.readableBytes <= limits.maxBodyBytes else { throw GatewayError.payloadTooLarge(limitBytes: limits.maxBodyBytes) }
        do {
            state.json = try JSONValue.parse(body.readableBytesView)
        } catch {
            throw GatewayError.invalidRequest(
                message: "We could not parse the JSON body of your request: \(error). The body must be a JSON object.", param: nil,
                code: "invalid_json"
            )
        }
        switch state.call.endpoint {
        case .chatCompletions:
            state.request = .chat(try ChatCompletionRequest(body: state.json, limits: limits))
        case .embeddings:
            state.request = .embeddings(try EmbeddingsRequest(body: state.json, limits: limits))
        }
        state.record.model = state.request?.model
        state.record.stream = state.request?.stream ?? false
    }
}
