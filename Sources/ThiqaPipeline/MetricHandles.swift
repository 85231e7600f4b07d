import Metrics
import Synchronization

/// Metric handles made once per label set and reused. Making a `Timer` or `Counter` asks the metrics factory,
/// which looks the series up under its lock and allocates a handle: issue 15 counts three of them per call on the
/// hot path (duration, two token counters), for label sets that take a handful of values.
enum MetricHandles {
    private struct Key: Hashable {
        var first: String
        var second: String
    }

    private static let durations = Mutex<[Key: Timer]>([:])
    private static let tokens = Mutex<[Key: Counter]>([:])

    /// `thiqa_request_duration_seconds{endpoint, outcome}`.
    static func requestDuration(endpoint: String, outcome: String) -> Timer {
        let key = Key(first: endpoint, second: outcome)
        if let known = durations.withLock({ $0[key] }) { return known }
        let timer = Timer(label: "thiqa_request_duration_seconds", dimensions: [("endpoint", endpoint), ("outcome", outcome)])
        durations.withLock { $0[key] = timer }
        return timer
    }

    /// `thiqa_tokens_total{model, kind}`. Models are named by configuration, but a client may send any name:
    /// past 256 series the handle is made each time instead of kept.
    static func tokens(model: String, kind: String) -> Counter {
        let key = Key(first: model, second: kind)
        if let known = tokens.withLock({ $0[key] }) { return known }
        let counter = Counter(label: "thiqa_tokens_total", dimensions: [("model", model), ("kind", kind)])
        tokens.withLock { if $0.count < 256 { $0[key] = counter } }
        return counter
    }
}
