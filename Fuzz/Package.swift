// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets for every parser of both processes. A separate package so the main
// build and `swift test` are untouched; built by `scripts/fuzz.sh` with
// `-Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld` (see README.md).
let package = Package(
    name: "gateway-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "sales-agent-engine", path: ".."),
        // Resolved to the root package's version; the targets build ByteBuffers.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // One function per parser: bytes in, no trap, invariants checked. No libFuzzer here.
        .target(
            name: "FuzzTargets",
            dependencies: [
                .product(name: "JSONCore", package: "sales-agent-engine"),
                .product(name: "GatewayCore", package: "sales-agent-engine"),
                .product(name: "GatewayProviders", package: "sales-agent-engine"),
                .product(name: "SalesCore", package: "sales-agent-engine"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // The libFuzzer binary: `gateway-fuzz <target> [libFuzzer flags] [corpus dirs]`.
        .executableTarget(name: "GatewayFuzz", dependencies: ["FuzzTargets"]),
    ],
    swiftLanguageModes: [.v6]
)
