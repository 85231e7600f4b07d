import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ThiqaBackends
import ThiqaCore
import ThiqaPipeline

/// The OpenAI-compatible API. Every route that reaches a model hands its call to the one pipeline and translates
/// the answer back to HTTP; nothing about privacy, routing or recording is decided here.
struct GatewayController: Sendable {
    let pipeline: Pipeline
    let pool: BackendPool
    /// The citizen assistant, listed as model `thiqa-assistant` when configured.
    var assistant: AssistantSetup? = nil

    var endpoints: RouteCollection<AuthenticatedContext> {
        let routes = RouteCollection(context: AuthenticatedContext.self)
        routes.post("chat/completions") { request, context in try await self.handle(.chatCompletions, request, context) }
        routes.post("embeddings") { request, context in try await self.handle(.embeddings, request, context) }
        routes.get("models", use: listModels)
        routes.get("models/{model}", use: retrieveModel)
        return routes
    }

    // MARK: AI calls

    func handle(_ endpoint: AICall.Endpoint, _ request: Request, _ context: AuthenticatedContext) async throws -> Response {
        let body = AICall.Body { limit in try await Self.collectBody(request, limit: limit) }
        let conversation = request.headers[Self.conversationField]
        var call = AICall(identity: context.identity, endpoint: endpoint, body: body, conversationID: conversation)
        call.acceptLanguage = request.headers[.acceptLanguage]
        call.subjectHeaders = AICall.SubjectHeaders(
            cin: request.headers[HTTPField.Name("Thiqa-Subject-CIN")!], generic: request.headers[HTTPField.Name("Thiqa-Subject")!]
        )
        switch try await pipeline.run(call, logger: context.logger) {
        case .complete(let status, let body, let disclosure):
            return Response(status: .named(status), headers: Self.headers(disclosure, contentType: "application/json"), body: .init(byteBuffer: body))
        case .stream(let stream, let disclosure):
            var headers = Self.headers(disclosure, contentType: "text/event-stream")
            headers[.cacheControl] = "no-cache"
            headers[Self.accelBufferingField] = "no"
            let logger = context.logger
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                do {
                    try await stream.write { try await writer.write($0) }
                    try await writer.finish(nil)
                } catch {
                    logger.warning("stream interrupted", metadata: ["thiqa.interaction_id": "\(disclosure.interactionID)", "thiqa.error": "\(type(of: error))"])
                    throw error
                }
            })
        }
    }

    /// The body, up to the configured limit (a larger `Content-Length` is refused before reading anything).
    static func collectBody(_ request: Request, limit: Int) async throws(GatewayError) -> ByteBuffer {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw .payloadTooLarge(limitBytes: limit)
        }
        var request = request
        do {
            return try await request.collectBody(upTo: limit)
        } catch {
            throw .payloadTooLarge(limitBytes: limit)
        }
    }

    /// A JSON body (for the routes that do not reach a model), up to `limit` bytes.
    static func readJSON(_ request: Request, limit: Int) async throws(GatewayError) -> (bytes: ByteBuffer, value: JSONValue) {
        let buffer = try await collectBody(request, limit: limit)
        guard buffer.readableBytes > 0 else {
            throw .invalidRequest(message: "The request body is empty; a JSON object is expected.", param: nil)
        }
        do {
            return (buffer, try JSONValue.parse(buffer.readableBytesView))
        } catch {
            throw .invalidRequest(
                message: "We could not parse the JSON body of your request: \(error). The body must be a JSON object.", param: nil, code: "invalid_json"
            )
        }
    }

    // Field names checked and made once, not on every answer.
    static let conversationField = HTTPField.Name("X-Thiqa-Conversation-Id")!
    static let accelBufferingField = HTTPField.Name("X-Accel-Buffering")!
    static let interactionField = HTTPField.Name("X-Thiqa-Interaction-Id")!
    static let receiptField = HTTPField.Name("X-Thiqa-Receipt")!
    static let aiGeneratedField = HTTPField.Name("X-Thiqa-AI-Generated")!
    static let warningField = HTTPField.Name("X-Thiqa-Warning")!
    static let backendField = HTTPField.Name("X-Thiqa-Backend")!
    static let jurisdictionField = HTTPField.Name("X-Thiqa-Jurisdiction")!
    static let logIndexField = HTTPField.Name("X-Thiqa-Log-Index")!

    static func headers(_ disclosure: Disclosure, contentType: String) -> HTTPFields {
        var headers: HTTPFields = [.contentType: contentType]
        headers.reserveCapacity(12)
        headers[Self.interactionField] = disclosure.interactionID
        headers[Self.receiptField] = disclosure.receipt
        headers[Self.aiGeneratedField] = "true"
        if let ai = disclosure.ai {
            for field in ai.headerFields { headers[HTTPField.Name(field.name)!] = field.value }
        }
        if !disclosure.warnings.isEmpty { headers[Self.warningField] = disclosure.warnings.joined(separator: "; ") }
        if let backend = disclosure.backend { headers[Self.backendField] = backend }
        if let jurisdiction = disclosure.jurisdiction { headers[Self.jurisdictionField] = jurisdiction }
        if let index = disclosure.logIndex { headers[Self.logIndexField] = String(index) }
        return headers
    }

    // MARK: Models

    struct ModelList: ResponseEncodable {
        var object = "list"
        var data: [ModelEntry]
    }
    struct ModelEntry: ResponseEncodable {
        var id: String
        var object = "model"
        var created: Int
        var owned_by: String
        var thiqa: ModelPlacement
    }
    struct ModelPlacement: Codable {
        var jurisdictions: [String]
        var sovereign: Bool
        var backends: [String]
    }

    /// Models this caller may use: served by at least one backend in an allowed jurisdiction.
    func models(for identity: CallerIdentity) -> [ModelEntry] {
        let allowed = Set(identity.useCase.allowedJurisdictions)
        var order: [String] = []
        var placements: [String: [BackendDescriptor]] = [:]
        for backend in pool.descriptors where allowed.contains(backend.jurisdiction) {
            for model in backend.models {
                if placements[model] == nil { order.append(model) }
                placements[model, default: []].append(backend)
            }
        }
        var entries = order.map { model in
            let backends = placements[model] ?? []
            let jurisdictions = Array(Set(backends.map(\.jurisdiction.code))).sorted()
            return ModelEntry(
                id: model, created: 0, owned_by: "thiqa",
                thiqa: ModelPlacement(jurisdictions: jurisdictions, sovereign: jurisdictions == ["MA"], backends: backends.map(\.id))
            )
        }
        if let assistant, allowed.contains(assistant.jurisdiction) {
            let code = assistant.jurisdiction.code
            entries.append(ModelEntry(
                id: AssistantSetup.model, created: 0, owned_by: "thiqa",
                thiqa: ModelPlacement(jurisdictions: [code], sovereign: code == "MA", backends: [AssistantSetup.model])
            ))
        }
        return entries
    }

    @Sendable func listModels(_ request: Request, context: AuthenticatedContext) async throws -> ModelList {
        ModelList(data: models(for: context.identity))
    }

    @Sendable func retrieveModel(_ request: Request, context: AuthenticatedContext) async throws -> ModelEntry {
        let id = try context.parameters.require("model")
        guard let entry = models(for: context.identity).first(where: { $0.id == id }) else {
            throw GatewayError.modelNotFound(model: id)
        }
        return entry
    }
}
