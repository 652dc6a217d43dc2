import JSONCore
import NIOConcurrencyHelpers
import NIOCore

/// Fault rates set at run time with `PUT /sim/faults`: while set, they replace the
/// profile's fault rates for every generation request; `{}` clears them. A fault soak
/// (`llm-gateway bench --scenario chaos`) turns faults on and off with it.
final class SimFaultControl: Sendable {
    private let box = NIOLockedValueBox<SimFaultRates?>(nil)

    /// The rates in force, nil when the profile's apply.
    var current: SimFaultRates? { box.withLockedValue { $0 } }

    func set(_ rates: SimFaultRates?) {
        box.withLockedValue { $0 = rates }
    }

    /// Reads `{"rate_limit": 1, "stall": 0.5, "retry_after_s": 1}` (the profile's `faults`
    /// keys); an empty object clears (nil). Throws a message naming the bad field. Pure.
    static func parse(_ bytes: [UInt8]) throws(SimRequestError) -> SimFaultRates? {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes, limits: JSONLimits(maxBytes: 4096, maxDepth: 4))
        } catch {
            throw SimRequestError(message: "the body is not JSON: \(error)")
        }
        guard case .object(let fields) = value else { throw SimRequestError(message: "the body must be a JSON object") }
        guard !fields.isEmpty else { return nil }
        var rates = SimFaultRates()
        for (key, field) in fields {
            guard case .number(let number) = field else { throw SimRequestError(message: "\(key): must be a number") }
            if key == "retry_after_s" {
                guard number >= 0, number == number.rounded(), number <= 3600 else {
                    throw SimRequestError(message: "retry_after_s: must be a whole number of seconds in 0...3600")
                }
                rates.retryAfterSeconds = Int(number)
            } else if let fault = SimFault(rawValue: key) {
                guard (0...1).contains(number) else { throw SimRequestError(message: "\(key): must be in 0...1") }
                rates.rates[fault] = number
            } else {
                let known = SimFault.allCases.map(\.rawValue).joined(separator: ", ")
                throw SimRequestError(message: "unknown field '\(key)'; known: \(known), retry_after_s")
            }
        }
        let total = rates.rates.values.reduce(0, +)
        guard total <= 1 + 1e-9 else { throw SimRequestError(message: "fault rates add up to \(total), more than 1") }
        return rates
    }

    /// `{"faults":{"rate_limit":1,…},"retry_after_s":1}`, or `{"faults":null}` when cleared.
    static func describe(_ rates: SimFaultRates?) -> String {
        guard let rates else { return #"{"faults":null}"# }
        let fields = SimFault.allCases.compactMap { fault in
            rates.rates[fault].map { "\(JSONText.quoted(fault.rawValue)):\($0)" }
        }
        return #"{"faults":{"# + fields.joined(separator: ",") + #"},"retry_after_s":\#(rates.retryAfterSeconds)}"#
    }
}

extension SimCore {
    /// `PUT /sim/faults`: sets or clears the run-time fault rates.
    func setFaults(body: ByteBuffer?) -> SimExchange {
        do {
            let rates = try SimFaultControl.parse(body.map { Array($0.readableBytesView) } ?? [])
            faultControl.set(rates)
            return SimExchange(delivery: .reply(Self.json(.ok, SimFaultControl.describe(rates)), atMs: 0))
        } catch {
            return SimExchange(delivery: .reply(Self.json(WireFormat.openAI.error(.badRequest, message: error.message)), atMs: 0))
        }
    }
}
