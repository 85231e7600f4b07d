// privacy-bench: throughput and latency of the ThiqaPrivacy scanner on one core.
//
//   privacy-bench DEVSET.jsonl            JSON report: texts/s, MB/s over the dev set (repeated to >= 2 s; texts/s
//                                         also per second of thread CPU time),
//                                         p50/p99 latency of scan + pseudonymise on a 2 KB message (wall clock,
//                                         and thread CPU time, which excludes time other processes held the core),
//                                         time of the first scan (tables built) and size of the name lexicon
//   privacy-bench --predict DEVSET.jsonl  predictions JSONL, the same lines `thiqa scan --jsonl` writes
//   privacy-bench --passes N SET.jsonl  scans the set N times and prints the findings count (for callgrind)
//   privacy-bench --scan                  findings JSON for the text on standard input
//   privacy-bench --name-candidates SET.jsonl
//                                         the words the name model is asked about, with their features, and the
//                                         rules' own PERSON findings, per line (for eval/privacy/names_model.py)
//   privacy-bench --sensitive SET.jsonl   sensitive-data predictions JSONL ({"id","sensitive_categories","verdict","scores"})
//   privacy-bench --sensitive-features SET.jsonl
//                                         the sensitive-data model's inputs per line (for eval/privacy/sensitive/train.py)
//   The default report also times scan + sensitive-data assessment of the same 2 KB message ("scan_and_sensitive").
import ThiqaPrivacy

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

func fail(_ message: String) -> Never {
    var stderr = StandardError()
    print("privacy-bench: \(message)", to: &stderr)
    exit(2)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        var s = string
        s.withUTF8 { buffer in _ = Glibc.write(2, buffer.baseAddress, buffer.count) }
    }
}

func readLines(_ path: String) -> [String] {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
}

