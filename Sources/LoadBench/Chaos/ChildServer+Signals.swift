import Foundation

extension ChildServer {
    /// Sends `signal` (SIGHUP, SIGKILL) to the child if it is still running.
    func send(signal: Int32) {
        if process.isRunning { kill(process.processIdentifier, signal) }
    }

    /// SIGKILL, then waits (up to ten seconds) until the process is gone and removes its log.
    func kill9() async {
        send(signal: SIGKILL)
        let deadline = ContinuousClock.now + .seconds(10)
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        await stop()
    }

    /// The port of `url` (`http://127.0.0.1:PORT`).
    var port: Int? {
        url.split(separator: ":").last.flatMap { Int($0) }
    }
}
