import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ThiqaCore

/// Held answers from the shell. Unlike `thiqa registry`, these talk to a running gateway (`--url`) with a staff token:
/// the gateway holds what a review needs and a shell should not (the key that opens held content, the log's tag
/// key, the stop switches every replica enforces from memory), and one code path applies every review however it
/// is made.
struct Reviews: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reviews",
        abstract: "List, show, approve, amend and reject answers held for a human; stop and resume a use case's automation.",
        subcommands: [List.self, Show.self, Approve.self, Amend.self, Reject.self, Stop.self, Resume.self]
    )

    struct ServerOptions: ParsableArguments {
        @Option(help: "The gateway's base URL.") var url = "http://127.0.0.1:8080"
        @Option(help: "Staff token (thq_staff_…); default: the THIQA_STAFF_TOKEN environment variable.") var token: String?
        @Flag(help: "Print the server's JSON as it is.") var json = false

        /// Sends one request to the admin API and returns its JSON, or throws the server's error message.
        func call(_ method: HTTPMethod, _ path: String, body: JSONValue? = nil) async throws -> JSONValue {
            guard let token = token ?? ProcessInfo.processInfo.environment["THIQA_STAFF_TOKEN"], !token.isEmpty else {
                throw OperatorError("a staff token is needed: --token thq_staff_… or THIQA_STAFF_TOKEN (create one with thiqa staff create)")
            }
            var base = url
            while base.hasSuffix("/") { base.removeLast() }
            var request = HTTPClientRequest(url: base + "/admin/v1" + path)
            request.method = method
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
            request.headers.add(name: "Content-Type", value: "application/json")
            if let body { request.body = .bytes(ByteBuffer(bytes: try body.encoded())) }
            let response: HTTPClientResponse
            do { response = try await HTTPClient.shared.execute(request, timeout: .seconds(30)) } catch {
                throw OperatorError("--url: cannot reach \(base): \(error)")
            }
            let bytes = try await response.body.collect(upTo: 16 << 20)
            let value = (try? JSONValue.parse(bytes.readableBytesView)) ?? .null
            guard (200..<300).contains(Int(response.status.code)) else {
                let message = value["error"]?["message"]?.stringValue ?? String(buffer: bytes)
                let code = value["error"]?["code"]?.stringValue.map { " [\($0)]" } ?? ""
                throw OperatorError("\(response.status.code)\(code): \(message)")
            }
            return value
        }

        func print(_ value: JSONValue, _ text: () -> String) throws {
            if json { Swift.print(String(decoding: try value.encoded(), as: UTF8.self)) } else { Swift.print(text()) }
        }
    }

    static func line(_ determination: JSONValue) -> String {
        let id = determination["id"]?.stringValue ?? "?"
        let status = determination["status"]?.stringValue ?? "?"
        let useCase = "\(determination["tenant"]?.stringValue ?? "?")/\(determination["use_case"]?.stringValue ?? "?")"
        let reason = determination["hold_reason"]?.stringValue.map { " (\($0))" } ?? ""
        let due = determination["due_at"]?.stringValue.map { "; due \($0)" } ?? ""
        let escalated = determination["escalated_to"]?.stringValue.map { "; escalated to \($0)" } ?? ""
        let assignee = determination["assignee"]?.stringValue.map { "; assigned to \($0)" } ?? ""
        return "\(id)  \(useCase)  \(status)\(reason)\(due)\(assignee)\(escalated)"
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The review queue: held answers of one use case (or all), oldest first.")
        @OptionGroup var server: ServerOptions
        @Option(name: .customLong("use-case"), help: "TENANT/USE_CASE; default: every use case.") var useCase: String?
        @Option(help: "Statuses, comma-separated (held, awaiting_second_review, approved, amended, rejected, released).") var status: String?

        func run() async throws {
            var query: [String] = []
            if let useCase { query.append("use_case=\(useCase)") }
            if let status { query.append("status=\(status)") }
            let value = try await server.call(.GET, "/reviews" + (query.isEmpty ? "" : "?" + query.joined(separator: "&")))
            let items = value["determinations"]?.arrayValue ?? []
            try server.print(value) { items.isEmpty ? "nothing is waiting" : items.map(Reviews.line).joined(separator: "\n") }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A held answer: the request and the model's draft (pseudonymised), its events and explanation.")
        @OptionGroup var server: ServerOptions
        @Argument(help: "The determination id (det_…).") var id: String
        @Flag(help: "Show the person's values instead of placeholders (DPO only; recorded and logged).") var reidentify = false

        func run() async throws {
            let value = reidentify ? try await server.call(.POST, "/reviews/\(id)/reidentify", body: [:]) : try await server.call(.GET, "/reviews/\(id)")
            try server.print(value) {
                var lines = [Reviews.line(value)]
                if let request = value["content"]?["request"]?.stringValue { lines.append("request: \(request)") }
                if case .string(let draft)? = value["content"]?["draft"] { lines.append("draft: \(draft)") } else { lines.append("draft: none (no model was called: write the answer with amend)") }
                if let amended = value["content"]?["amended"]?.stringValue { lines.append("amended: \(amended)") }
                if let answer = value["answer"]?.stringValue { lines.append("released answer: \(answer)") }
                for event in value["events"]?.arrayValue ?? [] {
                    let who = event["principal"]?.stringValue ?? "thiqa"
                    let reason = event["reason"]?.stringValue.map { ": \($0)" } ?? ""
                    lines.append("  \(event["at"]?.stringValue ?? "") \(event["kind"]?.stringValue ?? "") by \(who)\(reason) (log \(event["log_index"]?.intValue ?? -1))")
                }
                if let summary = value["explanation"]?["summary"]?["text"]?.stringValue { lines.append("explanation: \(summary)") }
                return lines.joined(separator: "\n")
            }
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Approve the draft, or confirm the first reviewer's verdict as the second (a different person).")
        @OptionGroup var server: ServerOptions
        @Argument(help: "The determination id (det_…).") var id: String
        @Option(help: "A note for the record.") var note: String?

        func run() async throws {
            let value = try await server.call(.POST, "/reviews/\(id)/approve", body: .object(note.map { ["note": .string($0)] } ?? [:]))
            try server.print(value) { Reviews.line(value) }
        }
    }

    struct Amend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Replace the answer with your text; the reason is told to the person.")
        @OptionGroup var server: ServerOptions
        @Argument(help: "The determination id (det_…).") var id: String
        @Option(help: "The answer the person will receive.") var text: String
        @Option(help: "Why it was changed, in a sentence the person can read.") var reason: String

        func run() async throws {
            let value = try await server.call(.POST, "/reviews/\(id)/amend", body: ["text": .string(text), "reason": .string(reason)])
            try server.print(value) { Reviews.line(value) }
        }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Refuse the answer; the reason is told to the person.")
        @OptionGroup var server: ServerOptions
        @Argument(help: "The determination id (det_…).") var id: String
        @Option(help: "Why, in a sentence the person can read.") var reason: String

        func run() async throws {
            let value = try await server.call(.POST, "/reviews/\(id)/reject", body: ["reason": .string(reason)])
            try server.print(value) { Reviews.line(value) }
        }
    }

    struct Stop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Hold every answer of a use case for a human from the next call on (DPO or administrator).")
        @OptionGroup var server: ServerOptions
        @Argument(help: "TENANT/USE_CASE.") var useCase: String
        @Option(help: "Why (recorded; its digest is logged).") var reason: String

        func run() async throws {
            let value = try await server.call(.POST, "/oversight/\(useCase)/stop", body: ["reason": .string(reason)])
            try server.print(value) { "\(useCase): stopped; every answer is held for a human (log entry \(value["log_index"]?.intValue ?? -1))" }
        }
    }

    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Let a stopped use case answer again as its tier allows.")
        @OptionGroup var server: ServerOptions
        @Argument(help: "TENANT/USE_CASE.") var useCase: String

        func run() async throws {
            let value = try await server.call(.POST, "/oversight/\(useCase)/resume", body: [:])
            try server.print(value) { "\(useCase): resumed (log entry \(value["log_index"]?.intValue ?? -1))" }
        }
    }
}
