import Crypto
import Foundation
import ThiqaCore
import ThiqaPrivacy

/// Relays an upstream chat stream to the client event by event, learning what the record needs on the way
/// (usage, completion size, the answer text when content is kept) and holding back `[DONE]` so Thiqa can
/// add its final chunk.
struct StreamRelay: Sendable {
    private var splitter = ServerSentEventSplitter()
    private(set) var usage: TokenUsage?
    private(set) var contentEvents = 0
    private(set) var sawDone = false
    private(set) var chunkID: String?
    private(set) var created: Int64?
    private(set) var model: String?
    private(set) var answer = ""
    let keepAnswer: Bool
    static let maxKeptAnswerBytes = 4 << 20
    /// Placeholders to restore in what the user reads; empty when nothing was masked (the fast path).
    let mapping: PseudonymMapping
    private var restorers: [Int64: StreamingPlaceholderRestorer] = [:]
    /// SHA-256 over the answer exactly as the model sent it (pseudonymised): what the log commits to.
    private var digest = SHA256()
    var answerSHA256: String { digest.finalize().hexString }

    init(keepAnswer: Bool, mapping: PseudonymMapping = PseudonymMapping()) {
        self.keepAnswer = keepAnswer || !mapping.isEmpty
        self.mapping = mapping
    }

    /// Returns the bytes to send for this upstream buffer (zero or more complete events). Each event is parsed at
    /// most once, and only when something must be read from it (its head, usage, kept answer text, placeholders).
    mutating func relay(_ bytes: some Collection<UInt8>) throws -> [UInt8] {
        digest.update(data: Array(bytes))
        var out: [UInt8] = []
        for event in try splitter.feed(bytes) {
            if event.isDone {
                sawDone = true
                continue
            }
            let hasUsage = Self.contains(event.data, #""usage""#)
            let hasContent = Self.contains(event.data, #""content""#) && !Self.contains(event.data, #""content":null"#)
                && !Self.contains(event.data, #""content": null"#)
            var parsed: JSONValue?
            if chunkID == nil || hasUsage || (keepAnswer && hasContent) {
                parsed = try? JSONValue.parse(event.data)
            }
            if let parsed {
                if chunkID == nil {
                    chunkID = parsed["id"]?.stringValue
                    created = parsed["created"]?.intValue
                    model = parsed["model"]?.stringValue
                }
                let choices = parsed["choices"]?.arrayValue ?? []
                if keepAnswer {
                    for choice in choices {
                        // What is kept of an answer is bounded like a complete answer: a stream that never ends
                        // must not grow this buffer without limit.
                        if let text = choice["delta"]?["content"]?.stringValue, answer.utf8.count < Self.maxKeptAnswerBytes { answer += text }
                    }
                }
                if hasUsage, let usageValue = parsed["usage"], let usage = TokenUsage(json: usageValue) {
                    self.usage = usage
                    // Thiqa sends usage in its own final chunk; an upstream usage-only chunk would repeat it.
                    if choices.isEmpty { continue }
                }
            }
            if hasContent { contentEvents += 1 }
            if !mapping.isEmpty, hasContent, let restored = restore(parsed ?? (try? JSONValue.parse(event.data))) {
                out.append(contentsOf: ServerSentEventSplitter.frame(restored))
                continue
            }
            out.append(contentsOf: ServerSentEventSplitter.frame(event.data))
        }
        return out
    }

    mutating func finish() -> [UInt8] {
        var out: [UInt8] = []
        for event in splitter.finish() where !event.isDone {
            out.append(contentsOf: ServerSentEventSplitter.frame(mapping.isEmpty ? event.data : (restore(try? JSONValue.parse(event.data)) ?? event.data)))
        }
        // Text held back because it might have been the start of a placeholder.
        for index in restorers.keys.sorted() {
            guard var restorer = restorers[index] else { continue }
            let tail = restorer.finish()
            restorers[index] = restorer
            guard !tail.isEmpty else { continue }
            let chunk: JSONValue = .object([
                "id": .string(chunkID ?? ""), "object": .string("chat.completion.chunk"), "created": .int(created ?? 0),
                "model": .string(model ?? ""),
                "choices": .array([.object(["index": .int(index), "delta": .object(["content": .string(tail)]), "finish_reason": .null])]),
            ])
            if let bytes = try? chunk.encoded() { out.append(contentsOf: ServerSentEventSplitter.frame(bytes)) }
        }
        return out
    }

    /// Rewrites a chunk so its content deltas carry real values instead of placeholders; a placeholder split
    /// across chunks is held back until complete.
    private mutating func restore(_ parsed: JSONValue?) -> [UInt8]? {
        guard var json = parsed, case .array(var choices)? = json["choices"] else { return nil }
        var touched = false
        for position in choices.indices {
            guard case .object(var choice) = choices[position], case .object(var delta)? = choice["delta"],
                case .string(let content)? = delta["content"]
            else { continue }
            let index = choice["index"]?.intValue ?? Int64(position)
            var restorer = restorers[index] ?? StreamingPlaceholderRestorer(mapping: mapping)
            delta["content"] = .string(restorer.feed(content))
            restorers[index] = restorer
            choice["delta"] = .object(delta)
            choices[position] = .object(choice)
            touched = true
        }
        guard touched else { return nil }
        json["choices"] = .array(choices)
        return try? json.encoded()
    }

    static func contains(_ haystack: [UInt8], _ needle: StaticString) -> Bool {
        let length = needle.utf8CodeUnitCount
        guard haystack.count >= length else { return false }
        let pointer = needle.utf8Start
        let first = pointer[0]
        var index = 0
        let last = haystack.count - length
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < length, haystack[index + offset] == pointer[offset] { offset += 1 }
                if offset == length { return true }
            }
            index += 1
        }
        return false
    }
}
