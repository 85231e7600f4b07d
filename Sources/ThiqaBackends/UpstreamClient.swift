import AsyncHTTPClient
import Foundation
import Logging
import Metrics
import NIOCore
import NIOHTTP1
import ThiqaCore

/// An upstream answer whose head has arrived; the body may still be streaming.
public struct UpstreamResponse: Sendable {
    public var backend: BackendDescriptor
    public var status: Int
    public var contentType: String?
    public var body: HTTPClientResponse.Body
    /// Time from sending to the response head.
    public var timeToHeadMs: Double
    /// Backends tried before this one, with why they failed.
    public var failedOver: [(backend: String, reason: String)]
}

/// Sends OpenAI-compatible requests to the planned backends, failing over on connection errors, 5xx and
/// timeouts, always before the first byte reaches the client (the response head is not yet forwarded).
public struct UpstreamClient: Sendable {
    let pool: BackendPool
    public init(pool: BackendPool) { self.pool = pool }

    public func send(path: String, body: ByteBuffer, to plan: [BackendDescriptor], logger: Logger) async throws(GatewayError) -> UpstreamResponse {
        var failures: [(backend: String, reason: String)] = []
        var lastError: GatewayError = .noEligibleBackend(reason: "no backend planned")
        var rateLimited: [String] = []
        var overloaded = false
        // At most `maxAttempts` backends per call; nothing has reached the client yet, so each try is safe to repeat.
        for (attempt, descriptor) in plan.prefix(pool.maxAttempts).enumerated() {
            guard let member = pool.member(descriptor.id) else { continue }
            if attempt > 0 {
                // Jittered backoff between attempts, so calls failing together do not retry in lockstep.
                try? await Task.sleep(for: .milliseconds(Int.random(in: 0...(5 * attempt))))
                if Task.isCancelled { throw .upstreamFailed(reason: "request cancelled") }
            }
            pool.beginAttempt(descriptor.id)
            var request = HTTPClientRequest(url: descriptor.baseURL + path)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "Accept", value: "application/json, text/event-stream")
            if let key = descriptor.apiKey { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
            request.body = .bytes(body)
            let started = ContinuousClock.now
            do {
                let response = try await Self.executeWithFirstByteTimeout(
                    request, client: member.client, descriptor: descriptor
                )
                let elapsed = Self.milliseconds(ContinuousClock.now - started)
                member.timeToHead.recordNanoseconds(Int64(elapsed * 1_000_000))
                let retryAfter = Self.retryAfter(response.headers.first(name: "Retry-After"))
                if response.status.code == 429 || (response.status.code == 503 && retryAfter != nil) {
                    // "Later", not "broken": cool it down for what it asked (bounded), try the next backend, and never
                    // pass the upstream's own body to the client.
                    _ = try? await response.body.collect(upTo: 1 << 20)
                    let cooldown = pool.rateLimited(descriptor.id, retryAfter: retryAfter, overload: response.status.code == 503)
                    failures.append((descriptor.id, "status \(response.status.code)"))
                    rateLimited.append(descriptor.id)
                    overloaded = overloaded || response.status.code == 503
                    lastError = .backendsSaturated(retryAfterSeconds: pool.retryAfterSeconds([descriptor.id]), rateLimited: response.status.code == 429)
                    Counter(label: "thiqa_upstream_failovers_total", dimensions: [("backend", descriptor.id), ("reason", "rate_limited")]).increment()
                    logger.warning(
                        "upstream rate-limited, failing over",
                        metadata: ["thiqa.backend": "\(descriptor.id)", "thiqa.status": "\(response.status.code)", "thiqa.cooldown": "\(cooldown)"]
                    )
                    continue
                }
                if response.status.code >= 500 {
                    // Drain so the connection can be reused, then try the next backend.
                    _ = try? await response.body.collect(upTo: 1 << 20)
                    let reason = "status \(response.status.code)"
                    failures.append((descriptor.id, reason))
                    lastError = .upstreamFailed(reason: "backend '\(descriptor.id)' answered \(response.status.code)")
                    pool.failed(descriptor.id)
                    Counter(label: "thiqa_upstream_failovers_total", dimensions: [("backend", descriptor.id), ("reason", "5xx")]).increment()
                    logger.warning("upstream 5xx, failing over", metadata: ["thiqa.backend": "\(descriptor.id)", "thiqa.status": "\(response.status.code)"])
                    continue
                }
                pool.succeeded(descriptor.id, firstByte: ContinuousClock.now - started)
                // A real answer is the best health check there is.
                if pool.healthState(of: descriptor.id)?.healthy == false {
                    pool.setHealth(descriptor.id, healthy: true)
                }
                return UpstreamResponse(
                    backend: descriptor, status: Int(response.status.code), contentType: response.headers.first(name: "Content-Type"),
                    body: response.body, timeToHeadMs: elapsed, failedOver: failures
                )
            } catch {
                if Task.isCancelled { throw .upstreamFailed(reason: "request cancelled") }
                let reason: String
                let kind: String
                if let timeout = error as? FirstByteTimeout {
                    reason = "no response within \(timeout.milliseconds) ms"
                    kind = "timeout"
                    lastError = .upstreamTimeout(reason: "backend '\(descriptor.id)' did not answer within \(timeout.milliseconds) ms")
                } else if let clientError = error as? HTTPClientError, clientError == .deadlineExceeded || clientError == .readTimeout {
                    reason = "timeout"
                    kind = "timeout"
                    lastError = .upstreamTimeout(reason: "backend '\(descriptor.id)' timed out")
                } else {
                    reason = "\(error)"
                    kind = "connection"
                    lastError = .upstreamFailed(reason: "backend '\(descriptor.id)' is unreachable")
                    // Passive health: stop routing to it until an active probe succeeds.
                    pool.setHealth(descriptor.id, healthy: false, error: reason)
                }
                failures.append((descriptor.id, reason))
                pool.failed(descriptor.id)
                Counter(label: "thiqa_upstream_failovers_total", dimensions: [("backend", descriptor.id), ("reason", kind)]).increment()
                logger.warning("upstream failed, failing over", metadata: ["thiqa.backend": "\(descriptor.id)", "thiqa.reason": "\(reason)"])
            }
        }
        if !rateLimited.isEmpty, rateLimited.count == failures.count {
            // Every backend tried asked to slow down: Thiqa's own 429 (503 when one said it is overloaded), with the
            // soonest of their cool-downs.
            throw .backendsSaturated(retryAfterSeconds: pool.retryAfterSeconds(rateLimited), rateLimited: !overloaded)
        }
        if !rateLimited.isEmpty {
            throw .backendsSaturated(retryAfterSeconds: pool.retryAfterSeconds(plan.map(\.id)), rateLimited: false)
        }
        if failures.count > 1 {
            let summary = failures.map { "\($0.backend): \($0.reason)" }.joined(separator: "; ")
            switch lastError {
            case .upstreamTimeout: throw .upstreamTimeout(reason: "every eligible backend failed (\(summary))")
            default: throw .upstreamFailed(reason: "every eligible backend failed (\(summary))")
            }
        }
        throw lastError
    }

