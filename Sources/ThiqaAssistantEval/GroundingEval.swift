import Synchronization
import ThiqaPrivacy
import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import ThiqaAssistant
import ThiqaCore
import ThiqaKnowledge
import ThiqaPipeline

/// The scripted upstream: a Hummingbird server that plays a model asked to rephrase. Its model name says what it
/// does: `faithful` returns the answer reworded (another opening line, the quotation note dropped), `fee`,
/// `document`, `delay` and `place` return the same plus one sentence, in the answer's language form, that adds
/// such a fact. A legitimate test double: it is the model that invents.
enum ScriptedModel {
    static let kinds = ["faithful", "fee", "document", "delay", "place"]

    /// One invented sentence per language form and kind.
    static let inventions: [String: [String: String]] = [
        "fr": ["fee": "Des frais de dossier de 150 DH sont à payer au guichet.", "document": "Apportez aussi un certificat médical récent.",
               "delay": "Le document est prêt en 48 heures.", "place": "Le dépôt se fait uniquement au siège de Casablanca.",
               "opening": "Voici la démarche, point par point :"],
        "ar": ["fee": "يجب أداء رسوم ملف قدرها 150 درهما.", "document": "أحضر أيضا شهادة طبية حديثة.",
               "delay": "تكون الوثيقة جاهزة خلال 48 ساعة.", "place": "يتم الإيداع فقط بالمقر المركزي في الدار البيضاء.",
               "opening": "إليك المسطرة خطوة بخطوة:"],
        "ary-Arab": ["fee": "خاصك تخلص 150 درهم ديال مصاريف الملف.", "document": "جيب حتى شهادة طبية.",
                     "delay": "الوراق كيوجدو ف 48 ساعة.", "place": "خاصك تمشي للبيضاء باش تحط الملف.",
                     "opening": "هاهو الإجراء خطوة بخطوة:"],
        "ary-Latn": ["fee": "Khassek tkhelles 150 dh dyal frais dyal dossier.", "document": "Jib 7ta certificat médical.",
                     "delay": "Lwra9 kaywjdo f 48 sa3a.", "place": "Khassek tmchi l casa bach t7et dossier.",
                     "opening": "Hahowa l-ijra2 khatwa b khatwa:"],
        "zgh-Tfng": ["fee": "ⵉⵇⵇⴰⵏ ⴰⴷ ⵜⴼⴽⴷ 150 ⴷⵉⵔⵀⵎ.", "document": "ⴰⵡⵉ-ⴷ ⴰⵡⴷ ⵜⴰⵡⵔⵉⵇⵜ ⵏ ⵟⵟⴱⵉⴱ.",
                     "delay": "ⴰⵔ ⵜⵜⵓⵙⵡⵊⴰⴷ ⴳ 48 ⵏ ⵜⵙⵔⴰⴳⵉⵏ.", "place": "ⵉⵇⵇⴰⵏ ⴰⴷ ⵜⴷⴷⵓⴷ ⵙ ⴰⴳⴰⴷⵉⵔ.",
                     "opening": "ⵀⴰ ⵜⵉⴽⵍⵉ, ⴰⵙⵓⵔⵉⴼ ⵙ ⵓⵙⵓⵔⵉⴼ:"],
        "ber-Latn": ["fee": "Ilaq ad tfkd 150 dirhm i udosi.", "document": "Awi-d awd tawriqt n ṭṭbib.",
                     "delay": "Ar ttuswjad g 48 n tsragin.", "place": "Ilaq ad tddud s Agadir.",
                     "opening": "Ha tikli, asurif s usurif:"],
        "en": ["fee": "A processing fee of 150 DH is paid at the counter.", "document": "Also bring a certificate of good conduct.",
               "delay": "It is ready within 48 hours.", "place": "You must file it at the head office in Casablanca.",
               "opening": "Here is the procedure, step by step:"],
    ]

    /// The language form the assistant's prompt names: "(fr)", "(ary-Latn)"….
    static func form(ofPrompt prompt: String) -> String {
        for form in LanguageForm.allCases.map(\.rawValue).sorted(by: { $0.count > $1.count }) where prompt.contains("(\(form))") { return form }
        return "fr"
    }

    static func rephrase(_ body: String, kind: String, form: String) -> String {
        let words = inventions[form] ?? inventions["fr"]!
        var lines = body.components(separatedBy: "\n")
        if !lines.isEmpty { lines[0] = words["opening"]! }
        // Drop the line saying the steps are quoted (a model shortens), keep every fact.
        lines.removeAll { line in LanguageForm.allCases.contains { Phrasebook.of($0).quotedFrom(.french) == line || Phrasebook.of($0).quotedFrom(.arabic) == line } }
        if let sentence = words[kind] { lines.append(sentence) }
        return lines.joined(separator: "\n")
    }

