import Foundation
import ThiqaKnowledge
import ThiqaLanguage
import ThiqaRetrieval

// What the assistant does for each question before any model call, timed as one figure: language
// identification, then retrieval (lexical, no dense backend) on a large synthetic knowledge base made of
// variations of the real procedures; each part timed alone too; index and language-model memory.
//   retrieval-bench [--kb DIR] [--procedures 10000] [--queries 5000] [--questions FILE]...

struct BenchError: Error, CustomStringConvertible {
    var description: String
}

var knowledgeDirectory = "knowledge/procedures"
var procedureCount = 10_000
var queryCount = 5_000
var questionFiles: [String] = []
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    guard let value = arguments.next() else {
        FileHandle.standardError.write(Data("retrieval-bench: \(argument) needs a value\n".utf8))
        exit(2)
    }
    switch argument {
    case "--kb": knowledgeDirectory = value
    case "--procedures": procedureCount = Int(value) ?? procedureCount
    case "--queries": queryCount = Int(value) ?? queryCount
    case "--questions": questionFiles.append(value)
    default:
        FileHandle.standardError.write(Data("retrieval-bench: unknown argument \(argument)\n".utf8))
        exit(2)
    }
}

/// Resident set size in bytes, from /proc (Linux).
func residentBytes() -> Int {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = statm.split(separator: " ")
    return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
}

/// CPU time of this thread, in milliseconds: unlike wall time, it does not count the time the scheduler gives
/// other processes, which on a shared machine dominates the tail of wall-clock latencies.
func threadCPUMilliseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
}

func milliseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1000 + Double(attoseconds) / 1e15
}

/// A deterministic pseudo-random generator, so that every run benches the same base.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let places = [
    ("Rabat", "الرباط"), ("Casablanca", "الدار البيضاء"), ("Fès", "فاس"), ("Marrakech", "مراكش"), ("Tanger", "طنجة"),
    ("Agadir", "أكادير"), ("Oujda", "وجدة"), ("Meknès", "مكناس"), ("Tétouan", "تطوان"), ("Laâyoune", "العيون"),
    ("Béni Mellal", "بني ملال"), ("Nador", "الناظور"), ("Safi", "آسفي"), ("Khouribga", "خريبكة"), ("Errachidia", "الرشيدية"),
]
let services = [
    ("annexe administrative", "الملحقة الإدارية"), ("guichet unique", "الشباك الوحيد"), ("service en ligne", "الخدمة الإلكترونية"),
    ("bureau communal", "المكتب الجماعي"), ("centre régional", "المركز الجهوي"), ("permanence mobile", "الوحدة المتنقلة"),
]

/// A variation of a real procedure: another place and office, some keywords dropped, words of the summary
/// shuffled, the full body kept (so the index holds as much text per procedure as the real base).
func variant(of base: RetrievalDocument, number: Int, random: inout SplitMix64) -> RetrievalDocument {
    let place = places.randomElement(using: &random)!
    let service = services.randomElement(using: &random)!
    let suffix = " — \(place.0), \(service.0) \(number) / \(place.1)، \(service.1)"
    var headings = base.headings.filter { _ in Int.random(in: 0..<10, using: &random) < 8 }
    if headings.isEmpty { headings = [base.headings[0]] }
    headings[0] += suffix
    let summaries = base.summaries.map { summary in
        var words = summary.split(separator: " ")
        if words.count > 4 { words.swapAt(Int.random(in: 0..<words.count, using: &random), Int.random(in: 0..<words.count, using: &random)) }
        return words.joined(separator: " ") + " (\(place.0))"
    }
    return RetrievalDocument(id: "\(base.id)-\(number)", headings: headings, summaries: summaries, body: base.body, passages: [])
}

