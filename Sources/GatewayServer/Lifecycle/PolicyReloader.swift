import ServiceLifecycle
import UnixSignals

/// Reloads the policy on SIGHUP until shutdown.
struct PolicyReloader: Service {
    let gateway: Gateway

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            gateway.reload()
        }
    }
}
