import Hummingbird
import NIOCore
import Logging
import ThiqaCore
import ThiqaGovernance

/// The request context of every route. `identity` is set by the authenticator on `/v1` routes.
public struct ThiqaRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: CallerIdentity?
    /// Set by `StaffAuthenticator` on `/admin/v1` routes.
    public var staff: StaffPrincipal?
    /// Bodies are collected up to this size: `limits.maxBodyBytes`, set by `UploadLimitMiddleware` on every request.
    public var maxUploadSize: Int = RequestLimits().maxBodyBytes
    /// The client's address (the web chat's rate limit per client).
    public var remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
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

/// The context of staff routes (`/admin/v1`): built only with an authenticated, active principal, to whom every
/// change made in the request is attributed.
public struct StaffContext: ChildRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let principal: StaffPrincipal
    public var maxUploadSize: Int

    public init(context: ThiqaRequestContext) throws {
        guard let principal = context.staff else {
            throw GatewayError.unauthorized(message: "Staff routes need a staff token: Authorization: Bearer thq_staff_… (thiqa staff create).")
        }
        self.coreContext = context.coreContext
        self.principal = principal
        self.maxUploadSize = context.maxUploadSize
    }
}
