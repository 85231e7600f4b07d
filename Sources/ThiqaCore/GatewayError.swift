/// Every way a gateway call can fail, in the domain's words. The HTTP layer maps each case to a status
/// and to OpenAI's error shape in one place.
public enum GatewayError: Error, Sendable, Equatable {
    /// Malformed JSON, wrong type, missing field; `param` names the field.
    case invalidRequest(message: String, param: String?, code: String? = nil)
    case payloadTooLarge(limitBytes: Int)
    case unauthorized(message: String)
    case modelNotFound(model: String)
    case notFound(message: String)
    case rateLimited(retryAfterSeconds: Int)
    /// No backend may receive the request (jurisdiction, health); says why.
    case noEligibleBackend(reason: String)
    case upstreamFailed(reason: String)
    case upstreamTimeout(reason: String)
    /// A dependency Thiqa needs (the database) is down: refuse rather than lose the record.
    case unavailable(reason: String)
    case notSupported(message: String)
    /// The governance registry refuses the call (403): `code` is a stable refusal code (GOVERNANCE.md), `message`
    /// says which step is missing and who can take it, `param` the request field at fault.
    case refused(code: String, message: String, param: String?)
    /// Something Thiqa did not expect (a bug, a broken dependency). The client learns only the reference under
    /// which the full error was logged; no content is recorded.
    case internalError(reference: String)
    /// Every eligible backend is cooling down (it answered 429 or 503 with `Retry-After`) or out behind an open
    /// breaker: Thiqa's own 429 (all rate-limited) or 503, with the soonest time one may take calls again.
    case backendsSaturated(retryAfterSeconds: Int, rateLimited: Bool)
}

extension GatewayError {
    /// The HTTP status this error is answered with (the HTTP layer maps it; the pipeline records it).
    public var httpStatus: Int {
        switch self {
        case .invalidRequest: return 400
        case .payloadTooLarge: return 413
        case .unauthorized: return 401
        case .modelNotFound, .notFound: return 404
        case .rateLimited: return 429
        case .noEligibleBackend, .unavailable: return 503
        case .upstreamFailed: return 502
        case .upstreamTimeout: return 504
        case .notSupported: return 501
        case .refused: return 403
        case .internalError: return 500
        case .backendsSaturated(_, let rateLimited): return rateLimited ? 429 : 503
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
        case .refused(let code, _, _): return code
        case .internalError: return "internal_error"
        case .backendsSaturated(_, let rateLimited): return rateLimited ? "backends_rate_limited" : "backends_unavailable"
        }
    }

    /// How a call that ended with this error is recorded: refused by Thiqa before any model saw it, or failed.
    public var outcome: InteractionRecord.Outcome {
        switch self {
        case .upstreamFailed, .upstreamTimeout, .noEligibleBackend, .unavailable, .internalError, .backendsSaturated: return .failed
        default: return .rejected
        }
    }
}
