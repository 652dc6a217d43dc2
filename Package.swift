// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "sales-agent-engine",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "llm-gateway", targets: ["LLMGatewayCLI"]),
        .executable(name: "sales-agent", targets: ["SalesAgentCLI"]),
        // The parsers `Fuzz/` (a separate package) drives with libFuzzer.
        .library(name: "JSONCore", targets: ["JSONCore"]),
        .library(name: "GatewayCore", targets: ["GatewayCore"]),
        .library(name: "GatewayProviders", targets: ["GatewayProviders"]),
        .library(name: "SalesCore", targets: ["SalesCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-http2.git", from: "1.46.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
    ],
    targets: [
        // The project's one lock type: Synchronization.Mutex, or a pthread mutex ThreadSanitizer
        // can see when built with TSAN_VISIBLE_LOCKS=1 in the environment (scripts/sanitizers.sh).
        .target(
            name: "Locking",
            dependencies: [.product(name: "NIOConcurrencyHelpers", package: "swift-nio")],
            swiftSettings: Context.environment["TSAN_VISIBLE_LOCKS"] == "1" ? [.define("TSAN_VISIBLE_LOCKS")] : []
        ),
        // One JSON value type and a strict parser with size and depth limits, linear in
        // its input; used by every JSON entry point of both processes. No dependencies.
        .target(name: "JSONCore"),
        .testTarget(name: "JSONCoreTests", dependencies: ["JSONCore", "SeededRandom"]),
        // The limits both servers put on client connections: head, body and idle timeouts, a
        // connection cap under the descriptor limit, JSON errors below the router.
        .target(
            name: "HTTPServerGuards",
            dependencies: [
                "Locking",
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "HTTPServerGuardsTests", dependencies: ["HTTPServerGuards", .product(name: "NIOEmbedded", package: "swift-nio")]),
        // A log handler wrapper that escapes control characters in every logged field.
        .target(name: "SafeLogging", dependencies: [.product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "SafeLoggingTests", dependencies: ["SafeLogging", "Locking", .product(name: "Logging", package: "swift-log")]),
        // Reads YAML configuration with errors that name file, line and field.
        .target(
            name: "YAMLConfig",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // Benchmark reporting: latency summaries, SVG charts, progress lines. No I/O but stderr.
        .target(name: "BenchKit", dependencies: ["Locking"]),
        // The distilled all-MiniLM-L6-v2 token table, linked into every binary that uses
        // `Embeddings` through `.incbin` (see Sources/Embeddings/README.md).
        .target(
            name: "CEmbeddingsTable",
            exclude: ["minilm-l6-v2-static.bin", "LICENSE", "NOTICE"],
            cSettings: [.headerSearchPath(".")]
        ),
        // Local sentence embeddings: BERT's WordPiece tokenizer and the static table behind
        // `Embedder`, for the semantic cache and the local engine. Standard library only.
        .target(
            name: "Embeddings",
            dependencies: ["CEmbeddingsTable"],
            exclude: ["README.md"],
            linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]
        ),
        .testTarget(name: "EmbeddingsTests", dependencies: ["Embeddings"], exclude: ["Fixtures"]),
        // Table load time and embed latency per message length: `swift run -c release EmbeddingsBench`.
        .executableTarget(name: "EmbeddingsBench", dependencies: ["Embeddings", "BenchKit"]),
        // The agent's pure core: vocabulary, playbook and selector, reconcile, repair,
        // prompts, golden files and evaluation. No networking, no database.
        // The one seeded generator (SplitMix64) every target draws reproducible numbers from.
        .target(name: "SeededRandom"),
        .target(
            name: "SalesCore",
            dependencies: ["JSONCore", "YAMLConfig", "SeededRandom", "Locking"]
        ),
        // The agent's offline engine: slot extractor, situation classifier, template replies.
        .target(name: "LocalEngine", dependencies: ["JSONCore", "SalesCore", "Embeddings", "SeededRandom"]),
        .testTarget(name: "LocalEngineTests", dependencies: ["LocalEngine", "SalesCore", "Embeddings", "TestSupport", "SeededRandom"]),
        // The local engine's per-turn latency on golden files: `swift run -c release LocalEngineBench golden/test.jsonl`.
        .executableTarget(name: "LocalEngineBench", dependencies: ["LocalEngine", "SalesCore", "Embeddings", "BenchKit"]),
        // The sales agent: gateway client, turn pipeline, sessions (memory + SQLite), HTTP API.
        .target(
            name: "SalesAgent",
            dependencies: [
                "HTTPServerGuards",
                "JSONCore",
                "SalesCore",
                "LocalEngine",
                "Embeddings",
                "GatewayCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Pure core: canonical model, policy, resilience state machines, error taxonomy.
        // Imports no networking or database module.
        .target(
            name: "GatewayCore",
            dependencies: [
                "JSONCore",
                "SeededRandom",
                "YAMLConfig",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),
        // The cache's pure core: canonical request keys, the cached answer and its codec, the
        // byte-bounded LRU, single-flight, the Redis breaker, and the semantic tier (normalised
        // text, guards, vector buckets, calibration). No networking, no database.
        .target(
            name: "GatewayCache",
            dependencies: [
                "Locking",
                "GatewayCore",
                "SeededRandom",
                "JSONCore",
                "Embeddings",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // hiredis (Debian libhiredis-dev) as a system library for the Redis cache store. No
        // `pkgConfig:`: hiredis.pc only adds -D_FILE_OFFSET_BITS=64, which SwiftPM rejects with a
        // warning on every build; the header is found as <hiredis/hiredis.h> in /usr/include.
        .systemLibrary(
            name: "CHiredis",
            providers: [.apt(["libhiredis-dev"])]
        ),
        // The cache's I/O: the Redis store over hiredis on its own threads, the SQLite snapshot.
        .target(
            name: "GatewayCacheStores",
            dependencies: [
                "Locking",
                "GatewayCache",
                "GatewayCore",
                "CHiredis",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The semantic bucket search (exact scan vs IVF) by size: `swift run -c release SemanticIndexBench`.
        .executableTarget(name: "SemanticIndexBench", dependencies: ["GatewayCache", "GatewayCore", "BenchKit", "SeededRandom", "Embeddings"]),
        .testTarget(
            name: "GatewayCacheTests",
            dependencies: ["Locking", "GatewayCache", "GatewayCore", "Embeddings", "SeededRandom", "TestSupport"]
        ),
        .testTarget(
            name: "GatewayCacheStoreTests",
            dependencies: [
                "Locking",
                "TestSupport",
                "GatewayTesting",
                "GatewayCacheStores",
                "GatewayCache",
                "GatewayCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Provider adapters: wire types, pure mappings, and one thin I/O file per vendor.
        .target(
            name: "GatewayProviders",
            dependencies: [
                "GatewayCore",
                "JSONCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The provider simulator: latency model, faults and responders on raw SwiftNIO.
        .target(
            name: "Simulator",
            dependencies: [
                "JSONCore",
                "SeededRandom",
                "YAMLConfig",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                // TLS with ALPN h2 + http/1.1 on a certificate made at start (issue 12 §3).
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOHTTP2", package: "swift-nio-http2"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The gateway server: Hummingbird ingress, routing engine, health and metrics.
        .target(
            name: "GatewayServer",
            dependencies: [
                "Locking",
                "GatewayCore",
                "GatewayProviders",
                "HTTPServerGuards",
                "JSONCore",
                "GatewayCache",
                "GatewayCacheStores",
                "Embeddings",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                "YAMLConfig",
            ]
        ),
        // Test support without dependencies: CPU-heavy test work on a thread of its own, so the
        // cooperative pool stays free for the loopback tests running beside it.
        .target(name: "TestSupport"),
        // Test support: a real simulator and gateway on loopback ports for tests to drive.
        .target(
            name: "GatewayTesting",
            dependencies: [
                "Locking",
                "TestSupport",
                "GatewayCore",
                "GatewayServer",
                "Simulator",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The gateway's load bench: open- and closed-loop load generator, scenarios, reports,
        // and the child processes (simulator, gateway, peers) it measures.
        .target(
            name: "LoadBench",
            dependencies: [
                "Locking",
                "BenchKit",
                "Embeddings",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),
        .testTarget(
            name: "LoadBenchTests",
            dependencies: [
                "LoadBench",
                "BenchKit",
                "GatewayCore",
                "Simulator",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .executableTarget(
            name: "LLMGatewayCLI",
            dependencies: [
                "SafeLogging",
                "JSONCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                "LoadBench",
                "GatewayCore",
                "GatewayCache",
                "GatewayServer",
                "Embeddings",
                "Simulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "SalesAgentCLI",
            dependencies: [
                "SafeLogging",
                "SalesAgent",
                "HTTPServerGuards",
                "BenchKit",
                "LoadBench",
                "SalesCore",
                "LocalEngine",
                "Embeddings",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "SalesAgentTests",
            dependencies: [
                "Locking",
                "SalesAgent",
                "GatewayTesting",
                "TestSupport",
                "HTTPServerGuards",
                "SalesCore",
                "LocalEngine",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "AgentLoopbackTests",
            dependencies: [
                "SalesAgent",
                "SalesCore",
                "GatewayTesting",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(
            name: "GatewayCoreTests",
            dependencies: ["GatewayCore", "GatewayProviders", "YAMLConfig"]
        ),
        .testTarget(
            name: "ProviderTests",
            dependencies: [
                "GatewayCore",
                "GatewayProviders",
                "Simulator",
                "JSONCore",
                "SeededRandom",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "SalesCoreTests",
            dependencies: ["SalesCore", "YAMLConfig", "SeededRandom", "TestSupport"]
        ),
        .testTarget(
            name: "SimulatorTests",
            dependencies: [
                "Simulator",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "GatewayLoopbackTests",
            dependencies: [
                "Locking",
                "GatewayTesting",
                "GatewayCore",
                "GatewayProviders",
                "GatewayServer",
                "Simulator",
                "YAMLConfig",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
