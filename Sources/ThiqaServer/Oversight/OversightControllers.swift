import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ThiqaCore
import ThiqaGovernance
import ThiqaLedger
import ThiqaOversight
import ThiqaStorage

/// How a determination is shown: to staff, to the caller, to the person.
enum DeterminationView {
    static func summary(_ determination: Determination) -> JSONValue {
        func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }
        func date(_ value: Date?) -> JSONValue { value.map { .string(Timestamp.format($0)) } ?? .null }
        return [
            "id": .string(determination.id.rawValue), "tenant": .string(determination.tenant.rawValue), "use_case": .string(determination.useCase.rawValue),
            "interaction_id": .string(determination.interactionID), "status": .string(determination.status.rawValue),
            "hold": optional(determination.hold?.rawValue), "hold_reason": optional(determination.holdReason), "created_at": date(determination.createdAt),
            "due_at": date(determination.dueAt), "escalated_at": date(determination.escalatedAt), "escalated_to": optional(determination.escalatedTo),
            "assignee": optional(determination.assignee?.rawValue), "second_review_required": .bool(determination.requiresSecondReview),
            "proposal": determination.proposal.map { proposal in
                ["verdict": .string(proposal.verdict.rawValue), "by": .string(proposal.by.rawValue), "at": date(proposal.at), "reason": optional(proposal.reason)]
            } ?? .null,
            "outcome": determination.outcome.map { outcome in
                [
                    "verdict": .string(outcome.verdict.rawValue), "reviewers": .array(outcome.reviewers.map { .string($0.rawValue) }),
                    "decided_at": date(outcome.decidedAt), "reason": optional(outcome.reason),
                ]
            } ?? .null,
            "language": .string(determination.language.rawValue),
        ]
    }

    static func facts(_ facts: ExplanationFacts) -> JSONValue {
        func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }
        return [
            "use_case_name": .string(facts.useCaseName), "controller": .string(facts.controller), "model": optional(facts.model),
            "model_version": optional(facts.modelVersion), "backend": optional(facts.backend), "jurisdiction": optional(facts.jurisdiction),
            "registry_version": facts.registryVersion.map { .int(Int64($0)) } ?? .null, "tier": optional(facts.tier?.rawValue),
            "sources": .array(facts.sources.map { .string($0) }), "actions": .array(facts.actions.map { .string($0) }),
        ]
    }

    static func explanation(_ determination: Determination, language: DisclosureLanguage?) -> JSONValue {
        let summary = ExplanationSummary.render(determination, language: language)
        return [
            "summary": ["language": .string(summary.language.rawValue), "direction": .string(summary.direction), "text": .string(summary.text)],
            "facts": Self.facts(determination.facts),
        ]
    }

    static func content(_ content: HeldContent?) -> JSONValue {
        guard let content else { return .null }
        return [
            "request": .string(content.request), "draft": content.draft.map { .string($0) } ?? .null,
            "amended": content.amended.map { .string($0) } ?? .null,
        ]
    }

    /// The log entries of a determination's events with their inclusion proofs, against one signed checkpoint: what
    /// the person checks against the public log (`thiqa log verify-proof`, or by hand: SHA-256 of the committed record
    /// and salt is the leaf's commitment, and the leaf is at `index` under the checkpoint's root).
    static func logEntries(
        _ events: [StoredReviewEvent], log: SQLTransparencyLog, publisher: CheckpointPublisher
    ) async throws -> (entries: [JSONValue], checkpoint: String) {
        let checkpoint = try await publisher.checkpoint(covering: events.map(\.logIndex).max() ?? 0, what: "determination")
        var entries: [JSONValue] = []
        for event in events {
            guard let entry = try await log.entry(at: event.logIndex) else {
                throw TransparencyLogError.corrupt("leaf \(event.logIndex) of a determination is missing")
            }
            let proof = try await log.inclusionProof(leafIndex: event.logIndex, treeSize: checkpoint.size)
            entries.append([
                "event": .string(event.kind.rawValue), "log_index": .int(Int64(event.logIndex)),
                "record": try JSONValue.parse(event.committedRecord), "salt": .string(Hex.encode(event.salt)),
                "leaf": try JSONValue.parse(entry.data), "inclusion": try JSONValue.parse(proof.document),
            ])
        }
        return (entries, checkpoint.note)
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: (try? value.encoded()) ?? [])))
    }
}

