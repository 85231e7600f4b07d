import Configuration
import Testing
import ThiqaBackends
import ThiqaServer
import ThiqaStorage

@Suite struct ConfigurationTests {
    func load(_ values: [AbsoluteConfigKey: ConfigValue]) throws -> ThiqaConfiguration {
        try ThiqaConfiguration(config: ConfigReader(provider: InMemoryProvider(values: values)))
    }

    @Test func defaultsAreUsable() throws {
        let configuration = try load([:])
        #expect(configuration.port == 8080)
        #expect(configuration.storage == .sqlite(path: "data/thiqa.sqlite"))
    }

    @Test func badValuesNameTheKeyAndTheExpectedForm() throws {
        let cases: [(AbsoluteConfigKey, ConfigValue, String)] = [
            ("http.port", "eighty", "http.port"),
            ("http.port", 70000, "http.port"),
            ("storage.driver", "mysql", "storage.driver"),
            ("log.level", "loud", "log.level"),
            ("limits.maxBodyBytes", 10, "limits.maxBodyBytes"),
            ("privacy.conversationTtlMs", "forever", "privacy.conversationTtlMs"),
        ]
        for (key, value, expectedKey) in cases {
            do {
                _ = try load([key: value])
                Issue.record("\(key) = \(value) was accepted")
            } catch let error as ConfigurationError {
                #expect(error.key == expectedKey)
                #expect(error.description.contains("expected"))
            }
        }
        #expect(throws: ConfigurationError.self) { try load(["storage.driver": "postgres"]) }
    }
}
