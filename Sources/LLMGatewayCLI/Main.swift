import Foundation
import NIOCore
import NIOPosix

/// The entry point. Before anything async runs, NIO's event loops become Swift
/// Concurrency's global executor, so a request's tasks run on the event loop threads
/// that do its I/O instead of hopping between two thread pools (each hop is a thread
/// wake-up). `LLM_GATEWAY_SWIFT_EXECUTOR=1` keeps Swift's own executor.
@main
enum Main {
    static func main() async {
        if ProcessInfo.processInfo.environment["LLM_GATEWAY_SWIFT_EXECUTOR"] != "1" {
            NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        }
        await LLMGateway.main()
    }
}
