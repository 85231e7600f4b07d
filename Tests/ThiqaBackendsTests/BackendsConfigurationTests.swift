import Configuration
import Testing
import ThiqaBackends
import ThiqaCore

@Suite struct BackendsConfigurationTests {
    func load(_ values: [AbsoluteConfigKey: ConfigValue]) throws -> BackendsConfiguration {
        try BackendsConfiguration(config: ConfigReader(provider: InMemoryProvider(values: values)))
    }

    @Test func readsBackends() throws {
        let config = try load([
            "backends.ids": .init(.stringArray(["local", "paris"]), isSecret: false),
            "backends.local.url": "http://127.0.0.1:8081/v1/",
            "backends.local.models": .init(.stringArray(["gemma-3-270m"]), isSecret: false),
            "backends.local.jurisdiction": "ma",
            "backends.local.weight": 3,
            "backends.paris.url": "https://paris.example/v1",
            "backends.paris.models": "big,small",
            "backends.paris.jurisdiction": "FR",
        ])
        #expect(config.backends.map(\.id) == ["local", "paris"])
        #expect(config.backends[0].baseURL == "http://127.0.0.1:8081/v1")
        #expect(config.backends[0].jurisdiction.isSovereign)
        #expect(config.backends[0].weight == 3)
        #expect(config.backends[1].models == ["big", "small"])
    }

    @Test func errorsNameTheKey() throws {
        #expect(throws: ConfigurationError(key: "backends.a.jurisdiction", expected: "an ISO 3166-1 alpha-2 code such as MA", got: "Morocco")) {
            try load(["backends.ids": "a", "backends.a.url": "http://x/v1", "backends.a.models": "m", "backends.a.jurisdiction": "Morocco"])
        }
        #expect(throws: ConfigurationError(key: "backends.a.url", expected: "an http(s) URL such as http://127.0.0.1:8081/v1", got: "nothing")) {
            try load(["backends.ids": "a", "backends.a.models": "m", "backends.a.jurisdiction": "MA"])
        }
        do {
            _ = try load(["backends.ids": "a", "backends.a.url": "http://x/v1", "backends.a.models": "m", "backends.a.jurisdiction": "MA", "backends.a.weight": "heavy"])
            Issue.record("expected an error")
        } catch let error as ConfigurationError {
            #expect(error.key == "backends.a.weight")
            #expect(error.description.contains("BACKENDS_A_WEIGHT"))
        }
    }
}
