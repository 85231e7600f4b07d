import Foundation
import Hummingbird
import ThiqaCore

/// OpenAI's error shape: `{"error":{"message","type","param","code"}}`.
struct OpenAIErrorBody: Encodable {
    struct Detail: Encodable {
        var message: String
        var type: String
        var param: String?
        var code: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(message, forKey: .message)
            try container.encode(type, forKey: .type)
            // OpenAI sends explicit nulls; clients read them.
            try container.encode(param, forKey: .param)
            try container.encode(code, forKey: .code)
        }
        enum CodingKeys: String, CodingKey { case message, type, param, code }
    }
    var error: Detail
}

/// The one place that turns domain errors into HTTP statuses and bodies.
extension GatewayError: HTTPResponseError {
    public var status: HTTPResponse.Status {
        switch self {
        case .invalidRequest: return .badRequest
        case .payloadTooLarge: return .contentTooLarge
        case .unauthorized: return .unauthorized
        case .modelNotFound, .notFound: return .notFound
        case .rateLimited: return .tooManyRequests
        case .noEligibleBackend, .unavailable: return .serviceUnavailable
        case .upstreamFailed: return .badGateway
        case .upstreamTimeout: return .gatewayTimeout
        case .notSupported: return .notImplemented
        }
    }

    var detail: OpenAIErrorBody.Detail {
        switch self {
        case .invalidRequest(let message, let param, let code):
            return .init(message: message, type: "invalid_request_error", param: param, code: code)
        case .payloadTooLarge(let limit):
            return .init(message: "The request body is larger than the limit of \(limit) bytes.", type: "invalid_request_error", param: nil, code: "request_too_large")
        case .unauthorized(let message):
            return .init(message: message, type: "invalid_request_error", param: nil, code: "invalid_api_key")
        case .modelNotFound(let model):
            return .init(message: "The model '\(model)' does not exist or you do not have access to it.", type: "invalid_request_error", param: "model", code: "model_not_found")
        case .notFound(let message):
            return .init(message: message, type: "invalid_request_error", param: nil, code: "not_found")
        case .rateLimited(let retryAfter):
            return .init(message: "Rate limit reached for this API key. Retry after \(retryAfter) s.", type: "requests", param: nil, code: "rate_limit_exceeded")
        case .noEligibleBackend(let reason):
            return .init(message: "No model backend may take this request: \(reason).", type: "server_error", param: nil, code: "no_eligible_backend")
        case .upstreamFailed(let reason):
            return .init(message: "The model backend failed: \(reason).", type: "server_error", param: nil, code: "upstream_error")
        case .upstreamTimeout(let reason):
            return .init(message: "The model backend timed out: \(reason).", type: "server_error", param: nil, code: "upstream_timeout")
        case .unavailable(let reason):
            return .init(message: "Thiqa cannot serve this request now: \(reason).", type: "server_error", param: nil, code: "service_unavailable")
        case .notSupported(let message):
            return .init(message: message, type: "invalid_request_error", param: nil, code: "not_supported")
        }
    }

    /// A short stable name for metrics and records.
    public var kind: String {
        switch self {
        case .invalidRequest: return "invalid_request"
        case .payloadTooLarge: return "payload_too_large"
        case .unauthorized: return "unauthorized"
        case .modelNotFound: return "model_not_found"
        case .notFound: return "not_found"
        case .rateLimited: return "rate_limited"
        case .noEligibleBackend: return "no_eligible_backend"
        case .upstreamFailed: return "upstream_error"
        case .upstreamTimeout: return "upstream_timeout"
        case .unavailable: return "unavailable"
        case .notSupported: return "not_supported"
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        if case .rateLimited(let retryAfter) = self {
            headers[.retryAfter] = String(retryAfter)
        }
        if case .unauthorized = self {
            headers[.wwwAuthenticate] = "Bearer"
        }
        let body = try JSONEncoder().encode(OpenAIErrorBody(error: detail))
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
