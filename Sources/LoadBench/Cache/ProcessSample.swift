import Foundation

/// A child process's own CPU time (user + system) and resident memory at one instant, read
/// from `/proc/PID/stat` and `/proc/PID/status` (Linux). The parsing is pure.
public struct ProcessSample: Sendable, Hashable, Codable {
    /// `utime + stime`, in seconds.
    public var cpuSeconds: Double
    /// `VmRSS`, in bytes.
    public var rssBytes: Int

    public init(cpuSeconds: Double, rssBytes: Int) {
        self.cpuSeconds = cpuSeconds
        self.rssBytes = rssBytes
    }

    /// Reads process `pid` now; nil when `/proc` does not have it (not Linux, or it exited).
    public static func read(pid: Int32) -> ProcessSample? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let cpu = cpuSeconds(stat: stat, ticksPerSecond: Double(sysconf(Int32(_SC_CLK_TCK)))),
            let rss = rssBytes(status: status)
        else { return nil }
        return ProcessSample(cpuSeconds: cpu, rssBytes: rss)
    }

    /// `utime + stime` (fields 14 and 15 of `/proc/PID/stat`, in clock ticks) in seconds.
    /// Fields are counted after the last `)`, since the command name may hold spaces.
    static func cpuSeconds(stat: String, ticksPerSecond: Double) -> Double? {
        guard ticksPerSecond > 0, let close = stat.lastIndex(of: ")") else { return nil }
        // After ")": field 3 (state) is index 0, so utime (14) is index 11 and stime (15) 12.
        let fields = stat[stat.index(after: close)...].split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / ticksPerSecond
    }

    /// `VmRSS:  123456 kB` of `/proc/PID/status`, in bytes.
    static func rssBytes(status: String) -> Int? {
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let parts = line.dropFirst("VmRSS:".count).split { $0 == " " || $0 == "\t" }
            guard let value = parts.first.flatMap({ Int($0) }) else { return nil }
            return parts.count > 1 && parts[1].lowercased() == "kb" ? value * 1024 : value
        }
        return nil
    }
}
