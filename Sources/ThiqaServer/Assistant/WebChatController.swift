import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ThiqaAssistant
import ThiqaCore
import ThiqaKnowledge
import ThiqaPipeline

/// The citizen web chat: the page at `/` and its assets (from the repository, nothing external), and
/// `POST /web/v1/chat`, which asks the assistant through the same pipeline as any API call — privacy, registry,
/// disclosure and recording apply — under the identity of the key configured for the web chat (the page holds no
/// key). Questions are rate-limited per client address. The answer streams as server-sent events: on a
/// conversation's first turn, the AI disclosure first (`event: disclosure`, in the conversation's language), then
/// the assistant's chunks, then Thiqa's final chunk with the receipt ("why this answer").
struct WebChatController: Sendable {
    let pipeline: Pipeline
    let memory: ConversationMemory?
    let identity: @Sendable () async throws -> CallerIdentity
    let rateLimiter: RateLimiter
    let perMinute: Int
    let assets: WebAssets

    func addRoutes(to router: Router<ThiqaRequestContext>) {
        router.get("") { _, _ in try self.assets.response("index.html") }
        router.get("web/assets/{name}") { _, context in
            try self.assets.response(try context.parameters.require("name"))
        }
        router.post("web/v1/chat") { request, context in try await self.chat(request, context) }
    }

    struct Question {
        var conversation: String
        var message: String
        var language: LanguageForm?
    }

    static func question(_ json: JSONValue) throws(GatewayError) -> Question {
        guard case .string(let conversation)? = json["conversation_id"], AICall.validConversationID(conversation), conversation.utf8.count <= 64 else {
            throw .invalidRequest(message: "'conversation_id' must be 1 to 64 letters, digits, '-', '_', '.' or ':'.", param: "conversation_id", code: "invalid_value")
        }
        guard case .string(let message)? = json["message"], !message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .invalidRequest(message: "'message' must be a non-empty string.", param: "message", code: "invalid_value")
        }
        guard message.count <= 2000 else {
            throw .invalidRequest(message: "'message' is longer than 2000 characters.", param: "message", code: "string_above_max_length")
        }
        var language: LanguageForm?
        if let value = json["language"], value != .null {
            guard case .string(let tag) = value, let form = LanguageForm(rawValue: tag) else {
                throw .invalidRequest(
                    message: "'language' must be one of \(LanguageForm.allCases.map(\.rawValue).joined(separator: ", ")).", param: "language",
                    code: "invalid_value")
            }
            language = form
        }
        return Question(conversation: conversation, message: message, language: language)
    }

    func chat(_ request: Request, _ context: ThiqaRequestContext) async throws -> Response {
        let client = context.remoteAddress?.ipAddress ?? "unknown"
        try rateLimiter.take(keyID: "web:" + client, perMinute: perMinute)
        let (_, json) = try await GatewayController.readJSON(request, limit: 16 * 1024)
        let question = try Self.question(json)
        let identity = try await self.identity()
        let conversation = "web:" + question.conversation
        let firstTurn = memory.map { $0.entry(ConversationMemory.key(caller: identity.key.id, conversation: conversation)) == nil } ?? true
        let body: JSONValue = [
            "model": .string(AssistantSetup.model), "stream": true,
            "messages": [["role": "user", "content": .string(question.message)]],
        ]
        var call = AICall(identity: identity, endpoint: .chatCompletions, body: ByteBuffer(bytes: try body.encoded()), conversationID: conversation)
        call.acceptLanguage = question.language?.rawValue
        var logger = context.logger
        logger[metadataKey: "thiqa.channel"] = "web"
        switch try await pipeline.run(call, logger: logger) {
        case .complete(let status, let bytes, let disclosure):
            return Response(status: .named(status), headers: GatewayController.headers(disclosure, contentType: "application/json"), body: .init(byteBuffer: bytes))
        case .stream(let stream, let disclosure):
            var headers = GatewayController.headers(disclosure, contentType: "text/event-stream")
            headers[.cacheControl] = "no-cache"
            headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
            var prelude: [UInt8] = []
            if firstTurn, let ai = disclosure.ai {
                prelude = Array("event: disclosure\n".utf8) + ServerSentEventSplitter.frame((try? ai.json.encoded()) ?? [])
            }
            let first = prelude
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                if !first.isEmpty { try await writer.write(ByteBuffer(bytes: first)) }
                try await stream.write { try await writer.write($0) }
                try await writer.finish(nil)
            })
        }
    }
}

/// The web chat's files, read once from the module's resources (Sources/ThiqaServer/Resources/web).
struct WebAssets: Sendable {
    struct Asset: Sendable {
        var bytes: ByteBuffer
        var contentType: String
    }
    let files: [String: Asset]

    static func load() throws -> WebAssets {
        guard let directory = Bundle.module.url(forResource: "web", withExtension: nil) else {
            throw GatewayError.unavailable(reason: "the web chat's files are missing from the build (Resources/web)")
        }
        var files: [String: Asset] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where !name.hasPrefix(".") {
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            files[name] = Asset(bytes: ByteBuffer(bytes: data), contentType: Self.contentType(name))
        }
        return WebAssets(files: files)
    }

    static func contentType(_ name: String) -> String {
        if name.hasSuffix(".html") { return "text/html; charset=utf-8" }
        if name.hasSuffix(".js") { return "text/javascript; charset=utf-8" }
        if name.hasSuffix(".css") { return "text/css; charset=utf-8" }
        if name.hasSuffix(".woff2") { return "font/woff2" }
        if name.hasSuffix(".svg") { return "image/svg+xml" }
        return "text/plain; charset=utf-8"
    }

    func response(_ name: String) throws -> Response {
        guard let asset = files[name], [".html", ".js", ".css", ".woff2", ".svg", ".txt"].contains(where: { name.hasSuffix($0) }) else {
            throw GatewayError.notFound(message: "No web asset '\(name)'.")
        }
        var headers: HTTPFields = [.contentType: asset.contentType]
        // Everything from this origin: no CDN, no inline script.
        headers[HTTPField.Name("Content-Security-Policy")!] =
            "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        headers[.cacheControl] = name == "index.html" ? "no-cache" : "public, max-age=3600"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: asset.bytes))
    }
}
