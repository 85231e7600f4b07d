import ArgumentParser
import Foundation
import ThiqaBackends
import ThiqaCore
import ThiqaServer
import ThiqaKnowledge
import ThiqaRetrieval
import ThiqaRetrievalHTTP

/// `thiqa kb`: the knowledge base of administrative procedures.
struct KB: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "Validate and search the knowledge base of administrative procedures.",
        subcommands: [Ingest.self, Search.self]
    )

    /// Loads a directory, or fails with every problem as `file:line: field: reason` on standard error.
    static func load(_ directory: String) throws -> KnowledgeBase {
        let result: Result<KnowledgeBase, KnowledgeLoadError>
        do { result = try KnowledgeDirectory.load(directory) } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
        switch result {
        case .success(let base):
            return base
        case .failure(let error):
            let prefixed = error.problems.map { problem in
                var located = problem
                located.file = (directory as NSString).appendingPathComponent(problem.file)
                return located.description
            }
            FileHandle.standardError.write(Data((prefixed.joined(separator: "\n") + "\n").utf8))
            FileHandle.standardError.write(Data("\(error.problems.count) problem(s) in \(Set(error.problems.map(\.file)).count) file(s)\n".utf8))
            throw ExitCode(1)
        }
    }

    struct Ingest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate every procedure file of a directory.",
            discussion: """
                Prints every problem as file:line: field: reason and exits 1 if there is any; otherwise prints the number of \
                procedures. A running gateway whose assistant.knowledgePath is this directory swaps the new base in within \
                assistant.reloadIntervalMs (5 s), without a restart; a base that does not validate is not swapped in.
                """
        )

        @Argument(help: "Directory of procedure files (<id>.md).") var directory: String

        func run() async throws {
            let base = try KB.load(directory)
            let index = RetrievalIndex(knowledgeBase: base)
            print("\(base.count) procedures valid in \(directory) (index: \(index.lexical.featureCount) features)")
        }
    }

    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the procedures ranked for a question.",
            discussion: """
                Lexical retrieval (BM25 over folded words, cross-script skeletons and character n-grams); with \
                --embeddings-url, fused by rank with dense vectors from an OpenAI-compatible /v1/embeddings server \
                (scripts/embeddings-server starts the bundled one).
                """
        )

        @Argument(help: "The question, in any language form.") var question: String
        @Option(help: "Directory of procedure files.") var dir = "knowledge/procedures"
        @Option(help: "Number of procedures to show.") var top = 5
        @Option(help: "Base URL of an OpenAI-compatible embeddings API, e.g. http://127.0.0.1:8082/v1.") var embeddingsURL: String?
        @Option(help: "Without --embeddings-url: use the configured sovereign backend serving this embeddings model, if any.")
        var embeddingsModel = "multilingual-e5-small-q4"
        @Flag(help: "Lexical retrieval only, even when an embeddings backend is configured.") var lexical = false
        @OptionGroup var options: ConfigOptions

        func validate() throws {
            guard top > 0 else { throw ValidationError("--top must be at least 1") }
        }

        func run() async throws {
            let base = try KB.load(dir)
            var index = RetrievalIndex(knowledgeBase: base)
            var provider: OpenAIEmbeddingProvider?
            // Dense vectors come from Thiqa's own backend configuration (a sovereign backend serving the embeddings
            // model), unless a URL is given or --lexical asks for none.
            var url = embeddingsURL
            if url == nil, !lexical, let configuration = try? await options.load() {
                url = configuration.backends.backends.first {
                    $0.servesEmbeddings && $0.jurisdiction.isSovereign && $0.serves(model: embeddingsModel)
                }?.baseURL
            }
            if let embeddingsURL = url {
                let http = OpenAIEmbeddingProvider(baseURL: embeddingsURL, model: embeddingsModel)
                do { index = try await index.withDenseVectors(from: http) } catch {
                    throw OperatorError("embeddings backend at \(embeddingsURL): \(error)")
                }
                provider = http
            }
            let language = QuestionLanguage.guess(question)
            let result = try await index.search(question, provider: provider, language: language, limit: top)
            var header = "question language (guessed): \(language.rawValue); lexical confidence \(String(format: "%.2f", result.lexicalConfidence))"
            if let dense = result.bestDenseSimilarity { header += "; best dense similarity \(String(format: "%.3f", dense))" }
            print(header)
            if result.abstained {
                print("no procedure answers this question with enough confidence (I don't know); closest candidates:")
            }
            for (rank, hit) in result.candidates.enumerated() {
                let title = base[hit.id]?.title(in: language) ?? hit.id
                var detail = String(format: "score %.4f", hit.score)
                if let lexicalRank = hit.lexicalRank { detail += ", lexical #\(lexicalRank)" }
                if let denseRank = hit.denseRank { detail += ", dense #\(denseRank)" }
                print("\(rank + 1). \(hit.id) — \(title) (\(detail))")
            }
        }
    }
}

/// A rough guess of the question's language form, only to pick which title to show: script first, then a few
/// marker words. The language-identification target replaces it when it lands.
enum QuestionLanguage {
    static func guess(_ text: String) -> LanguageForm {
        let scalars = text.unicodeScalars
        if scalars.contains(where: { (0x2D30...0x2D7F).contains($0.value) }) { return .amazighTifinagh }
        let words = Set(Tokenizer.words(TextFolding.fold(text)).map(\.text))
        if scalars.contains(where: { (0x0600...0x06FF).contains($0.value) }) {
            let darija: Set<String> = ["بغيت", "كيفاش", "شنو", "فين", "ديال", "واش", "خاصني", "علاش", "دابا", "ديالي", "باش", "نجيب"]
            return words.isDisjoint(with: darija.map(TextFolding.fold)) ? .arabic : .darijaArabic
        }
        if words.contains(where: { word in word.contains(where: { "2357896".contains($0) }) && word.contains(where: \.isLetter) }) {
            return .darijaLatin
        }
        let darija: Set<String> = ["bghit", "kifach", "kifash", "chno", "fin", "dyal", "dyali", "wach", "khassni", "khasni", "bach", "daba", "mnin"]
        let amazigh: Set<String> = ["mamk", "mamnk", "mani", "ad", "inu", "tamagit", "tlalit", "xf", "ur", "tmagit"]
        let english: Set<String> = ["how", "what", "where", "my", "the", "get", "i", "do", "for", "renew", "apply"]
        let french: Set<String> = ["comment", "je", "mon", "ma", "le", "la", "pour", "des", "de", "quels", "ou", "faire"]
        let counts: [(LanguageForm, Int)] = [
            (.darijaLatin, words.intersection(darija).count), (.amazighLatin, words.intersection(amazigh).count),
            (.english, words.intersection(english).count), (.french, words.intersection(french).count),
        ]
        let best = counts.max { $0.1 < $1.1 }!
        return best.1 > 0 ? best.0 : .french
    }
}
