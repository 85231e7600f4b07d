import Synchronization
import ThiqaKnowledge

/// What the assistant remembers of a conversation between turns: the procedure being discussed (so that "w bchhal?"
/// is answered about it), its language and how many turns it had (the web chat shows the AI disclosure on the
/// first only). Kept in memory, per caller key and conversation id, bounded in size and time: it holds no message
/// text, only a procedure id, and a restart forgets it (the OpenAI API's resent history still resolves follow-ups).
public final class ConversationMemory: Sendable {
    public struct Entry: Sendable, Hashable {
        public var procedureID: String?
        public var language: LanguageForm
        public var turns: Int
        var lastSeen: ContinuousClock.Instant
    }

    private let entries = Mutex<[String: Entry]>([:])
    public let capacity: Int
    public let timeToLive: Duration

    public init(capacity: Int = 50_000, timeToLive: Duration = .seconds(2 * 3600)) {
        self.capacity = capacity
        self.timeToLive = timeToLive
    }

    /// The key of a conversation: the caller's key id (one caller cannot read another's) and its conversation id.
    public static func key(caller: String, conversation: String) -> String { caller + "\u{1F}" + conversation }

    public func entry(_ key: String, now: ContinuousClock.Instant = .now) -> Entry? {
        entries.withLock { entries in
            guard let entry = entries[key] else { return nil }
            guard now - entry.lastSeen <= timeToLive else {
                entries[key] = nil
                return nil
            }
            return entry
        }
    }

    /// Records a turn: the procedure answered (a turn that abstained keeps the previous one), its language.
    public func remember(_ key: String, procedureID: String?, language: LanguageForm, now: ContinuousClock.Instant = .now) {
        entries.withLock { entries in
            var entry = entries[key].flatMap { now - $0.lastSeen <= timeToLive ? $0 : nil }
                ?? Entry(procedureID: nil, language: language, turns: 0, lastSeen: now)
            if let procedureID { entry.procedureID = procedureID }
            entry.language = language
            entry.turns += 1
            entry.lastSeen = now
            if entries[key] == nil, entries.count >= capacity { Self.evict(&entries, now: now, timeToLive: timeToLive) }
            entries[key] = entry
        }
    }

    /// Drops expired entries, and the oldest tenth when none has expired.
    static func evict(_ entries: inout [String: Entry], now: ContinuousClock.Instant, timeToLive: Duration) {
        let before = entries.count
        entries = entries.filter { now - $0.value.lastSeen <= timeToLive }
        guard entries.count == before else { return }
        let oldest = entries.sorted { $0.value.lastSeen < $1.value.lastSeen }.prefix(max(1, before / 10)).map(\.key)
        for key in oldest { entries[key] = nil }
    }

    public var count: Int { entries.withLock { $0.count } }
}
