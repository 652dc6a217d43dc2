import ArgumentParser
import Foundation
import GatewayCore
import Logging
import SafeLogging

/// A logger writing to standard error, built without touching the global logging system.
func makeLogger(label: String, level: Logger.Level) -> Logger {
    var logger = Logger(label: label, factory: { EscapingLogHandler.standardError(label: $0) })
    logger.logLevel = level
    return logger
}

/// Prints to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
