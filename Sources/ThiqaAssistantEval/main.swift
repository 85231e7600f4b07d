import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import ThiqaAssistant
import ThiqaCore
import ThiqaKnowledge
import ThiqaPipeline
import ThiqaRetrieval
import ThiqaRetrievalHTTP

// The citizen assistant's evaluation (make eval-assistant):
// 1. on a question set (eval/assistant/questions.heldout.jsonl), per language form: the share of in-scope questions
//    (follow-ups included) whose answer cites the right procedure, the share of "I don't know" on out-of-scope ones,
//    and the share answered in the question's language form; lexical, then with dense vectors when given;
// 2. the grounding check's catch rate against a scripted upstream: a Hummingbird server playing a model that adds a
//    fee, a document, a delay or a place to otherwise faithful rephrasings, in each language form, reached through
//    the real pipeline (Validate, Govern, Assist, Record, Disclose) with the rephrasing configured.
//   assistant-eval --kb DIR --questions FILE [--embeddings-url URL] [--misses] [--skip-grounding]

var knowledgePath = "knowledge/procedures"
var questionsPath = "eval/assistant/questions.heldout.jsonl"
var embeddingsURL: String?
var showMisses = false
var grounding = true
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--kb": knowledgePath = arguments.next() ?? knowledgePath
    case "--questions": questionsPath = arguments.next() ?? questionsPath
    case "--embeddings-url": embeddingsURL = arguments.next()
    case "--misses": showMisses = true
    case "--skip-grounding": grounding = false
    default:
        FileHandle.standardError.write(Data("unknown option \(argument)\n".utf8))
        exit(2)
    }
}

guard case .success(let knowledge) = try KnowledgeDirectory.load(knowledgePath) else {
    FileHandle.standardError.write(Data("\(knowledgePath) does not validate: run thiqa kb ingest \(knowledgePath)\n".utf8))
    exit(1)
}
let items: [Item] = try String(contentsOfFile: questionsPath, encoding: .utf8).split(separator: "\n").enumerated().map { number, line in
    do { return try JSONDecoder().decode(Item.self, from: Data(line.utf8)) } catch {
        throw EvalError("\(questionsPath):\(number + 1): \(error)")
    }
}
print("knowledge base: \(knowledgePath) (\(knowledge.count) procedures); questions: \(questionsPath) (\(items.count))")

let lexical = Assistant(knowledge: knowledge)
try await QuestionSet.score(lexical, knowledge: knowledge, items: items, provider: nil, label: "lexical retrieval", showMisses: showMisses)
if let embeddingsURL {
    let provider = OpenAIEmbeddingProvider(baseURL: embeddingsURL)
    let index = try await RetrievalIndex(knowledgeBase: knowledge).withDenseVectors(from: provider)
    try await QuestionSet.score(Assistant(knowledge: knowledge, index: index), knowledge: knowledge, items: items, provider: provider, label: "lexical + dense (\(embeddingsURL))", showMisses: showMisses)
}
if grounding {
    try await GroundingEval.run(knowledge: knowledge)
}
