import ArgumentParser
import Foundation
import ThiqaLedger
import ThiqaServer
import ThiqaStorage

struct Log: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "The transparency log: public key, proof checks, integrity check and remote audit.",
        subcommands: [PublicKey.self, VerifyProof.self, Verify.self, Audit.self]
    )

    struct PublicKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "public-key",
            abstract: "Print the log's public (verifier) key; the signing key is created if it does not exist yet."
        )
        @OptionGroup var options: ConfigOptions

        func run() async throws {
            let configuration = try await options.load()
            let signer = try LogSigningKey.loadOrCreate(configuration.transparency)
            print(signer.verifierKey)
        }
    }

    struct VerifyProof: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify-proof",
            abstract: "Check an inclusion or consistency proof given as JSON: exit 0 when valid, 1 when not (reason on stderr), 2 when malformed."
        )
        @Argument(help: "The proof document (JSON), or - for standard input.") var file: String

        func run() async throws {
            let data: Data
            do {
                data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                printError("malformed: cannot read \(file): \(error.localizedDescription)")
                throw ExitCode(2)
            }
            switch ProofDocument.verify(Array(data)) {
            case .valid:
                print("valid")
            case .invalid(let reason):
                printError("invalid: \(reason)")
                throw ExitCode(1)
            case .malformed(let reason):
                printError("malformed: \(reason)")
                throw ExitCode(2)
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the log from its stored leaves and check the stored tree and every stored checkpoint against it."
        )
        @OptionGroup var options: ConfigOptions

        func run() async throws {
            let configuration = try await options.load()
            let verifier = try LogSigningKey.load(configuration.transparency)?.verifier
            let report = try await withStore(configuration) { database in
                try await SQLTransparencyLog(database: database).verifyIntegrity(verifier: verifier)
            }
            let signatures = verifier == nil ? " (no signing key at \(configuration.transparency.keyPath): signatures not checked)" : ", signatures checked"
            if report.isIntact {
                print(
                    "the log is intact: \(report.size) entries, \(report.nodesChecked) tree nodes and \(report.checkpointsChecked) checkpoints agree with the stored leaves\(signatures)"
                )
                return
            }
            print("THE LOG IS DAMAGED: \(report.problems.count) problem(s) in \(report.size) entries\(signatures)")
            for problem in report.problems { print("- \(problem)") }
            throw ExitCode(1)
        }
    }

    struct Audit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Audit a running Thiqa from outside: checkpoint signature, consistency with the last checkpoint seen, sampled entries.",
            discussion: "Exit 0 when everything holds, 1 when the log is forked, rewritten or badly signed, 2 when the audit could not run."
        )
        @Option(help: "The server's base URL, such as http://127.0.0.1:8080.") var url: String
        @Option(name: .customLong("public-key"), help: "The log's verifier key (as `thiqa log public-key` prints it), or a file holding it.")
        var publicKey: String
        @Option(help: "Where to remember the last checkpoint verified (default ~/.thiqa-audit/<origin>.json).") var state: String?
        @Option(help: "How many entries to check (all when at least the log size).") var samples = 16

        func run() async throws {
            var keyText = publicKey
            if FileManager.default.fileExists(atPath: publicKey), let text = try? String(contentsOfFile: publicKey, encoding: .utf8) {
                keyText = text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let verifier: NoteVerifier
            do {
                verifier = try NoteVerifier(verifierKey: keyText)
            } catch {
                throw ValidationError("--public-key is not a verifier key (name+keyid+base64): \(error)")
            }
            let statePath = state ?? LogAuditor.defaultStatePath(origin: verifier.name)
            let report: LogAuditor.Report
            do {
                let previous = try LogAuditor.loadState(path: statePath)
                report = try await LogAuditor(baseURL: url, verifier: verifier).audit(previous: previous, samples: samples)
                if let newState = report.newState { try LogAuditor.saveState(newState, path: statePath) }
            } catch {
                printError("audit not completed: \(error)")
                throw ExitCode(2)
            }
            if report.isSound, let checkpoint = report.checkpoint {
                let since = report.previousSize.map { "consistent with the checkpoint of size \($0) seen before" } ?? "first audit of this log"
                print("the log \(checkpoint.origin) is sound: signed checkpoint of \(checkpoint.size) entries, \(since), \(report.entriesChecked.count) entries verified")
                print("state saved to \(statePath)")
                return
            }
            print("THE LOG FAILED THE AUDIT:")
            for problem in report.problems { print("- \(problem)") }
            print("the last trusted checkpoint in \(statePath) is kept")
            throw ExitCode(1)
        }
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