/// The staff side (`/admin/v1`, staff tokens): queues per use case, a determination with its held content
/// (pseudonymised; with the person's values for the DPO, recorded and logged), assign, approve, amend, reject, the
/// stop switch and the review settings of each use case.
struct OversightAdminController: Sendable {
    let service: OversightService
    let log: SQLTransparencyLog
    let publisher: CheckpointPublisher

    var endpoints: RouteCollection<StaffContext> {
        let routes = RouteCollection(context: StaffContext.self)
        routes.get("reviews") { request, context in try await self.queue(request, context) }
        routes.get("reviews/{id}") { _, context in try await self.show(context, reidentify: false) }
        routes.post("reviews/{id}/reidentify") { _, context in try await self.show(context, reidentify: true) }
        for action in ["assign", "approve", "amend", "reject"] {
            routes.post("reviews/{id}/\(action)") { request, context in try await self.act(action, request, context) }
        }
        routes.get("oversight/{tenant}/{use_case}") { _, context in
            try context.principal.requireForHTTP(.audit)
            return DeterminationView.json(Self.settings(self.service.settings(for: try RegistryAdminController.ref(context)), secret: nil))
        }
        routes.put("oversight/{tenant}/{use_case}") { request, context in try await self.configure(request, context) }
        routes.post("oversight/{tenant}/{use_case}/stop") { request, context in try await self.stop(true, request, context) }
        routes.post("oversight/{tenant}/{use_case}/resume") { request, context in try await self.stop(false, request, context) }
        return routes
    }

    static func id(_ context: StaffContext) throws -> DeterminationID {
        let text = try context.parameters.require("id")
        guard let id = DeterminationID(text) else { throw OversightError.invalid("'\(text)' is not a determination id (det_ and 24 letters and digits)") }
        return id
    }

