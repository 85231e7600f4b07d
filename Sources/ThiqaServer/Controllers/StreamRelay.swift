import Foundation
import ThiqaCore

/// Relays an upstream chat stream to the client event by event, learning what the record needs on the way
/// (usage, completion size, the answer text when content is kept) and holding back `[DONE]` so Thiqa can
/// add its final chunk.
struct StreamRelay {
    private var splitter = ServerSentEventSplitter()
    private(set) var usage: TokenUsage?
    private(set) var contentEvents = 0
    private(set) var sawDone = false
    private(set) var chunkID: String?
    private(set) var created: Int64?
    private(set) var model: String?
    private(set) var answer = ""
    let keepAnswer: Bool

    init(keepAnswer: Bool) {
        self.keepAnswer = keepAnswer
    }

    struct ChunkHead: Decodable {
        var id: String?
        var created: Int64?
        var model: String?
    }
    struct ChunkUsage: Decodable {
        var usage: TokenUsage?
        var choices: [Choice]?
        struct Choice: Decodable {
            var delta: Delta?
        }
        struct Delta: Decodable {
            var content: String?
        }
    }

    /// Returns the bytes to send for this upstream buffer (zero or more complete events).
    mutating func relay(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        for event in splitter.feed(bytes) {
            if event.isDone {
                sawDone = true
                continue
            }
            if chunkID == nil, let head = try? JSONDecoder().decode(ChunkHead.self, from: Data(event.data)) {
                chunkID = head.id
                created = head.created
                model = head.model
            }
            if Self.contains(event.data, #""usage""#) || keepAnswer {
                if let parsed = try? JSONDecoder().decode(ChunkUsage.self, from: Data(event.data)) {
                    if let usage = parsed.usage { self.usage = usage }
                    if keepAnswer { answer += parsed.choices?.compactMap { $0.delta?.content }.joined() ?? "" }
                    // Thiqa sends usage in its own final chunk; an upstream usage-only chunk would repeat it.
                    if parsed.usage != nil, parsed.choices?.isEmpty ?? true { continue }
                }
            }
            if Self.contains(event.data, #""content""#) && !Self.contains(event.data, #""content":null"#) && !Self.contains(event.data, #""content": null"#) {
                contentEvents += 1
            }
            out.append(contentsOf: ServerSentEventSplitter.frame(event.data))
        }
        return out
    }

    mutating func finish() -> [UInt8] {
        var out: [UInt8] = []
        for event in splitter.finish() where !event.isDone {
            out.append(contentsOf: ServerSentEventSplitter.frame(event.data))
        }
        return out
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
