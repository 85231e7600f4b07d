import AsyncHTTPClient
import Logging
import Metrics
import NIOCore
import NIOHTTP1
import ThiqaCore
import ServiceLifecycle

/// Active health checks: `GET {baseURL}/models` on every backend, every interval. A backend that fails a
/// request is also marked down at once (passive check) until a probe succeeds again.
public struct HealthChecker: Service {
    let pool: BackendPool
    let interval: Duration
    let logger: Logger

    public init(pool: BackendPool, intervalMs: Int, logger: Logger) {
        self.pool = pool
        self.interval = .milliseconds(intervalMs)
        self.logger = logger
    }

    public func run() async throws {
        await checkAll()
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                // Wakes at once on shutdown instead of finishing the interval.
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) }
            } catch {
                return
            }
            await checkAll()
        }
    }

    public func checkAll() async {
        await withTaskGroup(of: Void.self) { group in
            for member in pool.members {
                group.addTask { await self.check(member) }
            }
        }
    }

    func check(_ member: BackendPool.Member) async {
        let descriptor = member.descriptor
        var request = HTTPClientRequest(url: descriptor.baseURL + "/models")
        request.method = .GET
        if let key = descriptor.apiKey { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
        let wasHealthy = pool.healthState(of: descriptor.id)?.healthy ?? false
        var healthy = false
        var failure: String?
        // Two tries: a single probe can land on a connection the server just closed, or wait behind a
        // long generation on a one-slot model server; neither means the backend is down.
        for attempt in 0..<2 where !healthy {
            if attempt > 0 {
                try? await Task.sleep(for: .milliseconds(200))
            }
            do {
                let response = try await member.client.execute(request, timeout: .milliseconds(Int64(max(descriptor.connectTimeoutMs, 5000))))
                _ = try await response.body.collect(upTo: 1 << 20)
                healthy = response.status == .ok
                failure = healthy ? nil : "status \(response.status.code)"
            } catch {
                failure = "\(error)"
            }
        }
        pool.setHealth(descriptor.id, healthy: healthy, error: failure)
        Gauge(label: "thiqa_backend_up", dimensions: [("backend", descriptor.id)]).record(healthy ? 1 : 0)
        if healthy != wasHealthy {
            if healthy {
                logger.info("backend is healthy", metadata: ["thiqa.backend": "\(descriptor.id)"])
            } else {
                logger.warning("backend is unhealthy", metadata: ["thiqa.backend": "\(descriptor.id)", "thiqa.error": "\(failure ?? "")"])
            }
        }
    }
}
