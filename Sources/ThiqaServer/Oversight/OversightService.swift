import Crypto
import Foundation
import HTTPTypes
import Logging
import ServiceLifecycle
import Synchronization
import ThiqaCore
import ThiqaGovernance
import ThiqaLedger
import ThiqaOversight
import ThiqaPipeline
import ThiqaPrivacy
import ThiqaStorage

/// Human oversight as the gateway runs it: opens a determination for every held (or decision-making) answer, applies
/// review actions (four eyes compared by principal), keeps the stop switches in memory (polled, so a stop made on
/// another replica applies within `oversight.pollIntervalMs`), escalates held determinations past their deadline to
/// the use case's DPO, and purges released content when its time is up. Time comes from `now`, so tests need not
/// sleep. Every event is a transparency-log leaf (a commitment, like interaction leaves v2).
public final class OversightService: OversightDesk, Service {
    public let repository: SQLOversightRepository
    let sealer: any HeldContentSealer
    let governance: RegistryService
    let tags: TenantTags
    let configuration: OversightConfiguration
    let logger: Logger
    let now: @Sendable () -> Date
    let settings = Mutex<(version: UInt64, byUseCase: [UseCaseRef: OversightSettings])>((0, [:]))

    init(
        database: ThiqaDatabase, sealer: any HeldContentSealer, governance: RegistryService, tags: TenantTags, configuration: OversightConfiguration,
        logger: Logger, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.repository = SQLOversightRepository(database: database)
        self.sealer = sealer
        self.governance = governance
        self.tags = tags
        self.configuration = configuration
        self.logger = logger
        self.now = now
    }

    // MARK: - Settings

    public func settings(for ref: UseCaseRef) -> OversightSettings {
        self.settings.withLock { $0.byUseCase[ref] } ?? OversightSettings()
    }

    public func refresh() async throws {
        let loaded = try await self.repository.allSettings()
        self.settings.withLock { current in
            if loaded.version >= current.version { current = (loaded.version, loaded.settings) }
        }
    }

    public func isStopped(_ identity: CallerIdentity) -> Bool {
        self.settings(for: UseCaseRef(tenant: identity.key.tenant, useCase: identity.key.useCase)).stop.stopped
    }

    /// Turns a use case's stop switch on or off; the change is a log leaf and applies to the next call.
    @discardableResult
    func setStop(_ ref: UseCaseRef, stopped: Bool, by principal: StaffPrincipal, reason: String?) async throws -> (OversightSettings, UInt64) {
        let at = self.now()
        var settings = self.settings(for: ref)
        do { settings.stop = try StopSwitch.change(to: stopped, by: principal, at: at, reason: reason) } catch { throw OversightError(error) }
        let record = try CanonicalJSON.encode([
            "v": 1, "kind": "oversight_stop_switch", "tenant": .string(ref.tenant.rawValue), "use_case": .string(ref.useCase.rawValue),
            "stopped": .bool(stopped), "principal": .string(principal.id.rawValue), "time": .string(Timestamp.format(at)),
            "reason_sha256": reason.map { .string(DeterminationLeaf.sha256($0)) } ?? .null,
        ])
        let leaf = try PublicLeaf.encode(record: record, salt: PublicLeaf.makeSalt(), tenantKey: self.tags.key(for: ref.tenant))
        let index = try await self.repository.save(settings, for: ref, by: principal.id, at: at, stopLeaf: leaf) ?? 0
        try await self.refresh()
        return (settings, index)
    }

    func save(_ settings: OversightSettings, for ref: UseCaseRef, by principal: StaffPrincipal) async throws {
        try await self.repository.save(settings, for: ref, by: principal.id, at: self.now())
        try await self.refresh()
    }

    // MARK: - OversightDesk

