import Configuration
import ThiqaBackends
import ThiqaOversight

/// Human oversight's settings.
///
/// Keys:
/// - `oversight.pollIntervalMs`: how often the stop switches and review settings are read again, so a stop made on
///   another replica applies here within this long (1000)
/// - `oversight.escalationIntervalMs`: how often held determinations past their deadline are escalated (60000)
/// - `oversight.outcomeRetentionSeconds`: how long a released answer stays sealed for the caller and the person to
///   fetch (604800: seven days)
/// - `oversight.webhookIntervalMs`: how often due webhook deliveries are attempted (1000)
/// - `oversight.webhookRetryBaseMs`: the wait after a webhook's first failed attempt, doubled after each further one,
///   at most an hour; eight attempts in all (10000)
public struct OversightConfiguration: Sendable, Equatable {
    public var pollIntervalMs: Int
    public var escalationIntervalMs: Int
    public var outcomeRetentionSeconds: Int
    public var webhookIntervalMs: Int
    public var webhookRetryBaseMs: Int

    public init(
        pollIntervalMs: Int = 1000, escalationIntervalMs: Int = 60_000, outcomeRetentionSeconds: Int = 604_800, webhookIntervalMs: Int = 1000,
        webhookRetryBaseMs: Int = 10_000
    ) {
        self.pollIntervalMs = pollIntervalMs
        self.escalationIntervalMs = escalationIntervalMs
        self.outcomeRetentionSeconds = outcomeRetentionSeconds
        self.webhookIntervalMs = webhookIntervalMs
        self.webhookRetryBaseMs = webhookRetryBaseMs
    }

    /// The retries of a webhook delivery.
    public var retrySchedule: RetrySchedule { RetrySchedule(base: .milliseconds(self.webhookRetryBaseMs)) }

    public init(config: ConfigReader) throws {
        let reader = StrictConfigReader(config, prefix: "oversight")
        self.pollIntervalMs = try reader.int("pollIntervalMs", default: 1000, range: 10...3_600_000)
        self.escalationIntervalMs = try reader.int("escalationIntervalMs", default: 60_000, range: 10...86_400_000)
        self.outcomeRetentionSeconds = try reader.int("outcomeRetentionSeconds", default: 604_800, range: 60...31_536_000)
        self.webhookIntervalMs = try reader.int("webhookIntervalMs", default: 1000, range: 10...3_600_000)
        self.webhookRetryBaseMs = try reader.int("webhookRetryBaseMs", default: 10_000, range: 10...3_600_000)
    }
}
