import Foundation
import Hummingbird
import Logging
import ThiqaCore
import ThiqaGovernance
import ThiqaStorage

/// The one authentication of staff routes: a `Bearer thq_staff_…` token, looked up by its SHA-256 (compared in
/// constant time), revoked credentials and disabled principals refused. The principal goes into the context.
struct StaffAuthenticator: RouterMiddleware {
    typealias Context = ThiqaRequestContext
    let registry: SQLRegistryRepository

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], !header.isEmpty else {
            throw GatewayError.unauthorized(message: "Staff routes need a staff token: Authorization: Bearer thq_staff_… (thiqa staff create).")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw GatewayError.unauthorized(message: "The Authorization header must be 'Bearer thq_staff_…'.")
        }
        let token = String(parts[1]).trimmingCharacters(in: .whitespaces)
        guard StaffToken.isWellFormed(token) else {
            throw GatewayError.unauthorized(message: "Not a staff token (thq_staff_ followed by 43 base64url characters).")
        }
        guard let principal = try await registry.authenticate(token) else {
            throw GatewayError.unauthorized(message: "Unknown or revoked staff token.")
        }
        var context = context
        context.staff = principal
        context.logger[metadataKey: "thiqa.staff"] = "\(principal.id)"
        return try await next(request, context)
    }
}
