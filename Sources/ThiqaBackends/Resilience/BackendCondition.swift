/// How Thiqa treats a backend that rate-limits, fails or slows down: the rules a production router needs, as
/// values with explicit instants, so they are tested without sleeping.
public struct ResiliencePolicy: Sendable, Equatable {
    /// A `Retry-After` longer than this is cut to it: a backend must not take itself out for an hour by mistake.
    public var maxCooldown: Duration = .seconds(60)
    /// Cool-down after a 429 without `Retry-After`: doubles with each one in a row, up to `maxCooldown`.
    public var baseCooldown: Duration = .seconds(1)
    /// Consecutive failures (5xx, connection, timeout, broken stream) that open the breaker.
    public var breakerConsecutiveFailures = 5
    /// Or this share of failures among the last `failureWindow` calls (with at least `minimumCalls` of them).
    public var breakerFailureRate = 0.5
    public var failureWindow = 20
    public var minimumCalls = 10
    /// How long an open breaker keeps the backend out before one call may try it (half-open).
    public var breakerOpenFor: Duration = .seconds(10)
    /// A backend whose p99 time to first byte (over the last `latencyWindow` answers) exceeds this loses weight.
    public var slowFirstByte: Duration = .seconds(2)
    public var latencyWindow = 50
    /// The weight a slow backend keeps, as a fraction.
    public var slowWeightFactor = 0.25

    public init() {}
}

/// What one backend has shown lately.
public struct BackendCondition: Sendable, Equatable {
    public enum Availability: Sendable, Equatable {
        case available
        /// The breaker's open time has passed: one call may try it; its outcome closes or reopens the breaker.
        case halfOpen
        case coolingDown(until: ContinuousClock.Instant)
        case breakerOpen(until: ContinuousClock.Instant)
    }

    public private(set) var coolingUntil: ContinuousClock.Instant?
    /// The last cool-down came from a 503 ("overloaded") rather than a 429 ("too many requests").
    public private(set) var cooledForOverload = false
    public private(set) var consecutiveRateLimits = 0
    public private(set) var consecutiveFailures = 0
    public private(set) var breakerOpenUntil: ContinuousClock.Instant?
    public private(set) var halfOpenInFlight = false
    /// Last outcomes, true for a failure, oldest first.
    public private(set) var recentFailures: [Bool] = []
    /// Last times to first byte, in milliseconds.
    public private(set) var firstByteMs: [Double] = []

    public init() {}

    public func availability(at now: ContinuousClock.Instant) -> Availability {
        if let until = breakerOpenUntil {
            if now < until { return .breakerOpen(until: until) }
            return halfOpenInFlight ? .breakerOpen(until: now) : .halfOpen
        }
        if let until = coolingUntil, now < until { return .coolingDown(until: until) }
        return .available
    }

    /// Called when a half-open backend is given its one trial call.
    public mutating func startTrial() {
        halfOpenInFlight = true
    }

    /// A 429 (or a 503 with `Retry-After`): cooled down for what it asked, bounded, or an exponential backoff.
    @discardableResult
    public mutating func rateLimited(
        retryAfter: Duration?, overload: Bool = false, at now: ContinuousClock.Instant, policy: ResiliencePolicy
    ) -> Duration {
        consecutiveRateLimits += 1
        cooledForOverload = overload
        let backoff = policy.baseCooldown * (1 << min(consecutiveRateLimits - 1, 16))
        let cooldown = min(policy.maxCooldown, max(.milliseconds(1), retryAfter ?? backoff))
        coolingUntil = now + cooldown
        // Saying "later" is not a fault: the breaker does not count it, and a trial that got it is over.
        halfOpenInFlight = false
        return cooldown
    }

    public mutating func failed(at now: ContinuousClock.Instant, policy: ResiliencePolicy) {
        consecutiveFailures += 1
        record(failure: true, policy: policy)
        let failures = recentFailures.filter { $0 }.count
        let rateTripped = recentFailures.count >= policy.minimumCalls
            && Double(failures) / Double(recentFailures.count) >= policy.breakerFailureRate
        if breakerOpenUntil != nil || consecutiveFailures >= policy.breakerConsecutiveFailures || rateTripped {
            // A failed trial reopens the breaker for another period.
            breakerOpenUntil = now + policy.breakerOpenFor
        }
        halfOpenInFlight = false
    }

    public mutating func succeeded(firstByte: Duration, policy: ResiliencePolicy) {
        consecutiveFailures = 0
        consecutiveRateLimits = 0
        coolingUntil = nil
        breakerOpenUntil = nil
        halfOpenInFlight = false
        record(failure: false, policy: policy)
        let (seconds, attoseconds) = firstByte.components
        firstByteMs.append(Double(seconds) * 1000 + Double(attoseconds) / 1e15)
        if firstByteMs.count > policy.latencyWindow { firstByteMs.removeFirst(firstByteMs.count - policy.latencyWindow) }
    }

    private mutating func record(failure: Bool, policy: ResiliencePolicy) {
        recentFailures.append(failure)
        if recentFailures.count > policy.failureWindow { recentFailures.removeFirst(recentFailures.count - policy.failureWindow) }
    }

    /// p99 of the recent times to first byte (nil before 10 answers).
    public var p99FirstByteMs: Double? {
        guard firstByteMs.count >= 10 else { return nil }
        let sorted = firstByteMs.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.99).rounded(.up)) - 1)]
    }

    /// The share of its configured weight the backend keeps: slow backends (p99 first byte over the threshold) lose most.
    public func weightFactor(policy: ResiliencePolicy) -> Double {
        guard let p99 = p99FirstByteMs else { return 1 }
        let (seconds, attoseconds) = policy.slowFirstByte.components
        let threshold = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return p99 > threshold ? policy.slowWeightFactor : 1
    }

    /// A short word for `/metrics` and `thiqa backends`.
    public func state(at now: ContinuousClock.Instant) -> String {
        switch availability(at: now) {
        case .available: return "closed"
        case .halfOpen: return "half_open"
        case .coolingDown: return "cooling_down"
        case .breakerOpen: return "open"
        }
    }
}