    public func open(_ answer: HeldAnswer) async throws -> OpenedDetermination {
        let ref = UseCaseRef(tenant: answer.identity.key.tenant, useCase: answer.identity.key.useCase)
        let settings = self.settings(for: ref)
        let governed = self.governance.current.useCases[ref]
        let language = self.governance.language(
            text: answer.languageHint, acceptLanguage: answer.acceptLanguage, fallback: governed?.declaration.disclosureLanguage ?? .fr
        )
        let hold: HoldKind? = answer.demand.map { if case .beforeModel = $0 { .beforeModel } else { .afterModel } }
        let facts = ExplanationFacts(
            useCaseName: governed?.declaration.name ?? ref.useCase.rawValue, controller: governed?.controller.legalName ?? ref.tenant.rawValue,
            model: hold == .beforeModel ? nil : answer.record.model, modelVersion: hold == .beforeModel ? nil : answer.modelVersion,
            backend: answer.record.backend, jurisdiction: answer.record.backendJurisdiction, registryVersion: answer.governed?.registryVersion,
            tier: answer.governed?.tier.flatMap(RiskTier.init(rawValue:)),
            // The knowledge-base procedures the assistant answered from, as its Assist step recorded them.
            sources: answer.record.decisions.compactMap { $0.hasPrefix("assistant:procedure:") ? String($0.dropFirst("assistant:procedure:".count)) : nil },
            actions: answer.record.decisions
        )
        let at = self.now()
        let determination = Determination(
            tenant: ref.tenant, useCase: ref.useCase, interactionID: answer.record.id, receiptHash: answer.receipt.hash, subjectID: answer.subjectID,
            hold: hold, holdReason: answer.demand?.reason, createdAt: at, reviewDeadline: .seconds(settings.reviewDeadlineSeconds),
            requiresSecondReview: settings.secondReview, facts: facts, language: language
        )
        var held: Data?
        var outcome: (sealed: Data, expiresAt: Date)?
        if hold != nil {
            let content = HeldContent(
                request: answer.request, draft: answer.draft, mapping: answer.mapping, contentRetentionSeconds: answer.contentRetentionSeconds
            )
            held = try await self.seal(try SQLOversightRepository.encoder.encode(content), determination, purpose: "held")
        } else if let draft = answer.draft {
            outcome = (try await self.sealOutcome(PlaceholderRestorer(mapping: answer.mapping).restore(draft), determination), at.addingTimeInterval(Double(self.configuration.outcomeRetentionSeconds)))
        }
        let index = try await self.repository.open(
            determination, opening: try self.logged(determination.openingEvent, of: determination), heldContent: held, outcome: outcome
        )
        return OpenedDetermination(
            id: determination.id.rawValue, status: determination.status.rawValue, statusURL: "/v1/determinations/\(determination.id.rawValue)",
            explanationURL: "/oversight/v1/lookup", message: hold == nil ? "" : ExplanationSummary.pendingMessage(language), language: language.rawValue,
            logIndex: index
        )
    }

    // MARK: - Reviews

    enum Action: Sendable {
        case assign(PrincipalID)
        case approve(note: String?)
        case amend(text: String, reason: String)
        case reject(reason: String)
    }

    /// Applies one action of a staff principal, durably and logged, and returns the determination as it stands.
    func review(_ id: DeterminationID, _ action: Action, by principal: StaffPrincipal) async throws -> Determination {
        guard let (read, revision) = try await self.repository.find(id) else { throw OversightError.notFound("No determination \(id).") }
        var determination = read
        let reviewAction: ReviewAction
        var amendedText: String?
        switch action {
        case .assign(let to): reviewAction = .assign(to: to)
        case .approve(let note): reviewAction = .approve(note: note)
        case .amend(let text, let reason):
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw OversightError.invalid("'text' is required: the answer the person will receive", code: "text_required")
            }
            amendedText = text
            reviewAction = .amend(textSHA256: DeterminationLeaf.sha256(text), reason: reason)
        case .reject(let reason): reviewAction = .reject(reason: reason)
        }
        let at = self.now()
        let event: ReviewEvent
        do { event = try determination.apply(reviewAction, by: principal, at: at) } catch { throw OversightError(error) }

