import Foundation

/// How much longer than usual the tests' hang guards may wait: `TEST_TIME_SCALE` in the
/// environment (a whole number, default 1). `scripts/sanitizers.sh thread` sets it, because
/// ThreadSanitizer runs this code 5–15× slower and a loaded run then meets the 30 s request
/// deadlines the harness gives a loopback call. Only deadlines that guard against a hang
/// scale; no test asserts that anything is fast.
public enum TestTiming {
    public static let scale: Int64 = {
        guard let text = ProcessInfo.processInfo.environment["TEST_TIME_SCALE"], let value = Int64(text), value >= 1 else { return 1 }
        return min(value, 20)
    }()

    public static func scaled(_ duration: Duration) -> Duration {
        duration * scale
    }
}
