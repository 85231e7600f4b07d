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
