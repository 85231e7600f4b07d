import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import NIOCore
import SQLKit
import ThiqaBackends
import ThiqaCore
import ThiqaPipeline
import ThiqaServer
import ThiqaStorage
import ThiqaTesting

/// What a gateway test gets: a client, the key of its use case, and the store behind the gateway.
struct GatewayFixture: Sendable {
    var key: String
    var keyID: String
    var interactions: SQLInteractionRepository
    var keys: SQLAPIKeyRepository
    var database: ThiqaDatabase
    /// The gateway's key store (rights): opened by the test on the same database, with the same master key.
    var keyStore: SubjectKeyStore
    /// The configuration the gateway runs with.
    var configuration: ThiqaConfiguration
    /// The gateway's own connection to the store (the application runs and closes it): what it counts is what
    /// the gateway's requests and services cost.
    var gatewayDatabase: ThiqaDatabase? = nil

    /// Runs SQL on the gateway's store from outside the gateway (to break or alter it behind its back).
    func sql(_ body: @Sendable (any SQLDatabase) async throws -> Void) async throws {
        try await database.transaction { try await body($0) }
    }

    /// Every route the application serves, read from its router.
    var routes: [ServedRoute] = []
    /// Where the gateway's log signing key is (to check its checkpoints' signatures).
    var transparency = TransparencyConfiguration()

    /// A second key of the same use case (another integrator of the same service).
    func issueKey() async throws -> String {
        let issued = APIKeyFormat.issue(tenant: try TenantID("test"), useCase: try UseCaseID("gateway"))
        try await keys.create(issued.record)
        return issued.key
    }

    func auth(_ extra: HTTPFields = [:], key: String? = nil) -> HTTPFields {
        var headers: HTTPFields = [.authorization: "Bearer \(key ?? self.key)", .contentType: "application/json"]
        headers.append(contentsOf: extra)
        return headers
    }
}

enum Gateway {
    /// A gateway on `backends` for the duration of `body`; one calling the bundled model waits for a turn at it
    /// (`TestModel.withTurn`).
    static func run(
        backends: [BackendDescriptor],
        storage: TestStores.Kind = .sqlite,
        useCase configureUseCase: @Sendable (inout UseCase) -> Void = { _ in },
        configure: @Sendable (inout ThiqaConfiguration) -> Void = { _ in },
        clock: @escaping @Sendable () -> Date = { Date() },
        prepare: @Sendable (GatewayFixture) async throws -> Void = { _ in },
        _ body: @Sendable (any TestClientProtocol, GatewayFixture) async throws -> Void
    ) async throws {
        func run() async throws {
            try await Self.runNow(
                backends: backends, storage: storage, useCase: configureUseCase, configure: configure, clock: clock, prepare: prepare, body
            )
        }
        // By the model's name, not its URL: asking for the URL starts the model server when none is running, and a
        // test of scripted backends needs none.
        if backends.contains(where: { $0.models.contains(TestModel.name) }) {
            try await TestModel.withTurn(run)
        } else {
            try await run()
        }
    }

    private static func runNow(
        backends: [BackendDescriptor],
        storage: TestStores.Kind,
        useCase configureUseCase: @Sendable (inout UseCase) -> Void,
        configure: @Sendable (inout ThiqaConfiguration) -> Void,
        clock: @escaping @Sendable () -> Date,
        prepare: @Sendable (GatewayFixture) async throws -> Void,
        _ body: @Sendable (any TestClientProtocol, GatewayFixture) async throws -> Void
    ) async throws {
        let storageConfiguration = try await TestStores.configuration(storage)
        var configuration = ThiqaConfiguration(storage: storageConfiguration, authCacheTTLMs: 0, backends: BackendsConfiguration(backends: backends, healthCheckIntervalMs: 60_000))
        let keys = try TestStores.temporaryDirectory()
        configuration.privacy.vaultKeyPath = keys.appendingPathComponent("vault.key").path
        configuration.transparency.keyPath = keys.appendingPathComponent("log.key").path
        configuration.rights = RightsConfiguration(
            subjectKeyPath: keys.appendingPathComponent("subject.key").path,
            keyStore: .sqlite(path: keys.appendingPathComponent("subject-keys.sqlite").path),
            keyStoreMasterKeyPath: keys.appendingPathComponent("key-store-master.key").path
        )
        configure(&configuration)
        let configured = configuration
        var logger = Logger(label: "thiqa-test")
        logger.logLevel = .warning
        // The test's own connection (its pool runs for the whole test); the application opens its own.
        try await ThiqaDatabase.with(storageConfiguration, logger: logger) { database in
            try await Migrations.run(on: database)
            var useCase = UseCase(tenant: try TenantID("test"), id: try UseCaseID("gateway"))
            configureUseCase(&useCase)
            try await SQLUseCaseRepository(database: database).upsert(useCase)
            let issued = APIKeyFormat.issue(tenant: useCase.tenant, useCase: useCase.id)
            try await SQLAPIKeyRepository(database: database).create(issued.record)
            try await ThiqaDatabase.with(configured.rights.keyStore, logger: logger) { keyDatabase in
                let keyStore = SubjectKeyStore(database: keyDatabase, master: try configured.rights.loadMasterKey())
                var fixture = GatewayFixture(
                    key: issued.key, keyID: issued.record.id, interactions: SQLInteractionRepository(database: database, keys: keyStore),
                    keys: SQLAPIKeyRepository(database: database), database: database, keyStore: keyStore, configuration: configured,
                    transparency: configured.transparency
                )
                try await prepare(fixture)
                let served = NIOLockedValueBox<[ServedRoute]>([])
                let gatewayDatabase = try await ThiqaDatabase.open(configured.storage, logger: logger)
                let app: any ApplicationProtocol
                do {
                    app = try await buildApplication(
                        configuration: configured, logger: logger, database: gatewayDatabase,
                        routes: { routes in served.withLockedValue { $0 = routes } }, clock: clock
                    )
                } catch {
                    await gatewayDatabase.close()
                    throw error
                }
                fixture.routes = served.withLockedValue { $0 }
                fixture.gatewayDatabase = gatewayDatabase
                let ready = fixture
                try await app.test(.live) { client in
                    try await body(client, ready)
                }
            }
        }
    }