func loadRequests(_ path: String) -> [PrivacyReportJSON.ScanRequestLine] {
    readLines(path).enumerated().map { index, line in
        do {
            return try PrivacyReportJSON.parseLine(line)
        } catch {
            fail("\(path):\(index + 1): \(error)")
        }
    }
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

func seconds(_ d: Duration) -> Double {
    let c = d.components
    return Double(c.seconds) + Double(c.attoseconds) / 1e18
}

func fmt(_ v: Double, _ digits: Int = 1) -> String {
    let m = pow(10.0, Double(digits))
    return String((v * m).rounded() / m)
}

let arguments = Array(CommandLine.arguments.dropFirst())
let scanner = PrivacyScanner()

if arguments.first == "--scan" {
    var text = ""
    while let line = readLine(strippingNewline: false) { text += line }
    print(PrivacyReportJSON.findingsJSON(scanner.scan(text)))
    exit(0)
}

if arguments.first == "--predict" {
    guard arguments.count == 2 else { fail("usage: privacy-bench --predict DEVSET.jsonl") }
    var out = ""
    for line in readLines(arguments[1]) {
        do {
            out += try PrivacyReportJSON.processJSONLLine(line, scanner: scanner)
            out += "\n"
        } catch {
            fail("\(error)")
        }
    }
    print(out, terminator: "")
    exit(0)
}

if arguments.first == "--name-candidates" {
    guard arguments.count == 2 else { fail("usage: privacy-bench --name-candidates SET.jsonl") }
    var out = ""
    for (index, line) in readLines(arguments[1]).enumerated() {
        do {
            let request = try PrivacyReportJSON.parseLine(line)
            let trace = scanner.nameModelTrace(request.text)
            let rows = trace.candidates.map { c in
                "{\"start\":\(c.start),\"end\":\(c.end),\"class\":\(c.candidateClass),\"features\":[\(c.features.map(String.init).joined(separator: ","))]}"
            }
            let persons = trace.ruleFindings.map { "[\($0.start),\($0.end)]" }
            out += "{\"id\":\(request.rawID),\"candidates\":[\(rows.joined(separator: ","))],\"rules\":[\(persons.joined(separator: ","))]}\n"
        } catch {
            fail("\(arguments[1]):\(index + 1): \(error)")
        }
    }
    print(out, terminator: "")
    exit(0)
}

if arguments.first == "--sensitive" || arguments.first == "--sensitive-features" {
    guard arguments.count == 2 else { fail("usage: privacy-bench --sensitive SET.jsonl | --sensitive-features SET.jsonl") }
    let detector = SensitiveDataDetector()
    var out = ""
    for (index, line) in readLines(arguments[1]).enumerated() {
        do {
            let request = try PrivacyReportJSON.parseLine(line)
            if arguments[0] == "--sensitive" {
                out += PrivacyReportJSON.sensitivityLine(rawID: request.rawID, assessment: detector.assess(request.text))
            } else {
                let rows = SensitiveDataDetector.featureVectors(request.text).map { row in "[" + row.map { String(Int($0)) }.joined(separator: ",") + "]" }
                let grams = SensitiveDataDetector.characterGramBuckets(request.text).map(String.init).joined(separator: ",")
                out += "{\"id\":\(request.rawID),\"features\":[\(rows.joined(separator: ","))],\"grams\":[\(grams)]}"
            }
            out += "\n"
        } catch {
            fail("\(arguments[1]):\(index + 1): \(error)")
        }
    }
    print(out, terminator: "")
    exit(0)
}

if arguments.first == "--passes" {
    // A fixed amount of work for an instruction count: under `valgrind --tool=callgrind`, the difference between
    // two pass counts is the cost of scanning the set that many more times, tables and start-up excluded. This
    // machine's CPU time is too noisy (a virtual machine with steal time) to show a few per cent.
    guard arguments.count == 3 else { fail("usage: privacy-bench --passes N SET.jsonl") }
    guard let passes = Int(arguments[1]), passes >= 0 else { fail("--passes: N must be a whole number of passes, 0 or more; got \"\(arguments[1])\"") }
    let texts = loadRequests(arguments[2]).map(\.text)
    var findings = 0
    for _ in 0..<passes {
        for text in texts { findings &+= scanner.scan(text).count }
    }
    print(findings)
    exit(0)
}

guard arguments.count == 1 else { fail("usage: privacy-bench DEVSET.jsonl | --predict DEVSET.jsonl | --passes N SET.jsonl | --scan") }
// First scan: builds the word tables (cue phrases, name lexicon) once for the process.
let clock = ContinuousClock()
let coldStart = clock.now
_ = scanner.scan("Mon fils Youssef Alami, CIN BE123456")
let firstScanMilliseconds = seconds(clock.now - coldStart) * 1000
let requests = loadRequests(arguments[0])
guard !requests.isEmpty else { fail("empty dev set") }
let texts = requests.map(\.text)
let bytesPerPass = texts.reduce(0) { $0 + $1.utf8.count }

// Throughput: whole dev set, repeated until at least 2 s have elapsed.
var passes = 0
var findingsCount = 0
let throughputStart = clock.now
let throughputCPUStart = threadCPUMicroseconds()
while passes == 0 || seconds(clock.now - throughputStart) < 2.0 {
    for text in texts { findingsCount &+= scanner.scan(text).count }
    passes += 1
}
let elapsed = seconds(clock.now - throughputStart)
// Throughput per second of this thread's CPU time: the same figure without the time other processes held the core.
let cpuElapsed = (threadCPUMicroseconds() - throughputCPUStart) / 1e6
let textsPerSecond = Double(passes * texts.count) / elapsed
let megabytesPerSecond = Double(passes * bytesPerPass) / elapsed / 1_000_000

// Latency: scan + pseudonymise of a ~2 KB message built from dev-set texts (with personal data in it).
var message = ""
var index = 0
while message.utf8.count < 2048 {
    message += texts[index % texts.count] + "\n"
    index += 1
}
let pseudonymizer = Pseudonymizer(scanner: scanner)
/// CPU time of this thread, in microseconds: latency without the time other processes held the core.
func threadCPUMicroseconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) * 1e6 + Double(ts.tv_nsec) / 1e3
}