    static func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.post("v1/chat/completions") { request, context -> Response in
            let body = try await request.body.collect(upTo: 1 << 20)
            let json = try JSONValue.parse(body.readableBytesView)
            let kind = json["model"]?.stringValue ?? "faithful"
            let messages = json["messages"]?.arrayValue ?? []
            let prompt = messages.first?["content"]?.stringValue ?? ""
            let answer = messages.last?["content"]?.stringValue ?? ""
            let text = rephrase(answer, kind: kind, form: form(ofPrompt: prompt))
            let reply: JSONValue = [
                "id": "scripted", "object": "chat.completion", "created": 0, "model": .string(kind),
                "choices": [["index": 0, "message": ["role": "assistant", "content": .string(text)], "finish_reason": "stop"]],
                "usage": ["prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2],
            ]
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: try reply.encoded())))
        }
        return router
    }
}

/// What the pipeline needs around Assist, for an evaluation without a database: every record kept in memory.
actor MemoryRecorder: OutcomeRecorder {
    var records: [String: InteractionRecord] = [:]
    var next: UInt64 = 0
    nonisolated func ensureWritable() async throws(GatewayError) {}
    func record(_ record: InteractionRecord, content: InteractionContent?) async throws -> InteractionRecord {
        var stored = record
        stored.logIndex = next
        next += 1
        records[record.id] = stored
        return stored
    }
    func complete(_ record: InteractionRecord, content: InteractionContent?) async throws -> InteractionRecord {
        records[record.id] = record
        return record
    }
    func decisions(_ id: String) -> [String] { records[id]?.decisions ?? [] }
}

struct AllowAll: GovernanceSource {
    func decide(_ identity: CallerIdentity, model: String, dataTypes: Set<EntityType>, sensitiveCategories: Set<SensitiveCategory>) -> GovernanceVerdict {
        .allow(GovernedControls(allowedJurisdictions: [.sovereign], contentRetentionSeconds: nil, disclosureRequired: false, warnings: [], registryVersion: 1))
    }
    func disclosure(_ identity: CallerIdentity, text: String?, acceptLanguage: String?) -> AIDisclosure? { nil }
}

/// Plans every model onto the scripted backend.
struct ScriptedPlanner: BackendPlanner {
    let backend: BackendDescriptor
    func plan(model: String, allowed: Set<Jurisdiction>, requireEmbeddings: Bool) -> BackendSelection.Verdict { .route([backend]) }
}

/// Sends over HTTP (AsyncHTTPClient) to the first planned backend and hands back the whole answer.
struct HTTPModelCaller: ModelCaller {
    func send(path: String, body: ByteBuffer, to plan: [BackendDescriptor], logger: Logger) async throws(GatewayError) -> ModelAnswer {
        guard let backend = plan.first else { throw .noEligibleBackend(reason: "empty plan") }
        do {
            var request = HTTPClientRequest(url: backend.baseURL + path)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(body)
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
            let bytes = try await response.body.collect(upTo: 1 << 20)
            return ModelAnswer(
                backend: backend, status: Int(response.status.code), contentType: response.headers.first(name: "content-type"),
                body: OneBuffer(buffer: bytes), timeToHeadMs: 0, failedOver: [])
        } catch {
            throw .upstreamFailed(reason: "\(error)")
        }
    }
    func streamBroke(backend: String) {}
}

struct OneBuffer: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let buffer: ByteBuffer
    struct AsyncIterator: AsyncIteratorProtocol {
        var buffer: ByteBuffer?
        mutating func next() async throws -> ByteBuffer? { defer { buffer = nil }; return buffer }
    }
    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(buffer: buffer) }
}

enum GroundingEval {
    /// The procedures the scripted model rephrases answers about; the question is the procedure's title in each form
    /// (what matters here is the rephrasing, not retrieval).
    static let procedures = ["passport", "residence-certificate", "company-creation"]

