import Hummingbird
import Logging
import ServiceLifecycle
import ThiqaBackends
import ThiqaCore
import ThiqaStorage

/// The composition root: the one place that chooses implementations and wires services together.
public func buildApplication(
    configuration: ThiqaConfiguration,
    logger: Logger,
    database existing: ThiqaDatabase? = nil
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
    let pool = BackendPool(backends: configuration.backends.backends)
    let transparencyLog = SQLTransparencyLog(database: database)
    let recorder = InteractionRecorder(repository: interactions, logger: logger, log: transparencyLog, leaf: InteractionLeaf.canonicalBytes)
    let checkpoints = CheckpointPublisher(
        log: transparencyLog, signer: try LogSigningKey.loadOrCreate(configuration.transparency),
        interval: .milliseconds(configuration.transparency.checkpointIntervalMs), logger: logger
    )

    let router = Router(context: ThiqaRequestContext.self)
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: ErrorMiddleware())

    OperationsController(database: database, pool: pool, registry: registry).addRoutes(to: router)
    TransparencyController(log: transparencyLog, publisher: checkpoints).addRoutes(to: router)

    let authenticator = APIKeyAuthenticator(
        keys: keys, useCases: useCases, rateLimiter: RateLimiter(), cacheTTLMs: configuration.authCacheTTLMs
    )
    let api = router.group("v1").add(middleware: authenticator).group(context: AuthenticatedContext.self)
    let vault = SQLPseudonymVaultRepository(database: database)
    let conversations = ConversationVault(
        masterKey: try ConversationVault.loadMasterKey(path: configuration.privacy.vaultKeyPath),
        ttl: Double(configuration.privacy.conversationTTLMs) / 1000
    )
    GatewayController(
        pool: pool, upstream: UpstreamClient(pool: pool), recorder: recorder, limits: configuration.limits,
        privacy: PrivacyGuard(), vault: vault, conversations: conversations
    ).addRoutes(to: api)
    PrivacyController().addRoutes(to: api)

    var app = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Thiqa"),
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
    }
    app.addServices(
        database,
        BackendPoolService(pool: pool),
        HealthChecker(pool: pool, intervalMs: configuration.backends.healthCheckIntervalMs, logger: logger),
        ContentRetentionPurger(repository: interactions, vault: vault, interval: .milliseconds(configuration.purgeIntervalMs), logger: logger),
        recorder,
        checkpoints
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