var samples: [Double] = []
var cpuSamples: [Double] = []
samples.reserveCapacity(5000)
cpuSamples.reserveCapacity(5000)
for iteration in 0..<5200 {
    let c0 = threadCPUMicroseconds()
    let t0 = clock.now
    let result = try pseudonymizer.pseudonymize(message)
    let t1 = clock.now
    let c1 = threadCPUMicroseconds()
    if result.text.isEmpty { fail("unexpected empty result") }
    if iteration >= 200 {
        samples.append(seconds(t1 - t0) * 1e6)
        cpuSamples.append(c1 - c0)
    }
}
samples.sort()
cpuSamples.sort()

// Latency: personal-data scan + sensitive-data assessment of the same message, as the request path runs them (the
// message normalised and cut into words once for both, `PreparedText`).
let sensitiveDetector = SensitiveDataDetector()
var combined: [Double] = []
var combinedCPU: [Double] = []
combined.reserveCapacity(5000)
combinedCPU.reserveCapacity(5000)
var scoreChecksum = 0.0
for iteration in 0..<5200 {
    let c0 = threadCPUMicroseconds()
    let t0 = clock.now
    let prepared = PreparedText(message)
    let findings = scanner.scan(prepared)
    let assessment = sensitiveDetector.assess(prepared)
    let t1 = clock.now
    let c1 = threadCPUMicroseconds()
    scoreChecksum += Double(findings.count) + assessment.highestScore
    if iteration >= 200 {
        combined.append(seconds(t1 - t0) * 1e6)
        combinedCPU.append(c1 - c0)
    }
}
combined.sort()
combinedCPU.sort()
// Using the results keeps the optimiser from dropping the work being timed.
if scoreChecksum == 0 { fail("the 2 KB message has no findings and no sensitive score") }

print(
    """
    {"tool":"thiqa-privacy","texts":\(texts.count),"bytes_per_pass":\(bytesPerPass),"passes":\(passes),\
    "seconds":\(fmt(elapsed, 3)),"texts_per_s":\(fmt(textsPerSecond)),"mb_per_s":\(fmt(megabytesPerSecond, 3)),\
    "cpu_texts_per_s":\(fmt(Double(passes * texts.count) / cpuElapsed)),\
    "findings_per_pass":\(findingsCount / passes),"message_bytes":\(message.utf8.count),\
    "latency_us":{"p50":\(fmt(percentile(samples, 0.5))),"p99":\(fmt(percentile(samples, 0.99))),"max":\(fmt(samples.last ?? 0))},\
    "cpu_latency_us":{"p50":\(fmt(percentile(cpuSamples, 0.5))),"p99":\(fmt(percentile(cpuSamples, 0.99))),"max":\(fmt(cpuSamples.last ?? 0))},\
    "scan_and_sensitive_latency_us":{"p50":\(fmt(percentile(combined, 0.5))),"p99":\(fmt(percentile(combined, 0.99))),"max":\(fmt(combined.last ?? 0))},\
    "scan_and_sensitive_cpu_latency_us":{"p50":\(fmt(percentile(combinedCPU, 0.5))),"p99":\(fmt(percentile(combinedCPU, 0.99))),"max":\(fmt(combinedCPU.last ?? 0))},\
    "first_scan_ms":\(fmt(firstScanMilliseconds, 2)),"name_lexicon":{"words":\(PrivacyScanner.nameLexiconSize.words),"bytes":\(PrivacyScanner.nameLexiconSize.bytes),\
    "skeletons":\(PrivacyScanner.nameLexiconSize.skeletons),"skeleton_bytes":\(PrivacyScanner.nameLexiconSize.skeletonBytes),\
    "tifinagh_skeletons":\(PrivacyScanner.wordTablesSize.tifinaghSkeletons),"tifinagh_skeleton_bytes":\(PrivacyScanner.wordTablesSize.tifinaghSkeletonBytes)},\
    "word_index_bytes":\(PrivacyScanner.wordTablesSize.wordIndexBytes)}
    """
)
