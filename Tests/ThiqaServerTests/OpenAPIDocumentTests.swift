import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import NIOCore
import Testing
import ThiqaCore
import ThiqaPrivacy
import ThiqaTesting

@testable import ThiqaServer

/// Keeps `Sources/ThiqaServer/Resources/openapi.json` true: every documented operation is served, every served
/// route is documented, every status a request gets is documented for its operation, and the error codes the
/// gateway answers `POST /v1/chat/completions` with are listed there.
@Suite struct OpenAPIDocumentTests {
    struct Route: Hashable, Sendable, CustomStringConvertible {
        var method: String
        var path: String
        init(_ method: String, _ path: String) {
            self.method = method
            self.path = path
        }
        var description: String { "\(method) \(path)" }
    }

    // MARK: The document on its own

    @Test func documentIsOpenAPI31AndEveryReferenceResolves() throws {
        let spec = try Spec.load()
        #expect(spec.root["openapi"] as? String == "3.1.0")
        #expect((spec.root["info"] as? [String: Any])?["title"] as? String == "Thiqa")
        var unresolved: [String] = []
        Spec.walk(spec.root) { reference in
            if spec.resolvePointer(reference) == nil { unresolved.append(reference) }
        }
        #expect(unresolved.isEmpty, "unresolved references: \(unresolved)")
        let operationIDs = spec.operations.map(\.operationID)
        #expect(
            Set(operationIDs).count == operationIDs.count,
            "operationIds must be unique: \(operationIDs)"
        )
    }

    @Test func operationsDeclareTheirParametersSecurityAndErrors() throws {
        let spec = try Spec.load()
        for operation in spec.operations {
            #expect(!operation.statuses.isEmpty, "\(operation.route) documents no response")
            #expect(operation.statuses.contains("200"), "\(operation.route) documents no 200")
            // Every {name} of the path template is a declared path parameter, and the reverse.
            let templated = Set(
                operation.route.path.split(separator: "/").filter { $0.hasPrefix("{") }.map {
                    String($0.dropFirst().dropLast())
                }
            )
            #expect(
                templated == operation.pathParameters,
                "\(operation.route): path parameters \(operation.pathParameters), template \(templated)"
            )
            if operation.route.path.hasPrefix("/v1/") {
                #expect(operation.security == ["bearerAuth"], "\(operation.route) must require bearerAuth")
                for status in ["401", "429"] {
                    #expect(operation.statuses.contains(status), "\(operation.route) must document \(status)")
                }
                #expect(operation.codes["401"] == ["invalid_api_key"])
                // Calls that reach a model may also be refused because every backend asked to slow down.
                let reachesModel = ["/v1/chat/completions", "/v1/embeddings"].contains(operation.route.path)
                #expect(operation.codes["429"] == (reachesModel ? ["rate_limit_exceeded", "backends_rate_limited"] : ["rate_limit_exceeded"]))
            } else if operation.route.path.hasPrefix("/admin/v1/") {
                #expect(operation.security == ["staffAuth"], "\(operation.route) must require staffAuth")
                #expect(operation.statuses.contains("401"), "\(operation.route) must document 401")
            } else {
                #expect(
                    operation.security == [],
                    "\(operation.route) is public and must say so (security: [])"
                )
            }
            // Error responses are in OpenAI's shape.
            for status in operation.statuses where status.first == "4" || status.first == "5" {
                guard !(operation.route.path == "/readyz" && status == "503") else { continue }
                #expect(
                    operation.errorShaped.contains(status),
                    "\(operation.route) \(status) must use the Error schema"
                )
            }
        }
    }

    // MARK: The document against the routes

    /// Every route the application serves, read from its router: a new route cannot escape the document.
    static func servedRoutes() async throws -> Set<Route> {
        let upstream = ScriptedUpstream(.answer)
        let routes = NIOLockedValueBox<Set<Route>>([])
        try await upstream.run { url in
            try await Gateway.run(backends: [try ScriptedUpstream.backend(url, id: "scripted")]) { _, fixture in
                routes.withLockedValue { $0 = Set(fixture.routes.map { Route($0.method, $0.path) }) }
            }
        }
        return routes.withLockedValue { $0 }
    }

    @Test func everyServedRouteIsDocumentedAndNothingElse() async throws {
        let documented = Set(try Spec.load().operations.map(\.route))
        let served = try await Self.servedRoutes()
        #expect(served.contains(Route("POST", "/v1/chat/completions")), "the router's routes were read")
        let undocumented = served.subtracting(documented)
        #expect(
            undocumented.isEmpty,
            "served but not in openapi.json: \(undocumented.sorted { $0.description < $1.description })"
        )
        let unknown = documented.subtracting(served)
        #expect(
            unknown.isEmpty,
            "in openapi.json but not in servedRoutes: \(unknown.sorted { $0.description < $1.description })"
        )
    }

    @Test func everyDocumentedOperationIsRoutedAndAnswersADocumentedStatus() async throws {
        let spec = try Spec.load()
        let operations = spec.operations
        let fileBytes = spec.bytes
        let upstream = ScriptedUpstream(.answer)
        try await upstream.run { url in
            try await Gateway.run(backends: [try ScriptedUpstream.backend(url, id: "scripted")]) {
                client,
                fixture in
                // A chat first, so the transparency log has an entry for the log routes to find.
                let chat = try await client.execute(
                    uri: "/v1/chat/completions",
                    method: .post,
                    headers: fixture.auth(),
                    body: Gateway.chatBody(model: "scripted")
                )
                #expect(chat.status == .ok)

                // The discriminator below: an unknown route is the router's 404 with code not_found.
                let missing = try await client.execute(
                    uri: "/v1/no-such-route",
                    method: .get,
                    headers: fixture.auth()
                )
                #expect(missing.status == .notFound)
                #expect(Self.isMissingRoute(missing))

                for operation in operations.sorted(by: { $0.route.path < $1.route.path }) {
                    let request = Self.exampleRequest(for: operation.route)
                    let response = try await client.execute(
                        uri: request.uri,
                        method: HTTPRequest.Method(operation.route.method)!,
                        headers: fixture.auth(),
                        body: request.body
                    )
                    let status = String(response.status.code)
                    #expect(
                        !Self.isMissingRoute(response),
                        "\(operation.route) is documented but not routed (\(request.uri))"
                    )
                    #expect(response.status != .methodNotAllowed, "\(operation.route): method not allowed")
                    #expect(
                        operation.documents(status: status),
                        "\(operation.route) answered \(status), not documented: \(String(buffer: response.body).prefix(300))"
                    )
                    if response.status.code >= 400, let error = try? OpenAIError.decode(response),
                        let allowed = operation.codes[status]
                    {
                        #expect(
                            allowed.contains(error.code),
                            "\(operation.route) answered \(status) with code \(error.code ?? "null"), documented: \(allowed)"
                        )
                    }
                }

                let served = try await client.execute(uri: "/openapi.json", method: .get)
                #expect(served.status == .ok)
                #expect(
                    Data(served.body.readableBytesView) == fileBytes,
                    "/openapi.json must serve Resources/openapi.json as it is"
                )
            }
        }
    }

    // MARK: Error codes of chat completions

    /// Each gateway error the chat route can throw, mapped to its status and code, is documented for the route.
    @Test func everyGatewayErrorOfChatCompletionsIsDocumented() throws {
        let chat = try #require(try Spec.load().operation(Route("POST", "/v1/chat/completions")))
        let errors: [GatewayError] = [
            .invalidRequest(message: "", param: "model", code: "missing_required_parameter"),
            .payloadTooLarge(limitBytes: 1),
            .unauthorized(message: ""),
            .modelNotFound(model: "m"),
            .rateLimited(retryAfterSeconds: 1),
            .noEligibleBackend(reason: ""),
            .upstreamFailed(reason: ""),
            .upstreamTimeout(reason: ""),
            .unavailable(reason: ""),
            .refused(code: "use_case_suspended", message: "", param: nil),
        ]
        for error in errors {
            let status = String(error.status.code)
            #expect(chat.documents(status: status), "\(error.kind) answers \(status), not documented")
            #expect(
                chat.codes[status]?.contains(error.detail.code) == true,
                "\(error.kind) answers \(status) \(error.detail.code ?? "null"), not documented"
            )
        }
        // Codes chosen where the request is validated (ChatCompletionRequest, the privacy guard, the upstream
        // error wrapper, the conversation header), including those too costly to provoke below.
        let validation = [
            "invalid_json", "missing_required_parameter", "invalid_type", "invalid_value", "empty_array", "array_above_max_length",
            "context_length_exceeded", "personal_data_blocked", "privacy_check_failed", "upstream_rejected",
        ]
        for code in validation {
            #expect(
                chat.codes["400"]?.contains(code) == true,
                "400 \(code) is not documented for chat completions"
            )
        }
        #expect(chat.codes["500"] == ["internal_error"])
    }

    /// Provokes the errors a client can cause or meet and checks each answer against the document.
    @Test func chatCompletionErrorsAnsweredLiveAreDocumented() async throws {
        let chat = try #require(try Spec.load().operation(Route("POST", "/v1/chat/completions")))
        let fine = ScriptedUpstream(.answer)
        let broken = ScriptedUpstream(.status(500))
        let picky = ScriptedUpstream(.status(422))
        try await fine.run { fineURL in
            try await broken.run { brokenURL in
                try await picky.run { pickyURL in
                    let backends = [
                        try ScriptedUpstream.backend(fineURL, id: "fine"),
                        try ScriptedUpstream.backend(fineURL, id: "paris", jurisdiction: "FR", model: "abroad"),
                        try ScriptedUpstream.backend(brokenURL, id: "broken", model: "broken"),
                        try ScriptedUpstream.backend(pickyURL, id: "picky", model: "picky"),
                    ]
                    try await Gateway.run(
                        backends: backends,
                        useCase: { $0.privacyPolicy.actions[.CIN] = .block },
                        configure: {
                            $0.limits = RequestLimits(
                                maxBodyBytes: 4096,
                                maxMessages: 2,
                                maxCompletionTokens: 100,
                                maxPromptTokens: 64
                            )
                        }
                    ) { client, fixture in
                        func check(
                            _ body: String,
                            headers extra: HTTPFields = [:],
                            auth: Bool = true,
                            want: (status: Int, code: String?)
                        ) async throws {
                            let headers = auth ? fixture.auth(extra) : [.contentType: "application/json"]
                            let response = try await client.execute(
                                uri: "/v1/chat/completions",
                                method: .post,
                                headers: headers,
                                body: ByteBuffer(string: body)
                            )
                            let status = String(response.status.code)
                            let error = try? OpenAIError.decode(response)
                            #expect(
                                Int(response.status.code) == want.status,
                                "\(body.prefix(80)): \(status) \(String(buffer: response.body).prefix(200))"
                            )
                            #expect(error?.code == want.code, "\(body.prefix(80)): code \(error?.code ?? "null")")
                            #expect(
                                chat.documents(status: status),
                                "\(status) is not documented for chat completions"
                            )
                            if let allowed = chat.codes[status] {
                                #expect(
                                    allowed.contains(error?.code),
                                    "\(status) \(error?.code ?? "null") is not documented for chat completions"
                                )
                            }
                        }
                        func message(
                            _ content: String,
                            model: String = "scripted",
                            extra: String = ""
                        )
                            -> String
                        {
                            #"{"model":"\#(model)","messages":[{"role":"user","content":"\#(content)"}]\#(extra)}"#
                        }
                        try await check("{not json", want: (400, "invalid_json"))
                        try await check(
                            #"{"messages":[{"role":"user","content":"hi"}]}"#,
                            want: (400, "missing_required_parameter")
                        )
                        try await check(
                            #"{"model":"scripted","messages":[{"role":"user","content":42}]}"#,
                            want: (400, "invalid_type")
                        )
                        try await check(
                            message("hi", extra: #","temperature":5"#),
                            want: (400, "invalid_value")
                        )
                        try await check(
                            message("hi", extra: #","max_tokens":101"#),
                            want: (400, "invalid_value")
                        )
                        try await check(#"{"model":"scripted","messages":[]}"#, want: (400, "empty_array"))
                        let three = Array(repeating: #"{"role":"user","content":"hi"}"#, count: 3).joined(
                            separator: ","
                        )
                        try await check(
                            #"{"model":"scripted","messages":[\#(three)]}"#,
                            want: (400, "array_above_max_length")
                        )
                        try await check(
                            message(String(repeating: "a", count: 400)),
                            want: (400, "context_length_exceeded")
                        )
                        try await check(message("Ma CIN est BE123456."), want: (400, "personal_data_blocked"))
                        try await check(
                            message("hi"),
                            headers: [HTTPField.Name("X-Thiqa-Conversation-Id")!: "not valid!"],
                            want: (400, "invalid_value")
                        )
                        try await check(message("hi"), auth: false, want: (401, "invalid_api_key"))
                        try await check(message("hi", model: "gpt-imaginary"), want: (404, "model_not_found"))
                        try await check(
                            message(String(repeating: "a", count: 5000)),
                            want: (413, "request_too_large")
                        )
                        try await check(message("hi", model: "abroad"), want: (503, "no_eligible_backend"))
                        try await check(message("hi", model: "broken"), want: (502, "upstream_error"))
                        // The backend's own 4xx in OpenAI's shape passes through with its status and code (null here).
                        try await check(message("hi", model: "picky"), want: (422, nil))
                    }
                }
            }
        }
    }

    @Test func rateLimitAnswerIsDocumented() async throws {
        let chat = try #require(try Spec.load().operation(Route("POST", "/v1/chat/completions")))
        let upstream = ScriptedUpstream(.answer)
        try await upstream.run { url in
            try await Gateway.run(
                backends: [try ScriptedUpstream.backend(url, id: "fine")],
                useCase: { $0.rateLimitPerMinute = 1 }
            ) { client, fixture in
                let first = try await client.execute(
                    uri: "/v1/chat/completions",
                    method: .post,
                    headers: fixture.auth(),
                    body: Gateway.chatBody(model: "scripted")
                )
                #expect(first.status == .ok)
                let second = try await client.execute(
                    uri: "/v1/chat/completions",
                    method: .post,
                    headers: fixture.auth(),
                    body: Gateway.chatBody(model: "scripted")
                )
                #expect(second.status == .tooManyRequests)
                #expect(second.headers[.retryAfter] != nil)
                #expect(chat.codes["429"]?.contains(try OpenAIError.decode(second).code) == true)
                #expect(chat.responseHeaders["429"]?.contains("Retry-After") == true)
            }
        }
    }

    // MARK: Helpers

    /// The router's own 404: no handler for this method and path (as opposed to a handler's 404, such as
    /// `model_not_found` or a missing log entry).
    static func isMissingRoute(_ response: TestResponse) -> Bool {
        guard response.status == .notFound, let error = try? OpenAIError.decode(response) else {
            return false
        }
        return error.code == "not_found" && error.message.hasPrefix("No route for")
    }

    /// A valid request for each route, with its path parameters filled in.
    static func exampleRequest(for route: Route) -> (uri: String, body: ByteBuffer?) {
        let id = route.path.contains("/cases") ? "cas_none" : "det_000000000000000000000000"
        let values = [
            "model": "scripted", "size": "1", "index": "0", "tenant": "test", "use_case": "gateway", "id": id, "subject": "sub_none", "name": "chat.js",
        ]
        var uri = route.path
        for (name, value) in values { uri = uri.replacingOccurrences(of: "{\(name)}", with: value) }
        switch route.path {
        case "/v1/chat/completions": return (uri, Gateway.chatBody(model: "scripted"))
        case "/v1/embeddings":
            return (uri, ByteBuffer(string: #"{"model":"scripted","input":"salam"}"#))
        case "/v1/privacy/analyze", "/v1/privacy/anonymize":
            return (uri, ByteBuffer(string: #"{"text":"Ma CIN est BE123456."}"#))
        case "/receipts/v1/lookup", "/oversight/v1/lookup": return (uri, ByteBuffer(string: #"{"receipt":"rcp_00000000000000000000000000000000"}"#))
        case "/log/v1/proof/inclusion": return (uri + "?index=0&tree_size=1", nil)
        case "/log/v1/proof/consistency": return (uri + "?first=1&second=1", nil)
        default: return (uri, nil)
        }
    }
}

/// What the tests need from the OpenAPI document, read with JSONSerialization.
struct Spec {
    let root: [String: Any]
    let bytes: Data
    let operations: [Operation]

    struct Operation: Sendable {
        var route: OpenAPIDocumentTests.Route
        var operationID: String
        var statuses: Set<String>
        /// Error codes documented per status (`nil` in the set: a null code).
        var codes: [String: Set<String?>]
        /// Statuses whose body is the OpenAI error shape.
        var errorShaped: Set<String>
        var responseHeaders: [String: Set<String>]
        var security: [String]
        var pathParameters: Set<String>

        /// Exact status, or its range (`4XX`).
        func documents(status: String) -> Bool {
            statuses.contains(status) || statuses.contains("\(status.prefix(1))XX")
        }
    }

    static var fileURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Sources/ThiqaServer/Resources/openapi.json")
    }

    static func load() throws -> Spec {
        try Spec(data: try Data(contentsOf: fileURL))
    }

    init(data: Data) throws {
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let paths = try #require(root["paths"] as? [String: Any])
        let globalSecurity = root["security"]
        var operations: [Operation] = []
        for (path, item) in paths {
            let item = try #require(item as? [String: Any])
            let shared = item["parameters"] as? [Any] ?? []
            for method in ["get", "put", "post", "delete", "patch", "head", "options"] {
                guard let operation = item[method] as? [String: Any] else { continue }
                let responses = try #require(
                    operation["responses"] as? [String: Any],
                    "\(method) \(path) has no responses"
                )
                var codes: [String: Set<String?>] = [:]
                var errorShaped = Set<String>()
                var headers: [String: Set<String>] = [:]
                for (status, response) in responses {
                    let response = try #require(
                        Self.resolve(response, in: root),
                        "\(method) \(path) \(status): bad response"
                    )
                    headers[status] = Set((response["headers"] as? [String: Any] ?? [:]).keys)
                    guard let content = response["content"] as? [String: Any],
                        let json = content["application/json"] as? [String: Any],
                        let schema = json["schema"] as? [String: Any]
                    else { continue }
                    if let found = Self.errorCodes(schema, in: root) {
                        errorShaped.insert(status)
                        if let narrowed = found.codes { codes[status] = narrowed }
                    }
                }
                let parameters = (shared + (operation["parameters"] as? [Any] ?? [])).compactMap {
                    Self.resolve($0, in: root)
                }
                let security = (operation["security"] ?? globalSecurity) as? [[String: Any]] ?? []
                operations.append(
                    Operation(
                        route: .init(method.uppercased(), path),
                        operationID: operation["operationId"] as? String ?? "",
                        statuses: Set(responses.keys),
                        codes: codes,
                        errorShaped: errorShaped,
                        responseHeaders: headers,
                        security: security.flatMap(\.keys).sorted(),
                        pathParameters: Set(
                            parameters.filter { $0["in"] as? String == "path" }.compactMap {
                                $0["name"] as? String
                            }
                        )
                    )
                )
            }
        }
        self.bytes = data
        self.root = root
        self.operations = operations
    }

    func operation(_ route: OpenAPIDocumentTests.Route) -> Operation? {
        operations.first { $0.route == route }
    }

    /// Follows `$ref` (local JSON pointers) until an object without one.
    static func resolve(_ value: Any?, in root: [String: Any]) -> [String: Any]? {
        var current = value as? [String: Any]
        var hops = 0
        while let object = current, let reference = object["$ref"] as? String {
            hops += 1
            guard hops < 32 else { return nil }
            current = pointer(reference, in: root) as? [String: Any]
        }
        return current
    }

    func resolvePointer(_ reference: String) -> Any? { Self.pointer(reference, in: root) }

    static func pointer(_ reference: String, in root: [String: Any]) -> Any? {
        guard reference.hasPrefix("#/") else { return nil }
        var current: Any = root
        for token in reference.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(
                of: "~0",
                with: "~"
            )
            guard let object = current as? [String: Any], let next = object[key] else { return nil }
            current = next
        }
        return current
    }

    /// Whether a schema is the OpenAI error shape (the Error component, possibly narrowed with `allOf`), and the
    /// codes it narrows `error.code` to (`nil`: any code).
    static func errorCodes(
        _ schema: [String: Any],
        in root: [String: Any]
    ) -> (
        isError: Bool, codes: Set<String?>?
    )? {
        // `{"$ref": Error}` itself, or `{"allOf": [{"$ref": Error}, {narrowing}]}`.
        let parts = (schema["allOf"] as? [Any] ?? [schema]).compactMap { $0 as? [String: Any] }
        guard parts.contains(where: { $0["$ref"] as? String == "#/components/schemas/Error" }) else {
            return nil
        }
        var codes: Set<String?>?
        for part in parts {
            guard let error = (part["properties"] as? [String: Any])?["error"] as? [String: Any],
                let code = (error["properties"] as? [String: Any])?["code"] as? [String: Any]
            else { continue }
            if let values = code["enum"] as? [Any] {
                codes = Set(values.map { $0 as? String })
            } else if code["type"] as? String == "null" {
                codes = [nil]
            }
        }
        return (true, codes)
    }

    /// Calls `body` with every `$ref` in the document.
    static func walk(_ value: Any, _ body: (String) -> Void) {
        if let object = value as? [String: Any] {
            if let reference = object["$ref"] as? String { body(reference) }
            for child in object.values { walk(child, body) }
        } else if let array = value as? [Any] {
            for child in array { walk(child, body) }
        }
    }
}