do {
    let knowledgeBase: KnowledgeBase
    switch try KnowledgeDirectory.load(knowledgeDirectory) {
    case .success(let base): knowledgeBase = base
    case .failure(let error): throw BenchError(description: "knowledge base has errors:\n\(error)")
    }
    let real = knowledgeBase.sorted.map(RetrievalDocument.init(procedure:))
    guard !real.isEmpty else { throw BenchError(description: "\(knowledgeDirectory) has no procedures") }
    var questions: [String] = []
    for file in questionFiles {
        for line in try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n") {
            if let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let text = object["text"] as? String {
                questions.append(text)
            }
        }
    }
    if questions.isEmpty { questions = real.flatMap { Array($0.headings.prefix(3)) } }

    var random = SplitMix64(state: 2026)
    var documents = real
    var number = 0
    while documents.count < procedureCount {
        documents.append(variant(of: real[number % real.count], number: number, random: &random))
        number += 1
    }
    // The language model is trained on first use: outside the timings, like a server's start.
    let rssBeforeLanguage = residentBytes()
    let identifier = LanguageIdentifier()
    _ = identifier.identify("bonjour")
    let rssAfterLanguage = residentBytes()
    let rssBefore = residentBytes()
    let buildStart = ContinuousClock.now
    let index = RetrievalIndex(documents: documents)
    let buildTime = ContinuousClock.now - buildStart
    let rssAfter = residentBytes()

    // Warm-up, then timed queries cycling through the question texts: language ID + retrieval as one call
    // (the figure the target is about), then each part alone on the same texts.
    for question in questions.prefix(200) {
        _ = identifier.identify(question)
        _ = try index.search(question, limit: 5)
    }
    var combined: [Double] = []
    var combinedCPU: [Double] = []
    var languageOnly: [Double] = []
    var retrievalOnly: [Double] = []
    var retrievalCPU: [Double] = []
    combined.reserveCapacity(queryCount)
    var answered = 0
    var languages: [LanguageTag: Int] = [:]
    var confidenceSum = 0.0
    for i in 0..<queryCount {
        let question = questions[i % questions.count]
        let start = ContinuousClock.now
        let cpuStart = threadCPUMilliseconds()
        let language = identifier.identify(question)
        let result = try index.search(question, language: LanguageForm(rawValue: language.language.rawValue), limit: 5)
        combinedCPU.append(threadCPUMilliseconds() - cpuStart)
        combined.append(milliseconds(ContinuousClock.now - start))
        languages[language.language, default: 0] += 1
        if !result.abstained { answered += 1 }
    }
    for i in 0..<queryCount {
        let question = questions[i % questions.count]
        let start = ContinuousClock.now
        // Used below, so that the optimiser cannot drop the call.
        confidenceSum += identifier.identify(question).confidence
        languageOnly.append(milliseconds(ContinuousClock.now - start))
    }
    for i in 0..<queryCount {
        let question = questions[i % questions.count]
        let start = ContinuousClock.now
        let cpuStart = threadCPUMilliseconds()
        _ = try index.search(question, limit: 5)
        retrievalCPU.append(threadCPUMilliseconds() - cpuStart)
        retrievalOnly.append(milliseconds(ContinuousClock.now - start))
    }
    combined.sort()
    combinedCPU.sort()
    languageOnly.sort()
    retrievalOnly.sort()
    retrievalCPU.sort()
    func percentile(_ p: Double, _ values: [Double]) -> Double { values[min(values.count - 1, Int(Double(values.count) * p))] }
    func line(_ values: [Double]) -> String {
        String(format: "p50 %.3f ms, p99 %.3f ms, mean %.3f ms, max %.3f ms",
               percentile(0.50, values), percentile(0.99, values), values.reduce(0, +) / Double(values.count), values.last ?? 0)
    }

    print("retrieval-bench: \(documents.count) procedures (\(real.count) real + \(documents.count - real.count) synthetic variations), \(questions.count) distinct questions, \(queryCount) queries, lexical only (no dense backend)")
    print(String(format: "index build: %.2f s, %d features", milliseconds(buildTime) / 1000, index.lexical.featureCount))
    print(String(format: "index memory: %.1f MiB counted (postings, vocabulary, lengths); RSS +%.1f MiB during build", Double(index.lexical.storageBytes) / 1_048_576, Double(rssAfter - rssBefore) / 1_048_576))
    print("language ID + retrieval (wall): \(line(combined)) (answered \(answered) of \(queryCount))")
    print("language ID + retrieval (thread CPU time): \(line(combinedCPU))")
    print("language ID alone (wall): \(line(languageOnly)) (mean confidence \(String(format: "%.2f", confidenceSum / Double(queryCount))))")
    print("retrieval alone (wall): \(line(retrievalOnly))")
    print("retrieval alone (thread CPU time): \(line(retrievalCPU))")
    print(String(format: "language model memory: RSS +%.1f MiB when trained", Double(rssAfterLanguage - rssBeforeLanguage) / 1_048_576))
    print("languages identified: " + languages.sorted { $0.value > $1.value }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))
    print(String(format: "load average at the end: %@", (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"))
} catch {
    FileHandle.standardError.write(Data("retrieval-bench: \(error)\n".utf8))
    exit(1)
}
