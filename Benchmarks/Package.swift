// swift-tools-version:6.1
import PackageDescription

// In-process benchmarks of the gateway's hot path with ordo-one/benchmark: CPU, wall clock
// and mallocs per operation for the ingress decode, the chunk relay and the policy lookup.
// A separate package so the main build and `swift test` are untouched. Run from the repo root:
//   swift package --package-path Benchmarks benchmark
// (see docs/bench/hotpath.md, "In-process benchmarks").
let package = Package(
    name: "gateway-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "sales-agent-engine", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
        // Resolved to the root package's version; the benchmarks build ByteBuffers.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        .executableTarget(
            name: "Hotpath",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "GatewayCore", package: "sales-agent-engine"),
                .product(name: "GatewayProviders", package: "sales-agent-engine"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Benchmarks/Hotpath",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