        var sealedChange: SealedChange = .keep
        var outcome: (sealed: Data, expiresAt: Date)?
        var webhook: WebhookDelivery?
        if amendedText != nil || determination.status.isFinal {
            guard var content = try await self.heldContent(determination) else {
                throw OversightError(status: .conflict, code: "held_content_missing", message: "The held content of \(id) is gone; it cannot be released.")
            }
            if let amendedText { content.amended = amendedText }
            if let final = determination.outcome {
                let released = content.released(final)
                    ?? ExplanationSummary.refusedMessage(determination.language, reason: final.reason ?? "")
                outcome = (try await self.sealOutcome(released, determination), at.addingTimeInterval(Double(self.configuration.outcomeRetentionSeconds)))
                sealedChange = .finish(keepUntil: content.contentRetentionSeconds.map { determination.createdAt.addingTimeInterval(Double($0)) })
                if let url = self.settings(for: determination.ref).webhookURL {
                    // The body carries the released answer: sealed at rest like it, opened only to be sent.
                    let sealed = try await self.seal(Data(try Self.webhookBody(determination, content: released)), determination, purpose: "webhook")
                    webhook = WebhookDelivery(
                        determination: id, url: url, body: sealed.base64EncodedString(), subjectID: determination.subjectID, now: at
                    )
                }
            } else {
                sealedChange = .replace(try await self.seal(try SQLOversightRepository.encoder.encode(content), determination, purpose: "held"))
            }
        }
        do {
            try await self.repository.update(
                determination, readAt: revision, event: try self.logged(event, of: determination), sealed: sealedChange, outcome: outcome,
                webhook: webhook, now: at
            )
        } catch let error as OversightStoreError { throw OversightError(error) }
        return determination
    }

    /// The held content for a reviewer: pseudonymised, or with the person's values back for a role allowed to see
    /// them; re-identification is itself an event, recorded and logged.
    func heldView(_ id: DeterminationID, by principal: StaffPrincipal, reidentify: Bool) async throws -> (Determination, HeldContent?) {
        do { try principal.require(.review) } catch { throw OversightError(.notPermitted(error)) }
        guard let (determination, revision) = try await self.repository.find(id) else { throw OversightError.notFound("No determination \(id).") }
        guard var content = try await self.heldContent(determination) else { return (determination, nil) }
        if reidentify {
            do { try Reidentification.check(principal) } catch { throw OversightError(error) }
            let event = ReviewEvent(
                determination: id, kind: .reidentified, principal: principal.id, at: self.now(), reason: "content shown with the person's values",
                status: determination.status
            )
            do {
                try await self.repository.update(determination, readAt: revision, event: try self.logged(event, of: determination), now: self.now())
            } catch let error as OversightStoreError { throw OversightError(error) }
            let restorer = PlaceholderRestorer(mapping: content.mapping)
            content.request = restorer.restore(content.request)
            content.draft = content.draft.map(restorer.restore)
            content.amended = content.amended.map(restorer.restore)
        }
        return (determination, content)
    }

    /// The released answer of a final determination, while it is kept.
    func releasedAnswer(_ determination: Determination) async throws -> String? {
        guard determination.status.isFinal, let sealed = try await self.repository.outcome(determination.id, now: self.now()) else { return nil }
        let bytes = try await self.sealer.open(Array(sealed), subjectID: determination.subjectID, recordID: "\(determination.id.rawValue)/outcome")
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The exact bytes a webhook delivery sends.
    func webhookBody(_ delivery: WebhookDelivery, of determination: Determination) async throws -> [UInt8] {
        guard let sealed = Data(base64Encoded: delivery.body) else { throw OversightStoreError.corrupt("webhook body of \(delivery.id)") }
        return try await self.sealer.open(Array(sealed), subjectID: determination.subjectID, recordID: "\(determination.id.rawValue)/webhook")
    }

    func heldContent(_ determination: Determination) async throws -> HeldContent? {
        guard let sealed = try await self.repository.heldContent(determination.id) else { return nil }
        let bytes = try await self.sealer.open(Array(sealed), subjectID: determination.subjectID, recordID: "\(determination.id.rawValue)/held")
        return try JSONDecoder().decode(HeldContent.self, from: Data(bytes))
    }

    func seal(_ plaintext: Data, _ determination: Determination, purpose: String) async throws -> Data {
        Data(try await self.sealer.seal(Array(plaintext), subjectID: determination.subjectID, recordID: "\(determination.id.rawValue)/\(purpose)"))
    }

    func sealOutcome(_ text: String, _ determination: Determination) async throws -> Data {
        try await self.seal(Data(text.utf8), determination, purpose: "outcome")
    }

    func logged(_ event: ReviewEvent, of determination: Determination) throws -> LoggedReviewEvent {
        let record = try DeterminationLeaf.committedRecord(event, of: determination)
        let salt = PublicLeaf.makeSalt()
        let leaf = try PublicLeaf.encode(record: record, salt: salt, tenantKey: self.tags.key(for: determination.tenant))
        return LoggedReviewEvent(event: event, committedRecord: record, salt: salt, leaf: leaf)
    }

    /// The callback's body: what was decided, and the answer the person gets.
    static func webhookBody(_ determination: Determination, content: String) throws -> [UInt8] {
        try CanonicalJSON.encode([
            "type": "determination.final", "determination_id": .string(determination.id.rawValue),
            "interaction_id": .string(determination.interactionID), "status": .string(determination.status.rawValue),
            "decided_at": .string(Timestamp.format(determination.outcome?.decidedAt ?? determination.createdAt)),
            "answer": .string(content), "reason": determination.outcome?.reason.map { .string($0) } ?? .null,
        ])
    }

    // MARK: - Deadlines

    /// Escalates every held determination past its deadline to its use case's DPO (as an event, logged); returns how
    /// many were escalated.
    @discardableResult
    public func escalateDue() async throws -> Int {
        let at = self.now()
        var escalated = 0
        for (read, revision) in try await self.repository.dueForEscalation(at: at) {
            var determination = read
            guard Escalation.isDue(determination, at: at) else { continue }
            let dpo = self.governance.current.useCases[determination.ref]?.controller.dpo
            let contact = dpo.map { $0.email.isEmpty ? $0.name : $0.email } ?? "the controller's DPO (not on record)"
            let event = Escalation.escalate(&determination, to: contact, at: at)
            do {
                try await self.repository.update(determination, readAt: revision, event: try self.logged(event, of: determination), now: at)
                escalated += 1
                self.logger.warning(
                    "held determination past its review deadline, escalated to the DPO",
                    metadata: ["thiqa.determination": "\(determination.id)", "thiqa.use_case": "\(determination.ref)"]
                )
            } catch OversightStoreError.concurrentChange {
                continue
            }
        }
        return escalated
    }

    /// Polls the settings, escalates and purges. The first settings are read by the application before it serves
    /// (after the migrations, which may not have run yet when this starts).
    public func run() async throws {
        let poll = Duration.milliseconds(self.configuration.pollIntervalMs)
        let escalationEvery = max(1, self.configuration.escalationIntervalMs / max(1, self.configuration.pollIntervalMs))
        var tick = 0
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do { try await cancelWhenGracefulShutdown { try await Task.sleep(for: poll) } } catch { return }
            tick += 1
            do {
                if try await self.repository.settingsVersion() != self.settings.withLock({ $0.version }) { try await self.refresh() }
                if tick % escalationEvery == 0 {
                    try await self.escalateDue()
                    try await self.repository.purgeExpired(now: self.now())
                }
            } catch {
                self.logger.warning("oversight upkeep failed", metadata: ["thiqa.error": "\(error)"])
            }
        }
    }
}
