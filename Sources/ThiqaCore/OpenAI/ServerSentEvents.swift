/// Splits an upstream `text/event-stream` into events, across arbitrary chunk boundaries.
public struct ServerSentEventSplitter: Sendable {
    private var pending: [UInt8] = []
    /// The most an unfinished event may hold: an upstream that never ends its events must not grow this buffer
    /// without bound.
    public let maxEventBytes: Int

    public init(maxEventBytes: Int = 4 << 20) {
        self.maxEventBytes = maxEventBytes
    }

    /// An upstream event longer than `maxEventBytes`.
    public struct EventTooLarge: Error, Sendable, CustomStringConvertible {
        public var limit: Int
        public var description: String { "an event of the model's stream is larger than \(limit) bytes" }
    }

    /// One event: the joined `data:` lines (a chat chunk's JSON, or `[DONE]`).
    public struct Event: Sendable, Equatable {
        public var data: [UInt8]
        public var isDone: Bool { data == Array("[DONE]".utf8) }
    }

    /// Appends bytes and returns every event completed by them.
    public mutating func feed(_ bytes: some Collection<UInt8>) throws(EventTooLarge) -> [Event] {
        pending.append(contentsOf: bytes)
        var events: [Event] = []
        var lineStart = 0
        var eventStart = 0
        var data: [UInt8] = []
        var hasData = false
        var index = 0
        let count = pending.count
        while index < count {
            guard pending[index] == 0x0A else {
                index += 1
                continue
            }
            var lineEnd = index
            if lineEnd > lineStart, pending[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if lineEnd == lineStart {
                // A blank line ends the event.
                if hasData { events.append(Event(data: data)) }
                data = []
                hasData = false
                eventStart = index + 1
            } else if Self.hasPrefix(pending, lineStart, lineEnd, "data:") {
                var valueStart = lineStart + 5
                if valueStart < lineEnd, pending[valueStart] == 0x20 { valueStart += 1 }
                if hasData { data.append(0x0A) }
                data.append(contentsOf: pending[valueStart..<lineEnd])
                hasData = true
            }
            index += 1
            lineStart = index
        }
        pending.removeFirst(eventStart)
        guard pending.count <= maxEventBytes else {
            pending = []
            throw EventTooLarge(limit: maxEventBytes)
        }
        return events
    }

    /// Whatever is left when the upstream closes without a final blank line.
    public mutating func finish() -> [Event] {
        guard !pending.isEmpty else { return [] }
        pending.append(contentsOf: [0x0A, 0x0A])
        return (try? feed([UInt8]())) ?? []
    }

    static func hasPrefix(_ bytes: [UInt8], _ start: Int, _ end: Int, _ prefix: StaticString) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard end - start >= length else { return false }
        let pointer = prefix.utf8Start
        for offset in 0..<length where bytes[start + offset] != pointer[offset] { return false }
        return true
    }

    /// Frames a payload as one event.
    public static func frame(_ data: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = Array("data: ".utf8)
        out.append(contentsOf: data)
        out.append(contentsOf: [0x0A, 0x0A])
        return out
    }
}
