import FoundationEssentials
import Logging
import ServiceLifecycle
import Synchronization
import ThiqaCore
import ThiqaGovernance
import ThiqaLanguage
import ThiqaPipeline
import ThiqaPrivacy
import ThiqaStorage

/// The registry as the gateway enforces it: an immutable ``GovernanceSnapshot`` in memory, swapped whole after every
/// change this process makes and whenever the stored registry version moved (another replica changed it), which
/// is polled every `registry.pollIntervalMs`. Calls decide from the snapshot alone: no database read per call.
public final class RegistryService: GovernanceSource, Service {
    public let repository: SQLRegistryRepository
    let useCases: SQLUseCaseRepository
    let configuration: RegistryConfiguration
    let logger: Logger
    let snapshot: Mutex<GovernanceSnapshot>
    let identifier = LanguageIdentifier()
    /// Rendered disclosures by snapshot version, use case and language: the text changes only with the registry,
    /// and rendering it on every call was ~5 % of a call (perf under `make bench`).
    private let rendered = Mutex<[String: AIDisclosure]>([:])
    /// Languages of recent texts (a use case's system prompt and its common questions come back call after call).
    private let recentLanguages = Mutex<[String: (LanguageTag, Double)]>([:])
    /// Attributed to the changes Thiqa makes by itself (legacy use cases turned into drafts).
    public static let systemPrincipal = PrincipalID("system:legacy-migration")
    public init(database: ThiqaDatabase, configuration: RegistryConfiguration, logger: Logger) {
        self.repository = SQLRegistryRepository(database: database)
        self.useCases = SQLUseCaseRepository(database: database)
        self.configuration = configuration
        self.logger = logger
        self.snapshot = Mutex(GovernanceSnapshot(version: 0, useCases: [], registryBaseURL: configuration.publicBaseURL))
    }

    public var current: GovernanceSnapshot { self.snapshot.withLock { $0 } }

    /// At start: use cases that predate the registry become legacy drafts, then the first snapshot is loaded.
    public func start() async throws {
        try await Self.migrateLegacyUseCases(
            repository: self.repository, useCases: self.useCases, graceUntil: self.configuration.legacyGraceUntil, logger: self.logger
        )
        try await self.refresh()
    }

    /// Every use case of the `use_cases` table without a declaration gets one: a draft built by ``LegacyMigration``
    /// that keeps working until `graceUntil`, and its tenant a controller to complete. Idempotent.
    public static func migrateLegacyUseCases(
        repository: SQLRegistryRepository, useCases: SQLUseCaseRepository, graceUntil: Date, logger: Logger
    ) async throws {
        let declared = Set(try await repository.load().declarations.map(\.ref))
        for useCase in try await useCases.list(tenant: nil) {
            let ref = UseCaseRef(tenant: useCase.tenant, useCase: useCase.id)
            guard !declared.contains(ref) else { continue }
            try await Self.declareLegacy(useCase, repository: repository, graceUntil: graceUntil)
            logger.warning(
                "use case predates the registry: running as an undeclared draft until its grace period ends",
                metadata: ["thiqa.use_case": "\(ref)", "thiqa.grace_until": "\(Timestamp.format(graceUntil))"]
            )
        }
    }

    /// Writes the legacy draft of one existing use case (and a controller to complete, when its tenant has none).
    public static func declareLegacy(_ useCase: UseCase, repository: SQLRegistryRepository, graceUntil: Date, now: Date = Date()) async throws {
        if try await repository.controller(useCase.tenant) == nil {
            try await repository.save(Self.placeholderController(useCase.tenant), by: Self.systemPrincipal, at: now)
        }
        let draft = LegacyMigration.draft(
            tenant: useCase.tenant, id: useCase.id, name: useCase.name, contentRetentionSeconds: useCase.contentRetentionSeconds,
            allowedJurisdictions: Set(useCase.allowedJurisdictions), createdAt: useCase.createdAt, gracePeriodEnds: graceUntil
        )
        try await repository.save(
            draft, reason: "existing use case migrated to the registry as an undeclared draft", by: Self.systemPrincipal, at: now, expectedVersion: 0
        )
    }

    /// A controller nobody has described yet: its tenant id as its name, its DPO to be filled in (validation says so).
    static func placeholderController(_ tenant: TenantID) -> Controller {
        Controller(id: tenant, legalName: tenant.rawValue, dpo: DPOContact(name: "", email: ""))
    }