    static func run(knowledge: KnowledgeBase) async throws {
        let router = ScriptedModel.router()
        let port = PortBox()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in port.set(channel.localAddress?.port ?? 0) },
            logger: Logger(label: "scripted-model", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            while port.value == 0 { try await Task.sleep(for: .milliseconds(20)) }
            try await measure(knowledge: knowledge, baseURL: "http://127.0.0.1:\(port.value)/v1")
            group.cancelAll()
        }
    }

    static func measure(knowledge: KnowledgeBase, baseURL: String) async throws {
        let backend = BackendDescriptor(id: "scripted", baseURL: baseURL, models: ScriptedModel.kinds, jurisdiction: .sovereign)
        let recorder = MemoryRecorder()
        let assistant = Assistant(knowledge: knowledge)
        let identity = CallerIdentity(
            key: APIKeyRecord(id: "evalkey00001", secretHash: "", tenant: TenantID(unchecked: "eval"), useCase: UseCaseID(unchecked: "assistant")),
            useCase: UseCase(tenant: TenantID(unchecked: "eval"), id: UseCaseID(unchecked: "assistant"))
        )
        var caught: [String: [String: (caught: Int, total: Int)]] = [:]
        var misses: [String] = []
        for kind in ScriptedModel.kinds {
            let setup = AssistantSetup(assistant: assistant, rephraseModel: kind)
            let pipeline = Pipeline.standard(
                limits: RequestLimits(), planner: ScriptedPlanner(backend: backend), caller: HTTPModelCaller(), conversations: NoConversations(),
                recorder: recorder, governance: AllowAll(), oversight: NoOversight(), assistant: setup)
            for form in LanguageForm.allCases.map(\.rawValue) {
                for question in procedures.compactMap({ knowledge[$0]?.title(in: LanguageForm(rawValue: form)!) }) {
                    let body: JSONValue = ["model": "thiqa-assistant", "messages": [["role": "user", "content": .string(question)]]]
                    let call = AICall(identity: identity, endpoint: .chatCompletions, body: ByteBuffer(bytes: try body.encoded()))
                    guard case .complete(_, _, let disclosure) = try await pipeline.run(call, logger: Logger(label: "eval", factory: { _ in SwiftLogNoOpLogHandler() })) else { continue }
                    let decisions = await recorder.decisions(disclosure.interactionID)
                    let decision = decisions.first { $0.hasPrefix("assistant:rephrase") || $0 == "assistant:extractive" } ?? "none"
                    let ok = kind == "faithful" ? decision == "assistant:rephrased" : decision == "assistant:rephrase_rejected:\(kind)"
                    var cell = caught[kind, default: [:]][form, default: (0, 0)]
                    cell.total += 1
                    if ok { cell.caught += 1 } else { misses.append("\(kind) \(form) «\(question)»: \(decision)") }
                    caught[kind, default: [:]][form] = cell
                }
            }
        }
        print("\ngrounding check against a scripted upstream (caught: rejected with the right kind; faithful: accepted)")
        print("kind       " + LanguageForm.allCases.map { $0.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0) }.joined() + "all")
        for kind in ScriptedModel.kinds {
            var line = kind.padding(toLength: 11, withPad: " ", startingAt: 0)
            var sum = (0, 0)
            for form in LanguageForm.allCases.map(\.rawValue) {
                let cell = caught[kind]?[form] ?? (0, 0)
                sum.0 += cell.caught
                sum.1 += cell.total
                line += "\(cell.caught)/\(cell.total)".padding(toLength: 9, withPad: " ", startingAt: 0)
            }
            line += "\(sum.0)/\(sum.1)"
            print(line)
        }
        let inventions = ScriptedModel.kinds.dropFirst().flatMap { kind in (caught[kind] ?? [:]).values }
        let caughtAll = inventions.reduce(0) { $0 + $1.caught }
        let totalAll = inventions.reduce(0) { $0 + $1.total }
        print(String(format: "catch rate: %d/%d = %.2f (target: all)", caughtAll, totalAll, Double(caughtAll) / Double(max(totalAll, 1))))
        for miss in misses { print("  miss \(miss)") }
    }
}

final class PortBox: Sendable {
    private let storage = Mutex(0)
    var value: Int { storage.withLock { $0 } }
    func set(_ port: Int) { storage.withLock { $0 = port } }
}

/// The eval's use case requires no human: a call that would be held is an error of the eval itself.
struct NoOversight: OversightDesk {
    struct Unexpected: Error {}
    func isStopped(_ identity: CallerIdentity) -> Bool { false }
    func open(_ answer: HeldAnswer) async throws -> OpenedDetermination { throw Unexpected() }
}

struct NoConversations: ConversationStore {
    func load(identity: CallerIdentity, conversation: String) async throws -> (mapping: PseudonymMapping, version: Int64)? { nil }
    func save(_ mapping: PseudonymMapping, identity: CallerIdentity, conversation: String, expectedVersion: Int64?) async throws -> Bool { true }
}
