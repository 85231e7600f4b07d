import Foundation
import Hummingbird
import Logging
import NIOConcurrencyHelpers
import ThiqaCore

/// Resolves the bearer key to its tenant and use case. Verified keys are trusted for `cacheTTL`, so a
/// revocation takes effect within that delay; 0 reads the store on every request.
final class APIKeyAuthenticator: RouterMiddleware, Sendable {
    typealias Context = ThiqaRequestContext

    let keys: any APIKeyRepository
    let useCases: any UseCaseRepository
    let rateLimiter: RateLimiter
    let cacheTTL: Duration
    /// Verified keys by id, with their stored hash only: a memory dump of the process shows no usable key.
    private let cache = NIOLockedValueBox<[String: (identity: CallerIdentity, until: ContinuousClock.Instant)]>([:])

    init(keys: any APIKeyRepository, useCases: any UseCaseRepository, rateLimiter: RateLimiter, cacheTTLMs: Int) {
        self.keys = keys
        self.useCases = useCases
        self.rateLimiter = rateLimiter
        self.cacheTTL = .milliseconds(cacheTTLMs)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let identity = try await authenticate(request.headers[.authorization])
        try rateLimiter.take(keyID: identity.key.id, perMinute: identity.useCase.rateLimitPerMinute)
        context.identity = identity
        context.logger[metadataKey: "thiqa.tenant"] = "\(identity.key.tenant)"
        context.logger[metadataKey: "thiqa.use_case"] = "\(identity.key.useCase)"
        return try await next(request, context)
    }

    func authenticate(_ header: String?) async throws -> CallerIdentity {
        guard let header, !header.isEmpty else {
            throw GatewayError.unauthorized(message: "You didn't provide an API key. Provide it in the Authorization header as 'Bearer <key>'.")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw GatewayError.unauthorized(message: "The Authorization header must be 'Bearer <key>'.")
        }
        let presented = parts[1].trimmingCharacters(in: .whitespaces)
        guard let (id, secret) = APIKeyFormat.parse(Substring(presented)) else {
            throw GatewayError.unauthorized(message: "Incorrect API key provided: it is not a Thiqa key (thq_…).")
        }
        let now = ContinuousClock.now
        // The cache holds the stored hash (in the identity's key record), never the secret, and compares in
        // constant time like the store does.
        if cacheTTL > .zero, let cached = cache.withLockedValue({ $0[String(id)] }), cached.until > now,
            APIKeyFormat.matches(secret: secret, hash: cached.identity.key.secretHash)
        {
            return cached.identity
        }
        guard let record = try await keys.find(id: String(id)), APIKeyFormat.matches(secret: secret, hash: record.secretHash) else {
            throw GatewayError.unauthorized(message: "Incorrect API key provided.")
        }
        guard !record.isRevoked else {
            cache.withLockedValue { $0[String(id)] = nil }
            throw GatewayError.unauthorized(message: "This API key has been revoked.")
        }
        guard let useCase = try await useCases.find(tenant: record.tenant, id: record.useCase) else {
            throw GatewayError.unauthorized(message: "This API key's use case '\(record.useCase)' is no longer declared.")
        }
        let identity = CallerIdentity(key: record, useCase: useCase)
        if cacheTTL > .zero {
            cache.withLockedValue { $0[String(id)] = (identity, now + cacheTTL) }
        }
        return identity
    }
}

/// Per-key token bucket: `perMinute` requests a minute, bursts up to that many.
final class RateLimiter: Sendable {
    struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }
    private let buckets = NIOLockedValueBox<[String: Bucket]>([:])

    func take(keyID: String, perMinute: Int, now: ContinuousClock.Instant = .now) throws {
        let capacity = Double(perMinute)
        let perSecond = capacity / 60
        let waitSeconds: Double? = buckets.withLockedValue { buckets in
            var bucket = buckets[keyID] ?? Bucket(tokens: capacity, updated: now)
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(capacity, bucket.tokens + seconds * perSecond)
            bucket.updated = now
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                buckets[keyID] = bucket
                return nil
            }
            buckets[keyID] = bucket
            return (1 - bucket.tokens) / perSecond
        }
        if let waitSeconds {
            throw GatewayError.rateLimited(retryAfterSeconds: max(1, Int(waitSeconds.rounded(.up))))
        }
    }
}
