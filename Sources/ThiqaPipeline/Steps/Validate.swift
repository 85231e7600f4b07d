import NIOCore
import ThiqaCore

/// Parses the body and checks it field by field against what the endpoint accepts; every error names the field.
public struct Validate: PipelineStep {
    public let name = "validate"
    let limits: RequestLimits

    public init(limits: RequestLimits) { self.limits = limits }

    public func run(_ state: inout CallState) async throws {
        if let conversation = state.call.conversationID, !AICall.validConversationID(conversation) {
            throw GatewayError.invalidRequest(
                message: "The X-Thiqa-Conversation-Id header must be 1 to 128 letters, digits, '-', '_', '.' or ':'.",
                param: "X-Thiqa-Conversation-Id", code: "invalid_value"
            )
        }
        let body: ByteBuffer
        do {
            body = try await state.call.body.collect(limits.maxBodyBytes)
        } catch let error as GatewayError {
            throw error
        } catch {
            // Hummingbird's own limit, or a client that went away mid-body.
            throw GatewayError.payloadTooLarge(limitBytes: limits.maxBodyBytes)
        }
        state.upstreamBody = body
        guard body.readableBytes > 0 else {
            throw GatewayError.invalidRequest(message: "The request body is empty; a JSON object is expected.", param: nil)
        }
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
