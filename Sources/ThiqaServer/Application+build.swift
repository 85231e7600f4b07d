import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import ServiceLifecycle
import ThiqaBackends
import ThiqaCore
import ThiqaLedger
import ThiqaOversight
import ThiqaPipeline
import ThiqaRights
import ThiqaStorage

/// The composition root: the one place that chooses implementations and wires services together.
public func buildApplication(
    configuration: ThiqaConfiguration,
    logger: Logger,
    database existing: ThiqaDatabase? = nil,
    routes: (@Sendable ([ServedRoute]) -> Void)? = nil,
    clock: @escaping @Sendable () -> Date = { Date() }
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
    // rights: the key store (a database of its own) that seals kept content, mappings and case messages
    let keyStore = try await SubjectKeyStore.open(
        configuration.rights.keyStore, master: try configuration.rights.loadMasterKey(), main: configuration.storage, logger: logger
    )
    let interactions = SQLInteractionRepository(database: database, keys: keyStore)
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
    // Issue 15: what an idle server gives back to the system waits for a whole interval without requests.
    let activity = RequestActivity()
    router.add(middleware: RequestActivityMiddleware(activity: activity))
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: UploadLimitMiddleware(maxUploadSize: configuration.limits.maxBodyBytes))

    OperationsController(database: database, keyStore: keyStore, pool: pool, registry: registry).addRoutes(to: router)
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
    // rights
    let rightsRepository = SQLRightsRepository(database: database, keys: keyStore, tenantKey: { tags.key(for: TenantID(unchecked: $0)) })
    let rights = RightsService(
        repository: rightsRepository, interactions: interactions,
        pseudonymiser: SubjectPseudonymiser(deploymentKey: try configuration.rights.loadSubjectKey()), configuration: configuration.rights
    )
    // oversight (issue 12): held answers of a named subject sealed under the subject's own key (erasure shreds them)
    let oversight = OversightService(
        database: database,
        sealer: SubjectKeyHeldContentSealer(keys: keyStore, fallback: MasterKeyHeldContentSealer(masterKey: conversations.masterKey)),
        governance: governance, tags: tags, configuration: configuration.oversight, logger: logger, now: clock
    )
    let started = StartGate()
    let webhooks = WebhookDispatcher(
        repository: oversight.repository, service: oversight, schedule: configuration.oversight.retrySchedule,
        interval: .milliseconds(configuration.oversight.webhookIntervalMs), logger: logger, now: clock, started: started
    )
    // assistant: the knowledge base and its index, loaded at start
    let loadedAssistant = try await AssistantBootstrap.load(configuration, logger: logger)
    let assistant = loadedAssistant?.setup
    let pipeline = Pipeline.standard(
        limits: configuration.limits, planner: pool, caller: UpstreamModelCaller(client: UpstreamClient(pool: pool)),
        conversations: SQLConversationStore(vault: vault, legacy: conversations, keys: keyStore), recorder: recorder, governance: governance,
        oversight: oversight,
        rights: RightsSteps(pseudonymiser: rights.pseudonymiser, objections: SQLObjectionSource(repository: rightsRepository)),
        assistant: assistant
    )
    api.addRoutes(GatewayController(pipeline: pipeline, pool: pool, assistant: assistant).endpoints)
    api.addRoutes(DeterminationStatusController(service: oversight).endpoints)
    router.addRoutes(DeterminationLookupController(service: oversight, log: transparencyLog, publisher: checkpoints).endpoints, atPath: "oversight/v1")
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
    let staff = router.group("admin/v1").add(middleware: StaffAuthenticator(registry: governance.repository)).group(context: StaffContext.self)
    staff.addRoutes(RegistryAdminController(actions: registryActions, service: governance).endpoints)
    staff.addRoutes(OversightAdminController(service: oversight, log: transparencyLog, publisher: checkpoints).endpoints)
    // rights
    staff.addRoutes(RightsAdminController(service: rights).endpoints)
    router.addRoutes(RightsController(service: rights).endpoints, atPath: "rights/v1")
    PublicRegistryController(service: governance).addRoutes(to: router)
    PrivacyController().addRoutes(to: api)

    routes?(router.routes.map { ServedRoute(method: $0.method.rawValue, path: $0.path.description) })

    let limits = configuration.connections
    var app = Application(
        router: router,
        server: HTTPServerBuilder { responder in
            let http1 = HTTP1Channel(responder: responder, configuration: HTTP1Channel.Configuration(
                additionalChannelHandlers: [
                    RequestDeadlineHandler(headTimeout: .milliseconds(Int64(limits.headTimeoutMs)), bodyTimeout: .milliseconds(Int64(limits.bodyTimeoutMs)))
                ],
                idleTimeout: .milliseconds(Int64(limits.idleTimeoutMs))
            ))
            // Issue 15: each connection served on its socket's event loop (see EventLoopAffineChannel);
            // `THIQA_TASK_EXECUTOR=cooperative` keeps Swift's own pool for this too.
            if ProcessInfo.processInfo.environment["THIQA_TASK_EXECUTOR"] == "cooperative" { return http1 }
            return EventLoopAffineChannel(inner: http1)
        },
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
        // rights: the key store's schema, then the data half of migration 7 (content and mappings sealed again)
        try await keyStore.migrate()
        try await RightsDataMigration.run(database: database, keys: keyStore, vaultMasterKey: conversations.masterKey, logger: logger)
        // The first checkpoint (or one covering what was appended since the last run) before any request.
        try await checkpoints.publishIfGrown()
        // Legacy use cases become drafts, then the first governance snapshot: no call is decided without one.
        try await governance.start()
        try await oversight.refresh()
        started.open()
    }
    app.addServices(
        database,
        keyStore.database,
        BackendPoolService(pool: pool),
        HealthChecker(pool: pool, intervalMs: configuration.backends.healthCheckIntervalMs, logger: logger),
        ContentRetentionPurger(
            repository: interactions, vault: vault, keys: keyStore, interval: .milliseconds(configuration.purgeIntervalMs), logger: logger,
            started: started
        ),
        recorder,
        checkpoints,
        governance,
        oversight,
        webhooks,
        IdleMemoryTrimmer(activity: activity, logger: logger)
    )
    if let reloader = loadedAssistant?.reloader { app.addServices(reloader) }
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
