import Testing
@testable import ThiqaCore

@Suite struct BackendSelectionTests {
    func backend(_ id: String, _ jurisdiction: String, models: [String] = ["m"], weight: Int = 1) throws -> BackendDescriptor {
        BackendDescriptor(id: id, baseURL: "http://x/v1", models: models, jurisdiction: try Jurisdiction(jurisdiction), weight: weight)
    }

    @Test func unknownModel() throws {
        let verdict = BackendSelection.plan(model: "other", allowed: [.sovereign], candidates: [.init(backend: try backend("a", "MA"), healthy: true)], ticket: 0)
        #expect(verdict == .unknownModel)
    }

    @Test func foreignBackendIsNeverPlannedForASovereignUseCase() throws {
        let candidates = [BackendSelection.Candidate(backend: try backend("paris", "FR"), healthy: true)]
        guard case .noneEligible(let reason) = BackendSelection.plan(model: "m", allowed: [.sovereign], candidates: candidates, ticket: 0) else {
            Issue.record("expected noneEligible")
            return
        }
        #expect(reason.contains("FR"))
        #expect(reason.contains("MA"))
    }

    @Test func unhealthyOnlyGivesAReason() throws {
        let candidates = [BackendSelection.Candidate(backend: try backend("rabat", "MA"), healthy: false)]
        guard case .noneEligible(let reason) = BackendSelection.plan(model: "m", allowed: [.sovereign], candidates: candidates, ticket: 0) else {
            Issue.record("expected noneEligible")
            return
        }
        #expect(reason.contains("rabat"))
    }

    @Test func weightsShareTraffic() throws {
        let candidates = [
            BackendSelection.Candidate(backend: try backend("a", "MA", weight: 3), healthy: true),
            BackendSelection.Candidate(backend: try backend("b", "MA", weight: 1), healthy: true),
            BackendSelection.Candidate(backend: try backend("foreign", "FR", weight: 100), healthy: true),
        ]
        var firsts: [String: Int] = [:]
        for ticket in 0..<400 {
            guard case .route(let plan) = BackendSelection.plan(model: "m", allowed: [.sovereign], candidates: candidates, ticket: UInt64(ticket)) else {
                Issue.record("expected a route")
                return
            }
            #expect(plan.count == 2, "failover list holds every other eligible backend")
            #expect(!plan.contains { $0.id == "foreign" })
            firsts[plan[0].id, default: 0] += 1
        }
        #expect(firsts["a"] == 300)
        #expect(firsts["b"] == 100)
    }
}
