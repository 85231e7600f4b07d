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
}
