import Foundation

/// The bundled model served by llama.cpp, for end-to-end tests: `make test` starts it and sets
/// `THIQA_TEST_MODEL_URL`; without it, `scripts/model-server start 18081` is run.
public enum TestModel {
    public static let name = "gemma-3-270m"

    static let cachedURL: Result<String, any Error> = Result {
        if let url = ProcessInfo.processInfo.environment["THIQA_TEST_MODEL_URL"], !url.isEmpty { return url }
        _ = try TestStores.runScript("model-server", arguments: ["start", "18081"])
        return "http://127.0.0.1:18081/v1"
    }

    /// Base URL with `/v1`.
    public static func baseURL() throws -> String { try cachedURL.get() }
}

extension TestModel {
    /// Runs `body` holding one of two turns at the bundled model. The llama.cpp server answers one call at a time and
    /// queues the rest; with every suite's gateway tests calling it at once, a queue longer than HummingbirdTesting's
    /// fixed 20 s client read timeout failed tests that had done nothing wrong (seen in CI: two `.readTimeout`s in a
    /// 49 s suite). Two turns keep the server busy while one test does its non-model work.
    public static func withTurn<Value>(_ body: () async throws -> Value) async throws -> Value {
        await ModelTurns.shared.acquire()
        do {
            let value = try await body()
            await ModelTurns.shared.release()
            return value
        } catch {
            await ModelTurns.shared.release()
            throw error
        }
    }
}

/// A counting semaphore for `TestModel.withTurn`, first come first served.
actor ModelTurns {
    static let shared = ModelTurns(turns: 2)

    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(turns: Int) { self.available = turns }

    func acquire() async {
        if self.available > 0 {
            self.available -= 1
            return
        }
        await withCheckedContinuation { self.waiting.append($0) }
    }

    func release() {
        if self.waiting.isEmpty {
            self.available += 1
        } else {
            self.waiting.removeFirst().resume()
        }
    }
}
