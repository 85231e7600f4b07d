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

        /// `permission_error` for a refusal, else `invalid_request_error`: the type of staff and person errors.
        static func type(for status: HTTPResponse.Status) -> String {
            status == .forbidden ? "permission_error" : "invalid_request_error"
        }

        /// The one place an error answer's body is made: every error type of the server answers through it.
        func response(status: HTTPResponse.Status, headers extra: HTTPFields = [:]) throws -> Response {
            var headers: HTTPFields = [.contentType: "application/json"]
            headers.append(contentsOf: extra)
            let body = try JSONEncoder().encode(OpenAIErrorBody(error: self))
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
    }
    var error: Detail
}

/// What failed in a staff or person action (registry, rights): the code clients branch on, and its status.
public enum ActionFailureKind: String, Sendable {
    case notFound = "not_found", forbidden, invalid = "invalid_request", conflict

    public var httpStatus: Int {
        switch self {
        case .notFound: 404
        case .forbidden: 403
        case .invalid: 422
        case .conflict: 409
        }
    }
}

/// The one place that turns domain errors into HTTP statuses and bodies.
extension GatewayError: HTTPResponseError {
    public var status: HTTPResponse.Status { HTTPResponse.Status.named(self.httpStatus) }

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
        case .backendsSaturated(let retryAfter, let rateLimited):
            return rateLimited
                ? .init(message: "Every model backend for this request is rate-limited right now. Retry after \(retryAfter) s.", type: "requests", param: nil, code: "backends_rate_limited")
                : .init(message: "No model backend for this request is taking calls right now (cooling down or failing). Retry after \(retryAfter) s.", type: "server_error", param: nil, code: "backends_unavailable")
        case .refused(let code, let message, let param):
            return .init(message: message, type: "permission_error", param: param, code: code)
        case .internalError(let reference):
            return .init(message: "Internal error. Quote the reference \(reference) to the operator.", type: "server_error", param: nil, code: "internal_error")
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [:]
        if case .rateLimited(let retryAfter) = self {
            headers[.retryAfter] = String(retryAfter)
        }
        if case .backendsSaturated(let retryAfter, _) = self {
            headers[.retryAfter] = String(retryAfter)
        }
        if case .unauthorized = self {
            headers[.wwwAuthenticate] = "Bearer"
        }
        return try detail.response(status: status, headers: headers)
    }
}

extension HTTPResponse.Status {
    /// The status with its standard reason phrase (`Status(code:)` alone leaves the phrase empty).
    static func named(_ code: Int) -> HTTPResponse.Status {
        switch code {
        case 200: return .ok
        case 202: return .accepted
        case 400: return .badRequest
        case 401: return .unauthorized
        case 403: return .forbidden
        case 404: return .notFound
        case 408: return .requestTimeout
        case 409: return .conflict
        case 413: return .contentTooLarge
        case 422: return .unprocessableContent
        case 429: return .tooManyRequests
        case 500: return .internalServerError
        case 501: return .notImplemented
        case 502: return .badGateway
        case 503: return .serviceUnavailable
        case 504: return .gatewayTimeout
        default: return HTTPResponse.Status(code: code)
        }
    }
}
