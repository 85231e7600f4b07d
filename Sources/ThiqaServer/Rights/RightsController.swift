import Foundation
import HTTPTypes
import Hummingbird
import ThiqaCore
import ThiqaGovernance
import ThiqaRights
import ThiqaStorage

extension RightsError: HTTPResponseError {
    public var status: HTTPResponse.Status { .named(self.httpStatus) }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try OpenAIErrorBody.Detail(message: message, type: OpenAIErrorBody.Detail.type(for: status), param: field, code: kind.rawValue).response(status: status)
    }
}

/// The person's side of their rights (`/rights/v1`, no API key): what they hold is the credential — the receipt
/// an answer carried, a case reference, an access token — always in a body, never in a path, so it stays out of
/// access logs.
///
/// - `POST /rights/v1/objections` `{"receipt","scope":"standing"|"decision"}`; `POST /rights/v1/objections/withdraw`
///   `{"receipt","objection_id"}`
/// - `POST /rights/v1/contestations` `{"receipt","reason","language"?}` → the case and its reference (shown once);
///   `POST /rights/v1/contestations/lookup` `{"reference"}`; `POST /rights/v1/contestations/withdraw` `{"reference"}`
/// - `POST /rights/v1/access` `{"tenant","subject":"cin:…"}` → an access token; `POST /rights/v1/access/status`
///   `{"token"}` → the request, and the file once a DPO has checked the person's identity and released it
struct RightsController: Sendable {
    let service: RightsService

    var endpoints: RouteCollection<ThiqaRequestContext> {
        let routes = RouteCollection(context: ThiqaRequestContext.self)
        routes.post("objections") { request, _ in
            let body = try await Self.body(request)
            let objection = try await service.object(receipt: try Self.required(body, "receipt"), scope: try Self.string(body, "scope") ?? "standing")
            return Self.json(Self.objection(objection))
        }
        routes.post("objections/withdraw") { request, _ in
            let body = try await Self.body(request)
            try await service.withdrawObjection(receipt: try Self.required(body, "receipt"), objectionID: try Self.required(body, "objection_id"))
            return Self.json(["withdrawn": true])
        }
        routes.post("contestations") { request, _ in
            let body = try await Self.body(request)
            let (opened, reference) = try await service.contest(
                receipt: try Self.required(body, "receipt"), reason: try Self.required(body, "reason"), language: try Self.string(body, "language")
            )
            var answer = Self.personView(opened, messages: [])
            answer["reference"] = .string(reference)
            return Self.json(.object(answer))
        }
        routes.post("contestations/lookup") { request, _ in
            let body = try await Self.body(request)
            let (found, messages) = try await service.follow(reference: try Self.required(body, "reference"))
            return Self.json(.object(Self.personView(found, messages: messages)))
        }
        routes.post("contestations/withdraw") { request, _ in
            let body = try await Self.body(request)
            let closed = try await service.withdrawCase(reference: try Self.required(body, "reference"))
            return Self.json(.object(Self.personView(closed, messages: [])))
        }
        routes.post("access") { request, _ in
            let body = try await Self.body(request)
            let (created, token) = try await service.requestAccess(tenant: try Self.required(body, "tenant"), identifier: try Self.required(body, "subject"))
            var answer = Self.request(created)
            answer["token"] = .string(token)
            return Self.json(.object(answer))
        }
        routes.post("access/status") { request, _ in
            let body = try await Self.body(request)
            let (found, export) = try await service.accessStatus(token: try Self.required(body, "token"))
            var answer = Self.request(found)
            if let export { answer["file"] = try JSONValue.parse(export) }
            return Self.json(.object(answer))
        }
        return routes
    }

    // MARK: - Views

    static func objection(_ objection: Objection) -> JSONValue {
        [
            "id": .string(objection.id), "use_case": .string(objection.useCase), "scope": .string(objection.scope.label),
            "decision": objection.scope.decisionRef.map(JSONValue.string) ?? .null, "created_at": .string(Timestamp.format(objection.createdAt)),
            "active": .bool(objection.isActive),
        ]
    }

