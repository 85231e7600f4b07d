import Hummingbird
import Logging
import ThiqaCore

/// The request context of every route. `identity` is set by the authenticator on `/v1` routes.
public struct ThiqaRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: CallerIdentity?
    /// Bodies are collected up to this size: `limits.maxBodyBytes`, set by `UploadLimitMiddleware` on every request.
    public var maxUploadSize: Int = RequestLimits().maxBodyBytes

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }
}

/// The context of routes that require a key: it cannot be built without an identity, so handlers get a
/// non-optional one.
public struct AuthenticatedContext: ChildRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let identity: CallerIdentity

    public init(context: ThiqaRequestContext) throws {
        guard let identity = context.identity else {
            throw GatewayError.unauthorized(message: "You didn't provide an API key. Provide it in the Authorization header as 'Bearer <key>'.")
        }
        self.coreContext = context.coreContext
        self.identity = identity
        self.maxUploadSize = context.maxUploadSize
    }

    public var maxUploadSize: Int
}
