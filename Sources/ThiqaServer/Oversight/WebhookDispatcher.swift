import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import ThiqaOversight
import ThiqaStorage

/// Calls the caller back when a determination becomes final: POSTs the stored body, signed over its exact bytes
/// with the use case's webhook secret (``WebhookSignature``), and retries on failure as ``RetrySchedule`` says.
/// Deliveries are rows, so a restart resumes them.
struct WebhookDispatcher: Service {
    let repository: SQLOversightRepository
    let service: OversightService
    let schedule: RetrySchedule
    let interval: Duration
    let logger: Logger
    let now: @Sendable () -> Date
    let started: StartGate

    func run() async throws {
        await cancelWhenGracefulShutdown { await self.started.wait() }
        guard self.started.isOpen else { return }
        while !Task.isShuttingDownGracefully {
            do { try await self.deliverDue() } catch {
                self.logger.warning("webhook deliveries failed", metadata: ["thiqa.error": "\(error)"])
            }
            do { try await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) } } catch { return }
        }
    }

    /// Attempts every due delivery once; returns how many were delivered.
    @discardableResult
    func deliverDue() async throws -> Int {
        var delivered = 0
        for delivery in try await self.repository.dueDeliveries(at: self.now()) {
            guard let (determination, _) = try await self.repository.find(delivery.determination) else { continue }
            let settings = self.service.settings(for: determination.ref)
            let secret = Array((settings.webhookSecret ?? "").utf8)
            let body = try await self.service.webhookBody(delivery, of: determination)
            var request = HTTPClientRequest(url: delivery.url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: WebhookSignature.headerName, value: WebhookSignature.sign(body: body, secret: secret, timestamp: Int64(self.now().timeIntervalSince1970)))
            request.headers.add(name: "Thiqa-Delivery", value: delivery.id)
            request.body = .bytes(ByteBuffer(bytes: body))
            var failure: String?
            do {
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
                _ = try? await response.body.collect(upTo: 64 << 10)
                if !(200..<300).contains(Int(response.status.code)) { failure = "status \(response.status.code)" }
            } catch {
                failure = "\(error)"
            }
            let at = self.now()
            if let failure {
                let next = self.schedule.nextAttempt(afterAttempt: delivery.attempts + 1, failedAt: at)
                try await self.repository.recordAttempt(delivery.id, delivered: false, at: at, error: String(failure.prefix(300)), nextAttemptAt: next)
                self.logger.notice(
                    next == nil ? "webhook delivery given up" : "webhook delivery failed; will retry",
                    metadata: ["thiqa.delivery": "\(delivery.id)", "thiqa.determination": "\(delivery.determination)", "thiqa.error": "\(failure.prefix(120))"]
                )
            } else {
                try await self.repository.recordAttempt(delivery.id, delivered: true, at: at, error: nil, nextAttemptAt: nil)
                delivered += 1
            }
        }
        return delivered
    }
}