    /// Reads the whole registry and swaps the snapshot, unless a newer one is already in place.
    public func refresh() async throws {
        let contents = try await self.repository.load()
        let governed = contents.declarations.map { declaration in
            GovernedUseCase(
                declaration: declaration,
                controller: contents.controllers[declaration.tenant] ?? Self.placeholderController(declaration.tenant),
                assessment: contents.assessments[declaration.ref]
            )
        }
        let next = GovernanceSnapshot(version: contents.version, useCases: governed, registryBaseURL: self.configuration.publicBaseURL)
        self.snapshot.withLock { current in
            if next.version >= current.version { current = next }
        }
    }

    /// Polls the stored version; a replica sees another's change within one interval.
    public func run() async throws {
        let interval = Duration.milliseconds(self.configuration.pollIntervalMs)
        // The sleep ends on graceful shutdown: with a long interval the service would otherwise hold shutdown
        // until its next tick.
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch { return }
            do {
                let stored = try await self.repository.version()
                if stored != self.current.version { try await self.refresh() }
            } catch {
                // The last snapshot keeps serving: the registry changes rarely, and a database outage already
                // stops calls at the recorder.
                self.logger.warning("cannot read the governance registry", metadata: ["thiqa.error": "\(error)"])
            }
        }
    }

    // MARK: - GovernanceSource

    public func decide(
        _ identity: CallerIdentity, model: String, dataTypes: Set<EntityType>, sensitiveCategories: Set<SensitiveCategory>
    ) -> GovernanceVerdict {
        let ref = UseCaseRef(tenant: identity.key.tenant, useCase: identity.key.useCase)
        let snapshot = self.current
        let governor = Governor(snapshot: snapshot)
        switch governor.decide(useCase: ref, model: model, dataTypes: dataTypes, sensitiveCategories: sensitiveCategories, at: Date()) {
        case .refuse(let refusal):
            return .refuse(code: refusal.code.rawValue, message: refusal.message, param: refusal.param)
        case .holdForReview(let refusal):
            // Purpose limitation set to hold: no model reads the call; a reviewer writes the answer or rejects it.
            return .hold(code: refusal.code.rawValue)
        case .allow(let allowance):
            return .allow(
                GovernedControls(
                    allowedJurisdictions: allowance.controls.allowedJurisdictions,
                    contentRetentionSeconds: allowance.controls.contentRetentionSeconds,
                    disclosureRequired: allowance.controls.disclosureRequired,
                    warnings: allowance.warnings.map(\.text),
                    registryVersion: allowance.snapshotVersion,
                    humanOversightRequired: allowance.controls.humanOversightRequired,
                    makesDecisions: snapshot.useCases[ref]?.declaration.makesDecisions == true,
                    tier: allowance.tier?.rawValue
                )
            )
        }
    }

    public func disclosure(_ identity: CallerIdentity, text: String?, acceptLanguage: String?) -> AIDisclosure? {
        let snapshot = self.current
        let ref = UseCaseRef(tenant: identity.key.tenant, useCase: identity.key.useCase)
        guard let governed = snapshot.useCases[ref] else { return nil }
        let language = self.language(text: text, acceptLanguage: acceptLanguage, fallback: governed.declaration.disclosureLanguage)
        let key = "\(snapshot.version)/\(ref)/\(language.rawValue)"
        if let known = rendered.withLock({ $0[key] }) { return known }
        let disclosure = DisclosureText.render(
            language: language, useCaseName: governed.declaration.name, controller: governed.controller.legalName,
            registryURL: snapshot.registryURL(for: ref)
        )
        let answer = AIDisclosure(
            language: disclosure.language.rawValue, text: disclosure.text, registryURL: disclosure.registryURL, direction: disclosure.direction,
            headerFields: disclosure.headerFields
        )
        rendered.withLock { cache in
            if cache.count >= 4096 { cache.removeAll(keepingCapacity: true) }
            cache[key] = answer
        }
        return answer
    }

    /// The conversation's own language when the identifier is sure enough of one Thiqa has a text for, else the
    /// request's `Accept-Language`, else the declaration's default.
    func language(text: String?, acceptLanguage: String?, fallback: DisclosureLanguage) -> DisclosureLanguage {
        if let text {
            let found: (LanguageTag, Double)
            if let known = recentLanguages.withLock({ $0[text] }) {
                found = known
            } else {
                let identified = self.identifier.identify(text)
                found = (identified.language, identified.confidence)
                if text.utf8.count <= 1024 {
                    recentLanguages.withLock { cache in
                        if cache.count >= 1024 { cache.removeAll(keepingCapacity: true) }
                        cache[text] = found
                    }
                }
            }
            if found.1 >= 0.5, let language = DisclosureLanguage(rawValue: found.0.rawValue) { return language }
        }
        return AcceptLanguage.choose(acceptLanguage, fallback: fallback)
    }

    /// Swaps in the registry's state after a change this process made: the next call sees it.
    public func changed() async throws { try await self.refresh() }
}
