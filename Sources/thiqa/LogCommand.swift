import ArgumentParser
import Foundation
import Crypto
import ThiqaCore
import ThiqaLedger
import ThiqaServer
import ThiqaStorage

struct Log: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "The transparency log: public key, proof checks, integrity check and remote audit.",
        subcommands: [PublicKey.self, VerifyProof.self, Verify.self, Audit.self, TenantKey.self, TenantExport.self, TenantAuditCommand.self]
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
            abstract: "Check an inclusion, consistency or receipt proof given as JSON: exit 0 when valid, 1 when not (reason on stderr), 2 when malformed.",
            discussion: """
                A receipt document is what POST /receipts/v1/lookup answers: the call's records, their salt, their public leaves \
                and inclusion proofs, and the signed checkpoint. With --public-key, the checkpoint's signature is checked and \
                every proof must reach its root: the person then knows their record is in the log everyone sees.
                """
        )
        @Argument(help: "The proof document (JSON), or - for standard input.") var file: String
        @Option(name: .customLong("public-key"), help: "The log's verifier key, or a file holding it: also check a receipt's checkpoint.")
        var publicKey: String?

        func run() async throws {
            let data: Data
            do {
                data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                printError("malformed: cannot read \(file): \(error.localizedDescription)")
                throw ExitCode(2)
            }
            var document = Array(data)
            var checkpointNote: String?
            // The lookup answer wraps the receipt document with the checkpoint it was proved against.
            if case .object(let fields)? = try? CanonicalJSON.parse(document), let receipt = fields["receipt"], case .string(let note)? = fields["checkpoint"] {
                document = (try? CanonicalJSON.encode(receipt)) ?? document
                checkpointNote = note
            }
            switch ProofDocument.verify(document) {
            case .valid:
                if let publicKey, let checkpointNote {
                    let verifier = try loadVerifier(publicKey)
                    let checkpoint: Checkpoint
                    do {
                        checkpoint = try Checkpoint.open(Array(checkpointNote.utf8), log: verifier).checkpoint
                    } catch {
                        printError("invalid: the checkpoint is not signed by \(verifier.name)'s key: \(error)")
                        throw ExitCode(1)
                    }
                    let text = String(decoding: document, as: UTF8.self)
                    guard text.contains("\"rootHash\":\"\(checkpoint.rootHash.hex)\""), text.contains("\"treeSize\":\(checkpoint.size)") else {
                        printError("invalid: the proofs do not reach the signed root of size \(checkpoint.size)")
                        throw ExitCode(1)
                    }
                    print("valid: included in the signed tree of \(checkpoint.size) entries of \(checkpoint.origin)")
                    return
                }
                print(checkpointNote == nil ? "valid" : "valid (give --public-key to check the checkpoint's signature too)")
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
            let verifier = try loadVerifier(publicKey)
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

    struct TenantKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tenant-key",
            abstract: "Print a tenant's tag key (base64), for that tenant's auditor only: with it, their leaves are recognised in the public log."
        )
        @OptionGroup var options: ConfigOptions
        @Option(help: "The tenant.") var tenant: String

        func run() async throws {
            let configuration = try await options.load()
            let tenant = try TenantID(self.tenant)
            let signer = try LogSigningKey.loadOrCreate(configuration.transparency)
            print(TenantTags(signerSecretKey: signer.secretKey).key(for: tenant).withUnsafeBytes { Data($0).base64EncodedString() })
        }
    }

    struct TenantExport: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tenant-export",
            abstract: "Print a tenant's logged records as JSON lines {index, record, salt}: what their auditor checks against the public log."
        )
        @OptionGroup var options: ConfigOptions
        @Option(help: "The tenant.") var tenant: String

        func run() async throws {
            let configuration = try await options.load()
            let tenant = try TenantID(self.tenant)
            let records = try await withStore(configuration) { try await SQLInteractionRepository(database: $0).logged(tenant: tenant) }
            for leaf in try TenantAudit.export(records) { print(try TenantAudit.exportLine(leaf)) }
        }
    }

    struct TenantAuditCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tenant-audit",
            abstract: "As a tenant's auditor: check that every exported record is in the public log and that no leaf of the tenant is missing from the export.",
            discussion: "Reads every entry of the signed tree. Exit 0 when everything holds, 1 on any problem, 2 when the audit could not run."
        )
        @Option(help: "The server's base URL, such as http://127.0.0.1:8080.") var url: String
        @Option(name: .customLong("public-key"), help: "The log's verifier key, or a file holding it.") var publicKey: String
        @Option(name: .customLong("tenant-key"), help: "The tenant's tag key (base64, from `thiqa log tenant-key`).") var tenantKey: String
        @Option(help: "The tenant's export (JSON lines from `thiqa log tenant-export`).") var export: String

        func run() async throws {
            let verifier = try loadVerifier(publicKey)
            guard let keyBytes = Data(base64Encoded: tenantKey.trimmingCharacters(in: .whitespacesAndNewlines)), keyBytes.count == 32 else {
                throw ValidationError("--tenant-key is not a base64 256-bit key")
            }
            let text: String
            do {
                text = try String(contentsOfFile: export, encoding: .utf8)
            } catch {
                throw ValidationError("--export: cannot read \(export): \(error.localizedDescription)")
            }
            var exported: [TenantAudit.ExportedLeaf] = []
            for (number, line) in text.split(separator: "\n").enumerated() where !line.allSatisfy(\.isWhitespace) {
                do {
                    exported.append(try TenantAudit.parseExportLine(String(line)))
                } catch {
                    throw ValidationError("--export line \(number + 1): \(error)")
                }
            }
            let result: (size: UInt64, problems: [String])
            do {
                result = try await TenantAudit.audit(
                    auditor: LogAuditor(baseURL: url, verifier: verifier), tenantKey: SymmetricKey(data: keyBytes), exported: exported
                )
            } catch {
                printError("audit not completed: \(error)")
                throw ExitCode(2)
            }
            if result.problems.isEmpty {
                print("the tenant's \(exported.count) leaves are all in the signed tree of \(result.size) entries, and no other leaf carries the tenant's tag")
                return
            }
            print("THE TENANT AUDIT FAILED:")
            for problem in result.problems { print("- \(problem)") }
            throw ExitCode(1)
        }
    }
}

/// A verifier key given on the command line, or the file holding it.
func loadVerifier(_ argument: String) throws -> NoteVerifier {
    var keyText = argument
    if FileManager.default.fileExists(atPath: argument), let text = try? String(contentsOfFile: argument, encoding: .utf8) {
        keyText = text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    do {
        return try NoteVerifier(verifierKey: keyText)
    } catch {
        throw ValidationError("--public-key is not a verifier key (name+keyid+base64): \(error)")
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