    /// What the person sees of their case: its state in their language, the deadline, the messages. Not who
    /// handles it internally.
    static func personView(_ item: ContestationCase, messages: [CaseMessage]) -> [String: JSONValue] {
        [
            "state": .string(item.state.rawValue), "notice": .string(RightsNotices.caseState(item.state, language: item.language)),
            "language": .string(item.language), "direction": .string(RightsNotices.direction(item.language)),
            "opened_at": .string(Timestamp.format(item.openedAt)), "deadline": .string(Timestamp.format(item.deadline)),
            "replacement": item.replacement.map(JSONValue.string) ?? .null,
            "messages": .array(messages.map { message -> JSONValue in
                ["from": .string(message.author.rawValue), "text": .string(message.text), "at": .string(Timestamp.format(message.at)),
                 "state": .string(message.state.rawValue)]
            }),
        ]
    }

    static func request(_ request: SQLRightsRepository.AccessRequest) -> [String: JSONValue] {
        [
            "request_id": .string(request.id), "status": .string(request.status), "requested_at": .string(Timestamp.format(request.requestedAt)),
            "identity_proof": request.identityProof.map { .string($0.rawValue) } ?? .null,
        ]
    }

    // MARK: - Bodies

    static func body(_ request: Request) async throws -> JSONValue {
        let buffer = try await GatewayController.collectBody(request, limit: 64 * 1024)
        guard let value = try? JSONValue.parse(buffer.readableBytesView), case .object = value else {
            throw RightsError(kind: .invalid, message: "the body must be a JSON object")
        }
        return value
    }

    static func string(_ body: JSONValue, _ field: String) throws -> String? {
        guard let value = body[field], value != .null else { return nil }
        guard let text = value.stringValue else { throw RightsError(kind: .invalid, message: "\(field): expected a string", field: field) }
        return text
    }

    static func required(_ body: JSONValue, _ field: String) throws -> String {
        guard let text = try string(body, field), !text.isEmpty else { throw RightsError(kind: .invalid, message: "\(field): required", field: field) }
        return text
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: (try? value.encoded()) ?? [])))
    }
}

/// The staff side (`/admin/v1`, staff tokens): contestation cases for reviewers and DPOs; subjects' files,
/// rectifications and erasures for DPOs only.
///
/// - `GET /admin/v1/cases[?state=]`, `GET /admin/v1/cases/{id}`, `POST /admin/v1/cases/{id}/actions`
///   `{"action":"assign"|"uphold"|"overturn"|"close","to"?,"explanation"?,"replacement"?,"message"?}`,
///   `POST /admin/v1/cases/{id}/messages` `{"text"}`
/// - `POST /admin/v1/subjects/lookup` `{"tenant","subject":"cin:…"}` → the subject id
/// - `GET /admin/v1/subjects/requests`, `POST /admin/v1/subjects/requests/{id}/release` `{"identity_proof"}`
/// - `POST /admin/v1/subjects/{subject}/export` `{"tenant","identity_proof"}`, `POST /admin/v1/subjects/{subject}/rectifications`
///   `{"tenant","table","row_id","correction"}`, `POST /admin/v1/subjects/{subject}/erase` `{"tenant"}`
public struct RightsAdminController: Sendable {
    let service: RightsService

