/// `--name value` options of the command line.
struct CommandLineOptions {
    let arguments: [String]

    init(_ arguments: [String]) { self.arguments = arguments }

    func string(_ name: String) -> String? {
        guard let at = arguments.firstIndex(of: name), arguments.indices.contains(at + 1) else { return nil }
        return arguments[at + 1]
    }

    func int(_ name: String) -> Int? { string(name).flatMap { Int($0) } }
    func double(_ name: String) -> Double? { string(name).flatMap { Double($0) } }
    func list(_ name: String) -> [Int]? { string(name).map { $0.split(separator: ",").compactMap { Int($0) } } }
}