    static func modelBackend(id: String = "local", jurisdiction: String = "MA", weight: Int = 1) throws -> BackendDescriptor {
        BackendDescriptor(
            id: id, baseURL: try TestModel.baseURL(), models: [TestModel.name], jurisdiction: try Jurisdiction(jurisdiction),
            hosting: "test", weight: weight, firstByteTimeoutMs: 120_000, servesEmbeddings: true
        )
    }

    static func chatBody(model: String = TestModel.name, stream: Bool = false, maxTokens: Int = 8, content: String = "Salam, kidayr?") -> ByteBuffer {
        ByteBuffer(string: #"{"model":"\#(model)","messages":[{"role":"user","content":"\#(content)"}],"max_tokens":\#(maxTokens),"stream":\#(stream)}"#)
    }

    /// Waits until the record of a call is stored (streams record asynchronously at their end).
    static func record(_ id: String, in repository: SQLInteractionRepository) async throws -> InteractionRecord? {
        for _ in 0..<100 {
            if let record = try await repository.find(id: id) { return record }
            try await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }
}

struct OpenAIError: Decodable {
    struct Detail: Decodable {
        var message: String
        var type: String
        var param: String?
        var code: String?
    }
    var error: Detail

    static func decode(_ response: TestResponse) throws -> Detail {
        try JSONDecoder().decode(OpenAIError.self, from: Data(response.body.readableBytesView)).error
    }
}

/// A scripted upstream, only for failures a real model server cannot be made to show on demand
/// (5xx, a hang before the first byte, a slow stream whose cancellation we observe).
final class ScriptedUpstream: Sendable {
    enum Behaviour: Sendable {
        case answer
        case status(Int)
        case hang
        case slowStream(chunks: Int, interval: Duration)
        /// Answers with the last user message, as the model would when asked to repeat it: the only way to
        /// see placeholders come back from a model deterministically. Streams it three characters a chunk.
        case echo
        /// Answers this content whatever it is asked: a model that names placeholders the caller never sent.
        case reply(String)
        /// 429 (or another status) with an optional `Retry-After`, and a body of its own that must not reach clients.
        case refuse(status: Int, retryAfter: Int?)
        /// Answers normally after this long.
        case slowFirstByte(Duration)
        /// 200 with JSON that does not parse.
        case malformedJSON
        /// 200 with an HTML page.
        case wrongContentType
    }

    /// The upstream's own error text, which Thiqa must never pass on verbatim.
    static let upstreamSecretBody = #"{"error":{"message":"quota of org-42 exhausted (upstream internal)","type":"requests","param":null,"code":"rate_limit"}}"#

    let behaviour: Behaviour
    let requests = NIOLockedValueBox(0)
    let streamCancelled = NIOLockedValueBox(false)
    let streamChunksWritten = NIOLockedValueBox(0)
    /// Every request body the upstream received: what "the model" saw.
    let receivedBodies = NIOLockedValueBox<[String]>([])

    init(_ behaviour: Behaviour) { self.behaviour = behaviour }

    static let completion = #"{"id":"chatcmpl-scripted","object":"chat.completion","created":1700000000,"model":"scripted","choices":[{"index":0,"message":{"role":"assistant","content":"scripted answer"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}"#

    /// Runs the upstream on a free loopback port for the duration of `body`, passing its base URL.
    func run(_ body: @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        router.get("v1/models") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"object":"list","data":[{"id":"scripted","object":"model"}]}"#)))
        }
        router.post("v1/embeddings") { request, _ -> Response in
            self.requests.withLockedValue { $0 += 1 }
            var request = request
            let received = String(buffer: try await request.collectBody(upTo: 1 << 22))
            self.receivedBodies.withLockedValue { $0.append(received) }
            if case .status(let code) = self.behaviour {
                return Response(status: .init(code: code), headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"error":{"message":"scripted failure","type":"server_error","param":null,"code":null}}"#)))
            }
            // What llama.cpp's server answers without pooling: one vector per token of each input.
            let inputs: Int
            switch try JSONValue.parse(Array(received.utf8))["input"] {
            case .array(let items)?: inputs = items.count
            default: inputs = 1
            }
            let data = (0..<inputs).map { index in
                #"{"object":"embedding","index":\#(index),"embedding":[[3.0,0.0,0.0],[1.0,4.0,0.0],[2.0,2.0,0.0]]}"#
            }.joined(separator: ",")
            let body = #"{"object":"list","model":"scripted","data":[\#(data)],"usage":{"prompt_tokens":3,"total_tokens":3}}"#
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        router.post("v1/chat/completions") { request, _ -> Response in
            self.requests.withLockedValue { $0 += 1 }
            var request = request
            let received = String(buffer: try await request.collectBody(upTo: 1 << 22))
            self.receivedBodies.withLockedValue { $0.append(received) }
            switch self.behaviour {
            case .echo:
                struct Body: Decodable {
                    struct Message: Decodable { var role: String; var content: String? }
                    var messages: [Message]
                    var stream: Bool?
                }
                let body = try JSONDecoder().decode(Body.self, from: Data(received.utf8))
                let text = body.messages.last(where: { $0.role == "user" })?.content ?? ""
                func encode(_ value: String) -> String {
                    String(decoding: try! JSONEncoder().encode(value), as: UTF8.self)
                }
                if body.stream == true {
                    var sse = ""
                    var characters = Array(text)
                    while !characters.isEmpty {
                        let piece = String(characters.prefix(3))
                        characters.removeFirst(min(3, characters.count))
                        sse += #"data: {"id":"chatcmpl-echo","object":"chat.completion.chunk","created":1700000000,"model":"scripted","choices":[{"index":0,"delta":{"content":\#(encode(piece))},"finish_reason":null}]}"# + "\n\n"
                    }
                    sse += "data: [DONE]\n\n"
                    return Response(status: .ok, headers: [.contentType: "text/event-stream"], body: .init(byteBuffer: ByteBuffer(string: sse)))
                }
                let completion = #"{"id":"chatcmpl-echo","object":"chat.completion","created":1700000000,"model":"scripted","choices":[{"index":0,"message":{"role":"assistant","content":\#(encode(text))},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}"#
                return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: completion)))
            case .answer:
                return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: Self.completion)))
            case .refuse(let status, let retryAfter):
                var headers: HTTPFields = [.contentType: "application/json"]
                if let retryAfter { headers[.retryAfter] = String(retryAfter) }
                return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: Self.upstreamSecretBody)))
            case .slowFirstByte(let delay):
                try await Task.sleep(for: delay)
                return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: Self.completion)))
            case .malformedJSON:
                return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"id":"chatcmpl-x","choices":[{"#)))
            case .wrongContentType:
                return Response(status: .ok, headers: [.contentType: "text/html"], body: .init(byteBuffer: ByteBuffer(string: "<html><body>Gateway maintenance</body></html>")))
            case .reply(let content):
                let quoted = String(decoding: try JSONValue.string(content).encoded(), as: UTF8.self)
                let completion = #"{"id":"chatcmpl-reply","object":"chat.completion","created":1700000000,"model":"scripted","choices":[{"index":0,"message":{"role":"assistant","content":\#(quoted)},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}"#
                return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: completion)))
            case .status(let code):
                return Response(status: .init(code: code), headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"error":{"message":"scripted failure","type":"server_error","param":null,"code":null}}"#)))
            case .hang:
                try await Task.sleep(for: .seconds(3))
                return Response(status: .ok)
            case .slowStream(let chunks, let interval):
                return Response(status: .ok, headers: [.contentType: "text/event-stream"], body: .init { writer in
                    do {
                        for index in 0..<chunks {
                            let chunk = #"data: {"id":"chatcmpl-slow","object":"chat.completion.chunk","created":1700000000,"model":"scripted","choices":[{"index":0,"delta":{"content":"t\#(index) "},"finish_reason":null}]}"# + "\n\n"
                            try await writer.write(ByteBuffer(string: chunk))
                            self.streamChunksWritten.withLockedValue { $0 += 1 }
                            try await Task.sleep(for: interval)
                        }
                        try await writer.write(ByteBuffer(string: "data: [DONE]\n\n"))
                        try await writer.finish(nil)
                    } catch {
                        self.streamCancelled.withLockedValue { $0 = true }
                        throw error
                    }
                })
            }
        }
        var logger = Logger(label: "scripted-upstream")
        logger.logLevel = .critical
        let app = Application(router: router, logger: logger)
        try await app.test(.live) { client in
            try await body("http://localhost:\(client.port!)/v1")
        }
    }

    static func backend(
        _ url: String, id: String, jurisdiction: String = "MA", firstByteTimeoutMs: Int = 60_000, model: String = "scripted", weight: Int = 1
    ) throws -> BackendDescriptor {
        BackendDescriptor(
            id: id, baseURL: url, models: [model], jurisdiction: try Jurisdiction(jurisdiction), weight: weight, firstByteTimeoutMs: firstByteTimeoutMs,
            servesEmbeddings: true
        )
    }
}
