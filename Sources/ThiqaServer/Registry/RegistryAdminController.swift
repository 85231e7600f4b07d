import Foundation
import HTTPTypes
import Hummingbird
import ThiqaCore
import ThiqaGovernance
import ThiqaStorage

extension RegistryActionError: HTTPResponseError {
    public var status: HTTPResponse.Status { .named(self.httpStatus) }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try OpenAIErrorBody.Detail(message: message, type: OpenAIErrorBody.Detail.type(for: status), param: nil, code: kind.rawValue).response(status: status)
    }
}

/// The registry's admin API (`/admin/v1`, staff tokens only): read the registry, declare, edit, assess, approve,
/// suspend, reinstate, withdraw, apply a declarations file, export. Each change is attributed to the principal of
/// the request's token and applies to the next call (the snapshot is swapped before the answer).
struct RegistryAdminController: Sendable {
    let actions: RegistryActions
    let service: RegistryService

    var endpoints: RouteCollection<StaffContext> {
        let routes = RouteCollection(context: StaffContext.self)
        routes.get("me") { _, context in Self.json(Self.principal(context.principal)) }
        routes.get("use-cases") { _, _ in try await Self.json(.array(self.listing())) }
        routes.get("use-cases/{tenant}/{use_case}") { _, context in try await Self.json(self.show(try Self.ref(context))) }
        routes.patch("use-cases/{tenant}/{use_case}") { request, context in try await self.update(request, context) }
        for action in ["declare", "authorise", "suspend", "reinstate", "withdraw"] {
            routes.post("use-cases/{tenant}/{use_case}/\(action)") { request, context in try await self.transition(action, request, context) }
        }
        routes.post("use-cases/{tenant}/{use_case}/assessment") { request, context in try await self.assess(request, context) }
        routes.post("use-cases/{tenant}/{use_case}/approval") { request, context in try await self.approve(request, context) }
        routes.post("apply") { request, context in try await self.apply(request, context) }
        routes.get("export") { _, context in
            try context.principal.requireForHTTP(.audit)
            return try await Self.json(self.export())
        }
        return routes
    }

    // MARK: - Reads

    static func principal(_ principal: StaffPrincipal) -> JSONValue {
        ["id": .string(principal.id.rawValue), "name": .string(principal.name), "roles": .array(principal.roles.map(\.rawValue).sorted().map(JSONValue.string))]
    }

    func listing() async throws -> [JSONValue] { try await actions.listing() }
    func show(_ ref: UseCaseRef) async throws -> JSONValue { try await actions.show(ref) }
    func export() async throws -> JSONValue { try await actions.export() }

    // MARK: - Changes

    func update(_ request: Request, _ context: StaffContext) async throws -> Response {
        let ref = try Self.ref(context)
        let body = try await Self.body(request, context)
        guard var declaration = try await actions.repository.declaration(ref) else {
            throw RegistryActionError(kind: .notFound, message: "use case \(ref) is not in the registry")
        }
        if let name = try Self.string(body, "name") { declaration.name = name }
        if let purpose = try Self.string(body, "purpose") { declaration.purpose = purpose }
        if let language = try Self.string(body, "disclosure_language") {
            guard let value = DisclosureLanguage(rawValue: language) else {
                throw RegistryActionError(kind: .invalid, message: "disclosure_language: expected one of \(DisclosureLanguage.allCases.map(\.rawValue).joined(separator: ", ")), got '\(language)'")
            }
            declaration.disclosureLanguage = value
        }
        if let models = body["allowed_models"] {
            guard case .array(let items) = models, let names = Optional(items.compactMap(\.stringValue)), names.count == items.count, !names.isEmpty else {
                throw RegistryActionError(kind: .invalid, message: "allowed_models: expected a non-empty array of model names")
            }
            declaration.allowedModels = names
        }
        let reason = try Self.string(body, "reason") ?? "edited through the admin API"
        let stored = try await actions.edit(declaration, by: context.principal, reason: reason)
        return try await Self.json(self.show(stored.ref))
    }

