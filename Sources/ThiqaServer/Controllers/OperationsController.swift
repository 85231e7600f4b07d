import Foundation
import Hummingbird
import Metrics
import Prometheus
import ThiqaBackends
import ThiqaCore
import ThiqaStorage

/// Liveness, readiness, metrics and the API description: what operators and load balancers call.
struct OperationsController: Sendable {
    let database: ThiqaDatabase
    let keyStore: SubjectKeyStore
    let pool: BackendPool
    let registry: PrometheusCollectorRegistry

    func addRoutes(to router: Router<ThiqaRequestContext>) {
        router.get("healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
        }
        router.get("readyz", use: ready)
        router.get("metrics") { _, _ in
            // Backend states are read when scraped: 0 closed, 1 half-open, 2 cooling down after a 429, 3 breaker open.
            for state in self.pool.states() {
                let code: Double = ["closed": 0, "half_open": 1, "cooling_down": 2, "open": 3][state.state] ?? 0
                Gauge(label: "thiqa_backend_state", dimensions: [("backend", state.backend)]).record(code)
                Gauge(label: "thiqa_backend_weight_factor", dimensions: [("backend", state.backend)]).record(state.weightFactor)
                if let p99 = state.p99FirstByteMs {
                    Gauge(label: "thiqa_backend_first_byte_p99_ms", dimensions: [("backend", state.backend)]).record(p99)
                }
            }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: self.registry.emitToBuffer()))
            )
        }
        router.get("openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: OpenAPIDocument.bytes)))
        }
    }

    struct Readiness: Encodable {
        var status: String
        var database: String
        /// The rights key store (a database of its own): "down" makes the replica not ready.
        var key_store: String
        var backends: [BackendStatus]
        struct BackendStatus: Encodable {
            var id: String
            var jurisdiction: String
            var healthy: Bool
            var error: String?
            /// closed, half_open, cooling_down (after a 429) or open (breaker)
            var state: String
            var p99_first_byte_ms: Double?
            var weight_factor: Double
        }
    }

    @Sendable func ready(_ request: Request, context: ThiqaRequestContext) async throws -> Response {
        async let databaseUp = database.ping()
        async let keyStoreUp = keyStore.probe()
        let (databaseReady, keyStoreReady) = await (databaseUp, keyStoreUp)
        let conditions = Dictionary(uniqueKeysWithValues: pool.states().map { ($0.backend, $0) })
        let backends = pool.descriptors.map { backend in
            let state = pool.healthState(of: backend.id)
            let condition = conditions[backend.id]
            return Readiness.BackendStatus(
                id: backend.id, jurisdiction: backend.jurisdiction.code, healthy: state?.healthy ?? false, error: state?.lastError,
                state: condition?.state ?? "closed", p99_first_byte_ms: condition?.p99FirstByteMs, weight_factor: condition?.weightFactor ?? 1
            )
        }
        let ready = databaseReady && keyStoreReady && backends.contains(where: \.healthy)
        let body = Readiness(
            status: ready ? "ready" : "not_ready", database: databaseReady ? "up" : "down", key_store: keyStoreReady ? "up" : "down",
            backends: backends
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(
            status: ready ? .ok : .serviceUnavailable, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(body)))
        )
    }
}

/// `Resources/openapi.json`, Thiqa's own API, kept true by `OpenAPIDocumentTests`.
enum OpenAPIDocument {
    static let bytes: [UInt8] = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"), let data = try? Data(contentsOf: url) else {
            return Array(#"{"openapi":"3.1.0","info":{"title":"Thiqa","version":"0"},"paths":{}}"#.utf8)
        }
        return Array(data)
    }()
}
