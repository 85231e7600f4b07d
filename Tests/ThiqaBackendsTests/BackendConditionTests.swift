import Testing
import ThiqaBackends

/// The rules for a backend that rate-limits, fails or slows down, with explicit instants: no test sleeps.
@Suite struct BackendConditionTests {
    let policy = ResiliencePolicy()
    let start = ContinuousClock.now

    @Test func aRetryAfterIsHonouredButBounded() {
        var condition = BackendCondition()
        #expect(condition.rateLimited(retryAfter: .seconds(7), at: start, policy: policy) == .seconds(7))
        #expect(condition.availability(at: start + .seconds(6)) == .coolingDown(until: start + .seconds(7)))
        #expect(condition.availability(at: start + .seconds(7)) == .available)
        #expect(condition.rateLimited(retryAfter: .seconds(3600), at: start, policy: policy) == .seconds(60), "an hour is cut to the bound")
    }

    @Test func withoutRetryAfterTheCooldownDoublesAndResetsOnSuccess() {
        var condition = BackendCondition()
        #expect(condition.rateLimited(retryAfter: nil, at: start, policy: policy) == .seconds(1))
        #expect(condition.rateLimited(retryAfter: nil, at: start, policy: policy) == .seconds(2))
        #expect(condition.rateLimited(retryAfter: nil, at: start, policy: policy) == .seconds(4))
        condition.succeeded(firstByte: .milliseconds(5), policy: policy)
        #expect(condition.rateLimited(retryAfter: nil, at: start, policy: policy) == .seconds(1))
    }

    @Test func consecutiveFailuresOpenTheBreakerThenOneTrialDecides() {
        var condition = BackendCondition()
        for _ in 0..<4 { condition.failed(at: start, policy: policy) }
        #expect(condition.availability(at: start) == .available, "four failures are not yet five")
        condition.failed(at: start, policy: policy)
        #expect(condition.availability(at: start + .seconds(9)) == .breakerOpen(until: start + .seconds(10)))
        #expect(condition.availability(at: start + .seconds(10)) == .halfOpen)
        condition.startTrial()
        #expect(condition.availability(at: start + .seconds(10)) != .halfOpen, "one trial at a time")
        // A failed trial reopens it; a good one closes it.
        condition.failed(at: start + .seconds(10), policy: policy)
        #expect(condition.availability(at: start + .seconds(15)) == .breakerOpen(until: start + .seconds(20)))
        condition.succeeded(firstByte: .milliseconds(5), policy: policy)
        #expect(condition.availability(at: start + .seconds(15)) == .available)
    }

    @Test func aHighFailureRateOpensTheBreakerEvenWithoutAStreak() {
        var condition = BackendCondition()
        for index in 0..<11 {
            if index % 2 == 0 { condition.failed(at: start, policy: policy) } else { condition.succeeded(firstByte: .milliseconds(5), policy: policy) }
        }
        #expect(condition.consecutiveFailures < 5)
        if case .breakerOpen = condition.availability(at: start) {} else { Issue.record("half of the last calls failed: the breaker should be open") }
    }

    @Test func aSlowBackendLosesWeight() {
        var fast = BackendCondition()
        var slow = BackendCondition()
        for _ in 0..<20 {
            fast.succeeded(firstByte: .milliseconds(40), policy: policy)
            slow.succeeded(firstByte: .milliseconds(3000), policy: policy)
        }
        #expect(fast.weightFactor(policy: policy) == 1)
        #expect(slow.weightFactor(policy: policy) == policy.slowWeightFactor)
        #expect(slow.state(at: start) == "closed", "slow is not broken")
    }
}