    func queue(_ request: Request, _ context: StaffContext) async throws -> Response {
        do { try context.principal.require(.review) } catch {
            try context.principal.requireForHTTP(.audit)
        }
        var useCase: UseCaseRef?
        if let text = request.uri.queryParameters["use_case"].map(String.init) {
            let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, let tenant = try? TenantID(parts[0]), let id = try? UseCaseID(parts[1]) else {
                throw OversightError.invalid("use_case: expected TENANT/USE_CASE, got '\(text)'")
            }
            useCase = UseCaseRef(tenant: tenant, useCase: id)
        }
        var statuses: [DeterminationStatus] = [.held, .awaitingSecondReview]
        if let text = request.uri.queryParameters["status"].map(String.init) {
            statuses = []
            for part in text.split(separator: ",") {
                guard let status = DeterminationStatus(rawValue: String(part)) else {
                    throw OversightError.invalid(
                        "status: '\(part)' is not one of \(DeterminationStatus.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                statuses.append(status)
            }
        }
        let found = try await self.service.repository.queue(useCase: useCase, statuses: statuses)
        return DeterminationView.json(["determinations": .array(found.map(DeterminationView.summary))])
    }

    func show(_ context: StaffContext, reidentify: Bool) async throws -> Response {
        let id = try Self.id(context)
        let (determination, content) = try await self.service.heldView(id, by: context.principal, reidentify: reidentify)
        let events = try await self.service.repository.events(id)
        var body = DeterminationView.summary(determination).objectValue ?? [:]
        body["content"] = DeterminationView.content(content)
        body["reidentified"] = .bool(reidentify)
        body["explanation"] = DeterminationView.explanation(determination, language: nil)
        body["answer"] = try await self.service.releasedAnswer(determination).map { .string($0) } ?? .null
        body["events"] = .array(events.map { event in
            [
                "sequence": .int(Int64(event.sequence)), "kind": .string(event.kind.rawValue), "principal": event.principal.map { .string($0.rawValue) } ?? .null,
                "at": .string(Timestamp.format(event.at)), "reason": event.reason.map { .string($0) } ?? .null, "log_index": .int(Int64(event.logIndex)),
            ]
        })
        return DeterminationView.json(.object(body))
    }

    func act(_ name: String, _ request: Request, _ context: StaffContext) async throws -> Response {
        let id = try Self.id(context)
        let body = try await RegistryAdminController.body(request, context)
        func text(_ field: String) -> String? { body[field]?.stringValue }
        let action: OversightService.Action
        switch name {
        case "assign":
            guard let to = text("to") else { throw OversightError.invalid("'to' is required: the staff principal id to assign (stf_…)") }
            let principals = try await self.service.governance.repository.principals()
            guard let assignee = principals.first(where: { $0.id.rawValue == to }), assignee.may(.review) else {
                throw OversightError.invalid("'to': \(to) is not an active staff principal who may review (reviewer or DPO)")
            }
            action = .assign(assignee.id)
        case "approve": action = .approve(note: text("note"))
        case "amend": action = .amend(text: text("text") ?? "", reason: text("reason") ?? "")
        default: action = .reject(reason: text("reason") ?? "")
        }
        let determination = try await self.service.review(id, action, by: context.principal)
        return DeterminationView.json(DeterminationView.summary(determination))
    }

    static func settings(_ settings: OversightSettings, secret: String?) -> JSONValue {
        [
            "stopped": .bool(settings.stop.stopped), "stopped_by": settings.stop.by.map { .string($0.rawValue) } ?? .null,
            "stopped_at": settings.stop.at.map { .string(Timestamp.format($0)) } ?? .null, "stop_reason": settings.stop.reason.map { .string($0) } ?? .null,
            "second_review": .bool(settings.secondReview), "review_deadline_seconds": .int(Int64(settings.reviewDeadlineSeconds)),
            "webhook_url": settings.webhookURL.map { .string($0) } ?? .null,
            // Shown once, when the webhook is set; afterwards only whether there is one.
            "webhook_secret": secret.map { .string($0) } ?? .null,
        ]
    }

    func configure(_ request: Request, _ context: StaffContext) async throws -> Response {
        try context.principal.requireForHTTP(.declare)
        let ref = try RegistryAdminController.ref(context)
        let body = try await RegistryAdminController.body(request, context)
        var settings = self.service.settings(for: ref)
        if let value = body["second_review"] {
            guard case .bool(let flag) = value else { throw OversightError.invalid("second_review: expected true or false") }
            settings.secondReview = flag
        }
        if let value = body["review_deadline_seconds"] {
            guard let seconds = value.intValue, (60...2_592_000).contains(seconds) else {
                throw OversightError.invalid("review_deadline_seconds: expected a whole number of seconds from 60 to 2592000 (30 days)")
            }
            settings.reviewDeadlineSeconds = Int(seconds)
        }
        var secret: String?
        if let value = body["webhook_url"] {
            switch value {
            case .null:
                settings.webhookURL = nil
                settings.webhookSecret = nil
            case .string(let url):
                if let problem = OversightSettings.validateWebhookURL(url) { throw OversightError.invalid(problem) }
                settings.webhookURL = url
                let fresh = "whsec_" + Data(WebhookSignature.makeSecret()).base64EncodedString()
                    .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
                settings.webhookSecret = fresh
                secret = fresh
            default: throw OversightError.invalid("webhook_url: expected a URL string, or null to remove the webhook")
            }
        }
        try await self.service.save(settings, for: ref, by: context.principal)
        return DeterminationView.json(Self.settings(settings, secret: secret))
    }

    func stop(_ stopped: Bool, _ request: Request, _ context: StaffContext) async throws -> Response {
        let ref = try RegistryAdminController.ref(context)
        let body = try await RegistryAdminController.body(request, context)
        let (settings, index) = try await self.service.setStop(ref, stopped: stopped, by: context.principal, reason: body["reason"]?.stringValue)
        var json = Self.settings(settings, secret: nil).objectValue ?? [:]
        json["log_index"] = .int(Int64(index))
        return DeterminationView.json(.object(json))
    }
}

/// The person's side, with the receipt of the answer (no key: the receipt proves one call): the determination's
/// status, the released answer once final, the explanation in the person's language, and each event's log entry
/// with its inclusion proof and the signed checkpoint to check them against the public log. A body, not a path,
/// keeps the receipt out of access logs.
struct DeterminationLookupController: Sendable {
    let service: OversightService
    let log: SQLTransparencyLog
    let publisher: CheckpointPublisher

    var endpoints: RouteCollection<ThiqaRequestContext> {
        let routes = RouteCollection(context: ThiqaRequestContext.self)
        routes.post("lookup", use: lookup)
        return routes
    }

    @Sendable func lookup(_ request: Request, context: ThiqaRequestContext) async throws -> Response {
        let (json, receipt) = try await ReceiptController.receiptBody(request)
        var language: DisclosureLanguage?
        if let tag = json["language"]?.stringValue {
            guard let chosen = DisclosureLanguage(rawValue: tag) ?? DisclosureLanguage(tag: tag) else {
                throw GatewayError.invalidRequest(
                    message: "'language' must be one of \(DisclosureLanguage.allCases.map(\.rawValue).joined(separator: ", ")).", param: "language", code: "invalid_value"
                )
            }
            language = chosen
        }
        guard let determination = try await self.service.repository.find(receiptHash: receipt.hash) else {
            throw GatewayError.notFound(message: "No determination answers this receipt (the answer it came with was not a decision).")
        }
        let events = try await self.service.repository.events(determination.id)
        let (entries, checkpoint) = try await DeterminationView.logEntries(events, log: self.log, publisher: self.publisher)
        let answer = try await self.service.releasedAnswer(determination)
        return DeterminationView.json([
            "determination_id": .string(determination.id.rawValue), "status": .string(determination.status.rawValue),
            "final": .bool(determination.status.isFinal), "answer": answer.map { .string($0) } ?? .null,
            "decided_at": determination.outcome.map { .string(Timestamp.format($0.decidedAt)) } ?? .null,
            "explanation": DeterminationView.explanation(determination, language: language),
            "log": ["entries": .array(entries), "checkpoint": .string(checkpoint)],
        ])
    }
}

/// The caller's side (`/v1`, its API key): a determination of its own use case, with the answer once final.
struct DeterminationStatusController: Sendable {
    let service: OversightService

    var endpoints: RouteCollection<AuthenticatedContext> {
        let routes = RouteCollection(context: AuthenticatedContext.self)
        routes.get("determinations/{id}") { _, context in
            let text = try context.parameters.require("id")
            guard let id = DeterminationID(text), let (determination, _) = try await self.service.repository.find(id),
                determination.tenant == context.identity.key.tenant, determination.useCase == context.identity.key.useCase
            else {
                throw GatewayError.notFound(message: "No determination '\(text)' for this key's use case.")
            }
            var body = DeterminationView.summary(determination).objectValue ?? [:]
            body["object"] = "thiqa.determination"
            body["answer"] = try await self.service.releasedAnswer(determination).map { .string($0) } ?? .null
            body["explanation"] = DeterminationView.explanation(determination, language: nil)
            return DeterminationView.json(.object(body))
        }
        return routes
    }
}