    var endpoints: RouteCollection<StaffContext> {
        let routes = RouteCollection(context: StaffContext.self)
        routes.get("cases") { request, context in
            let state = try request.uri.queryParameters["state"].map { text -> CaseState in
                guard let state = CaseState(rawValue: String(text)) else {
                    throw RightsError(kind: .invalid, message: "state: expected one of \(CaseState.allCases.map(\.rawValue).joined(separator: ", "))", field: "state")
                }
                return state
            }
            let cases = try await service.cases(state: state, by: context.principal)
            return RightsController.json(.array(cases.map { RightsAdminController.staffView($0, messages: nil) }))
        }
        routes.get("cases/{id}") { _, context in
            let (found, messages) = try await service.caseDetail(id: try context.parameters.require("id"), by: context.principal)
            return RightsController.json(Self.staffView(found, messages: messages))
        }
        routes.post("cases/{id}/actions") { request, context in
            let body = try await RightsController.body(request)
            let action = try Self.action(body)
            let next = try await service.act(
                action, caseID: try context.parameters.require("id"), message: try RightsController.string(body, "message"), by: context.principal
            )
            return RightsController.json(Self.staffView(next, messages: nil))
        }
        routes.post("cases/{id}/messages") { request, context in
            let body = try await RightsController.body(request)
            try await service.message(caseID: try context.parameters.require("id"), text: try RightsController.required(body, "text"), by: context.principal)
            return RightsController.json(["sent": true])
        }
        routes.post("subjects/lookup") { request, context in
            let body = try await RightsController.body(request)
            try service.requireDPO(context.principal, to: "look subjects up")
            let id = try service.subjectID(tenant: try RightsController.required(body, "tenant"), identifier: try RightsController.required(body, "subject"))
            return RightsController.json(["subject_id": .string(id)])
        }
        routes.get("subjects/requests") { _, context in
            let requests = try await service.accessRequests(by: context.principal)
            return RightsController.json(.array(requests.map { request -> JSONValue in
                var view = RightsController.request(request)
                view["tenant"] = .string(request.tenant)
                view["subject_id"] = request.subjectID.map(JSONValue.string) ?? .null
                return .object(view)
            }))
        }
        routes.post("subjects/requests/{id}/release") { request, context in
            let body = try await RightsController.body(request)
            let released = try await service.release(
                requestID: try context.parameters.require("id"), proof: try RightsController.required(body, "identity_proof"), by: context.principal
            )
            var view = RightsController.request(released)
            view["identity_checked_by"] = released.identityCheckedBy.map(JSONValue.string) ?? .null
            return RightsController.json(.object(view))
        }
        routes.post("subjects/{subject}/export") { request, context in
            let body = try await RightsController.body(request)
            let file = try await service.exportAtCounter(
                tenant: try RightsController.required(body, "tenant"), subject: try context.parameters.require("subject"),
                proof: try RightsController.required(body, "identity_proof"), by: context.principal
            )
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: file)))
        }
        routes.post("subjects/{subject}/rectifications") { request, context in
            let body = try await RightsController.body(request)
            let id = try await service.rectify(
                tenant: try RightsController.required(body, "tenant"), subject: try context.parameters.require("subject"),
                table: try RightsController.required(body, "table"), rowID: try RightsController.required(body, "row_id"),
                correction: try RightsController.required(body, "correction"), by: context.principal
            )
            return RightsController.json(["rectification_id": .string(id)])
        }
        routes.post("subjects/{subject}/erase") { request, context in
            let body = try await RightsController.body(request)
            let report = try await service.erase(
                tenant: try RightsController.required(body, "tenant"), subject: try context.parameters.require("subject"), by: context.principal
            )
            return RightsController.json(Self.erasure(report))
        }
        return routes
    }

    static func action(_ body: JSONValue) throws -> CaseAction {
        switch try RightsController.required(body, "action") {
        case "assign": return .assign(to: try RightsController.required(body, "to"))
        case "uphold": return .uphold(explanation: try RightsController.required(body, "explanation"))
        case "overturn":
            return .overturn(explanation: try RightsController.required(body, "explanation"), replacement: try RightsController.required(body, "replacement"))
        case "close": return .close
        case let other: throw RightsError(kind: .invalid, message: "action: expected assign, uphold, overturn or close, got '\(other.prefix(32))'", field: "action")
        }
    }

    public static func staffView(_ item: ContestationCase, messages: [CaseMessage]?) -> JSONValue {
        var view: [String: JSONValue] = [
            "id": .string(item.id), "tenant": .string(item.tenant), "use_case": .string(item.useCase),
            "subject_id": item.subjectID.map(JSONValue.string) ?? .null, "interaction_id": .string(item.interactionID),
            "state": .string(item.state.rawValue), "language": .string(item.language), "opened_at": .string(Timestamp.format(item.openedAt)),
            "deadline": .string(Timestamp.format(item.deadline)), "overdue": .bool(item.isOverdue(at: Date())),
            "assigned_to": item.assignedTo.map(JSONValue.string) ?? .null, "replacement": item.replacement.map(JSONValue.string) ?? .null,
        ]
        if let messages {
            view["messages"] = .array(messages.map { message -> JSONValue in
                ["from": .string(message.author.rawValue), "principal": message.principal.map(JSONValue.string) ?? .null, "text": .string(message.text),
                 "at": .string(Timestamp.format(message.at)), "state": .string(message.state.rawValue)]
            })
        }
        return .object(view)
    }

    public static func erasure(_ report: SQLRightsRepository.ErasureReport) -> JSONValue {
        [
            "subject_id": .string(report.subjectID), "key_destroyed": .bool(report.keyDestroyed),
            "deleted": .object(report.deleted.mapValues { .int(Int64($0)) }), "unlinked": .object(report.unlinked.mapValues { .int(Int64($0)) }),
            "log_index": .int(Int64(report.logIndex)),
        ]
    }
}