    struct FirstByteTimeout: Error { var milliseconds: Int }

    /// `Retry-After` as seconds or an HTTP date; nil when absent or unreadable.
    static func retryAfter(_ value: String?) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value), seconds >= 0 { return .seconds(seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        guard let date = formatter.date(from: value) else { return nil }
        return .milliseconds(max(0, Int(date.timeIntervalSinceNow * 1000)))
    }

    /// Tells the pool that a backend broke an answer it had started (a stream cut, a body cut or malformed): the
    /// next calls avoid it until an active health probe finds it well again.
    public func streamBroke(backend id: String) {
        pool.failed(id)
        pool.setHealth(id, healthy: false, error: "broke an answer it had started")
    }

    /// The request with its first-byte deadline. AsyncHTTPClient's `deadline` is one: its timer, on the event loop,
    /// is cancelled as soon as `execute` returns with the response head, so it bounds the wait for the first bytes
    /// and never the streamed body (the client's read timeout bounds the gaps in that).
    ///
    /// This replaced a task group racing the call against `Task.sleep` (issue 15): a cancelled sleep leaves its
    /// timer in Dispatch's queue until the moment it would have fired, so every call left ~300 bytes behind for the
    /// whole timeout (60 s by default) — 5–6 MB alive at the peak of 19,000 calls under heaptrack with the bench's
    /// 10 s, a heap growing with the request rate — besides two child tasks per call.
    static func executeWithFirstByteTimeout(
        _ request: HTTPClientRequest, client: HTTPClient, descriptor: BackendDescriptor
    ) async throws -> HTTPClientResponse {
        let firstByteFirst = descriptor.firstByteTimeoutMs <= descriptor.requestTimeoutMs
        let deadline = NIODeadline.now() + .milliseconds(Int64(min(descriptor.firstByteTimeoutMs, descriptor.requestTimeoutMs)))
        do {
            return try await client.execute(request, deadline: deadline)
        } catch let error as HTTPClientError where error == .deadlineExceeded && firstByteFirst {
            throw FirstByteTimeout(milliseconds: descriptor.firstByteTimeoutMs)
        }
    }

    public static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
