import Hummingbird
import HummingbirdCore
import Logging
import ServiceLifecycle
import ThiqaBackends
import ThiqaCore
import ThiqaLedger
import ThiqaPipeline
import ThiqaStorage

/// The composition root: the one place that chooses implementations and wires services together.
public func buildApplication(
    configuration: ThiqaConfiguration,
    logger: Logger,
    database existing: ThiqaDatabase? = nil,
    routes: (@Sendable ([ServedRoute]) -> Void)? = nil
) async throws -> some ApplicationProtocol {
    let registry = ThiqaMetrics.registry
    let database: ThiqaDatabase
    if let given = existing {
        database = given
    } else {
        database = try await ThiqaDatabase.open(configuration.storage, logger: logger)
    }
    let keys = SQLAPIKeyRepository(database: database)
    let useCases = SQLUseCaseRepository(database: database)
    let interactions = SQLInteractionRepository(database: database)
    let pool = BackendPool(
        backends: configuration.backends.backends, resilience: configuration.backends.resilience, maxAttempts: configuration.backends.maxAttempts
    )
    let transparencyLog = SQLTransparencyLog(database: database)
    let signer = try LogSigningKey.loadOrCreate(configuration.transparency)
    let tags = TenantTags(signerSecretKey: signer.secretKey)
    let recorder = InteractionRecorder(
        repository: interactions, logger: logger, log: transparencyLog, leaf: { try InteractionLeaf.publicLeaf($0, tags: tags) }
    )
    let checkpoints = CheckpointPublisher(
        log: transparencyLog, signer: signer, interval: .milliseconds(configuration.transparency.checkpointIntervalMs), logger: logger
    )

    let router = Router(context: ThiqaRequestContext.self)
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: UploadLimitMiddleware(maxUploadSize: configuration.limits.maxBodyBytes))

    OperationsController(database: database, pool: pool, registry: registry).addRoutes(to: router)
    TransparencyController(log: transparencyLog, publisher: checkpoints).addRoutes(to: router)
    router.addRoutes(
        ReceiptController(interactions: interactions, log: transparencyLog, publisher: checkpoints, tags: tags).endpoints, atPath: "receipts/v1"
    )

    let authenticator = APIKeyAuthenticator(
        keys: keys, useCases: useCases, rateLimiter: RateLimiter(), cacheTTLMs: configuration.authCacheTTLMs
    )
    let api = router.group("v1").add(middleware: authenticator).group(context: AuthenticatedContext.self)
    let vault = SQLPseudonymVaultRepository(database: database)
    let conversations = ConversationVault(
        masterKey: try ConversationVault.loadMasterKey(path: configuration.privacy.vaultKeyPath),
        ttl: Double(configuration.privacy.conversationTTLMs) / 1000
    )
    let governance = RegistryService(database: database, configuration: configuration.registry, logger: logger)
    // assistant: the knowledge base and its index, loaded at start
    let assistant = try await AssistantBootstrap.load(configuration, logger: logger)
    let pipeline = Pipeline.standard(
        limits: configuration.limits, planner: pool, caller: UpstreamModelCaller(client: UpstreamClient(pool: pool)),
        conversations: SQLConversationStore(vault: vault, keys: conversations), recorder: recorder, governance: governance,
        assistant: assistant
    )
    api.addRoutes(GatewayController(pipeline: pipeline, pool: pool, assistant: assistant).endpoints)
    // assistant: the citizen web chat at / (no key in the page: the configured key's identity, per-client rate limit)
    let webKey = try configuration.assistant.webKeyFile.map { path in try WebChatKey.read(path) }
    WebChatController(
        pipeline: pipeline, memory: assistant?.memory,
        identity: {
            guard let webKey else { throw GatewayError.unavailable(reason: "the web chat has no key configured (assistant.web.keyFile)") }
            return try await authenticator.authenticate("Bearer " + webKey)
        },
        rateLimiter: RateLimiter(), perMinute: configuration.assistant.webRateLimitPerMinute, assets: try WebAssets.load()
    ).addRoutes(to: router)
    let registryActions = RegistryActions(database: database, changed: { try await governance.changed() })
    router.group("admin/v1").add(middleware: StaffAuthenticator(registry: governance.repository)).group(context: StaffContext.self)
        .addRoutes(RegistryAdminController(actions: registryActions, service: governance).endpoints)
    PublicRegistryController(service: governance).addRoutes(to: router)
    PrivacyController().addRoutes(to: api)

    routes?(router.routes.map { ServedRoute(method: $0.method.rawValue, path: $0.path.description) })

    let limits = configuration.connections
    var app = Application(
        router: router,
        server: .http1(configuration: HTTP1Channel.Configuration(
            additionalChannelHandlers: [
                RequestDeadlineHandler(headTimeout: .milliseconds(Int64(limits.headTimeoutMs)), bodyTimeout: .milliseconds(Int64(limits.bodyTimeoutMs)))
            ],
            idleTimeout: .milliseconds(Int64(limits.idleTimeoutMs))
        )),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port), serverName: "Thiqa",
            availableConnectionsDelegate: MaximumAvailableConnections(limits.maxConnections, logger: logger)
        ),
        logger: logger
    )
    app.beforeServerStarts {
        // Migrations run on every start so a fresh data directory needs no separate step.
        let applied = try await Migrations.run(on: database)
        for migration in applied {
            logger.info("applied migration", metadata: ["thiqa.migration": "\(migration.version) \(migration.name)"])
        }
        // The first checkpoint (or one covering what was appended since the last run) before any request.
        try await checkpoints.publishIfGrown()
        // Legacy use cases become drafts, then the first governance snapshot: no call is decided without one.
        try await governance.start()
    }
    app.addServices(
        database,
        BackendPoolService(pool: pool),
        HealthChecker(pool: pool, intervalMs: configuration.backends.healthCheckIntervalMs, logger: logger),
        ContentRetentionPurger(repository: interactions, vault: vault, interval: .milliseconds(configuration.purgeIntervalMs), logger: logger),
        recorder,
        checkpoints,
        governance
    )
    return app
}

/// Shuts the upstream HTTP clients down after the server has stopped.
struct BackendPoolService: Service {
    let pool: BackendPool
    func run() async throws {
        try? await gracefulShutdown()
        try await pool.shutdown()
    }
}

/// A route the application serves, as OpenAPI writes it (`GET /v1/models/{model}`): read from the router itself,
/// so tests enumerate what is really served rather than a list kept by hand.
public struct ServedRoute: Hashable, Sendable, CustomStringConvertible {
    public var method: String
    public var path: String
    public init(method: String, path: String) {
        self.method = method
        self.path = path
    }
    public var description: String { "\(method) \(path)" }
}
