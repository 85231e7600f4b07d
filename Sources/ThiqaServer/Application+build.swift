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
    let recorder = InteractionRecorder(repository: interactions, logger: logger)

    let router = Router(context: ThiqaRequestContext.self)
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: ErrorMiddleware())

    OperationsController(database: database, pool: pool, registry: registry).addRoutes(to: router)

    let authenticator = APIKeyAuthenticator(
        keys: keys, useCases: useCases, rateLimiter: RateLimiter(), cacheTTLMs: configuration.authCacheTTLMs
    )
    let api = router.group("v1").add(middleware: authenticator).group(context: AuthenticatedContext.self)
    GatewayController(pool: pool, upstream: UpstreamClient(pool: pool), recorder: recorder, limits: configuration.limits)
        .addRoutes(to: api)

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
    }
    app.addServices(
        database,
        BackendPoolService(pool: pool),
        HealthChecker(pool: pool, intervalMs: configuration.backends.healthCheckIntervalMs, logger: logger),
        ContentRetentionPurger(repository: interactions, interval: .milliseconds(configuration.purgeIntervalMs), logger: logger),
        recorder
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