    func transition(_ action: String, _ request: Request, _ context: StaffContext) async throws -> Response {
        let ref = try Self.ref(context)
        let body = try await Self.body(request, context)
        let reason = try Self.string(body, "reason") ?? ""
        switch action {
        case "declare", "authorise":
            let number = try Self.string(body, "cndp_number")
            try await actions.transition(ref, to: action == "declare" ? .declared : .authorised, by: context.principal, cndpNumber: number,
                                         reason: reason.isEmpty ? "\(action)d with the CNDP" : reason)
        case "suspend": try await actions.transition(ref, to: .suspended, by: context.principal, reason: reason)
        case "withdraw": try await actions.transition(ref, to: .withdrawn, by: context.principal, reason: reason)
        default: try await actions.reinstate(ref, by: context.principal, reason: reason.isEmpty ? "reinstated" : reason)
        }
        return try await Self.json(self.show(ref))
    }

    func assess(_ request: Request, _ context: StaffContext) async throws -> Response {
        let ref = try Self.ref(context)
        let body = try await Self.body(request, context)
        guard case .object(let fields)? = body["answers"] else {
            throw RegistryActionError(kind: .invalid, message: "answers: expected an object of question id → option ids (GOVERNANCE.md, impact assessment)")
        }
        var raw: [String: [String]] = [:]
        for (question, value) in fields {
            switch value {
            case .string(let option): raw[question] = [option]
            case .array(let options) where options.allSatisfy({ $0.stringValue != nil }): raw[question] = options.compactMap(\.stringValue)
            default: throw RegistryActionError(kind: .invalid, message: "answers.\(question): expected an option id or an array of them")
            }
        }
        let answers: Answers
        do { answers = try Answers(raw: raw) } catch { throw RegistryActionError(kind: .invalid, message: error.description) }
        try await actions.assess(ref, answers: answers, by: context.principal)
        return try await Self.json(self.show(ref), status: .created)
    }

    func approve(_ request: Request, _ context: StaffContext) async throws -> Response {
        let ref = try Self.ref(context)
        let body = try await Self.body(request, context)
        try await actions.approve(ref, by: context.principal, note: try Self.string(body, "note"))
        return try await Self.json(self.show(ref))
    }

    func apply(_ request: Request, _ context: StaffContext) async throws -> Response {
        var request = request
        let text = String(buffer: try await request.collectBody(upTo: context.maxUploadSize))
        let dryRun = request.uri.queryParameters.get("dry_run").map { $0 == "true" || $0 == "1" } ?? false
        let result = try await actions.apply(text, fileName: "request body", by: context.principal, dryRun: dryRun)
        return Self.json(["applied": .bool(result.applied), "dry_run": .bool(dryRun), "plan": .string(result.plan.summary)])
    }

    // MARK: - Helpers

    static func ref(_ context: StaffContext) throws -> UseCaseRef {
        let tenant = try context.parameters.require("tenant")
        let useCase = try context.parameters.require("use_case")
        do { return UseCaseRef(tenant: try TenantID(tenant), useCase: try UseCaseID(useCase)) } catch {
            throw RegistryActionError(kind: .invalid, message: "\(error)")
        }
    }

    static func body(_ request: Request, _ context: StaffContext) async throws -> JSONValue {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { return .object([:]) }
        do {
            let value = try JSONValue.parse(buffer.readableBytesView)
            guard case .object = value else { throw RegistryActionError(kind: .invalid, message: "the body must be a JSON object") }
            return value
        } catch let error as RegistryActionError { throw error } catch {
            throw RegistryActionError(kind: .invalid, message: "the body is not JSON: \(error)")
        }
    }

    static func string(_ body: JSONValue, _ field: String) throws -> String? {
        guard let value = body[field], value != .null else { return nil }
        guard let text = value.stringValue else { throw RegistryActionError(kind: .invalid, message: "\(field): expected a string") }
        return text
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: (try? value.encoded()) ?? [])))
    }
}

extension StaffPrincipal {
    func requireForHTTP(_ permission: Permission) throws {
        do { try self.require(permission) } catch { throw RegistryActionError(kind: .forbidden, message: error.description) }
    }
}
