import FuzzTargets

#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer's entry when the program has its own `main` (SwiftPM always links one).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The target chosen on the command line; set once before libFuzzer starts.
nonisolated(unsafe) var selected: FuzzTarget?

/// The libFuzzer callback (libFuzzer's own `main`, linked but unused, refers to it by name).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    selected!.run(UnsafeRawBufferPointer(start: data, count: count))
    return 0
}

func usage() -> Never {
    let names = FuzzTarget.all.map(\.name).joined(separator: " ")
    print("usage: GatewayFuzz <target> [libFuzzer flags] [corpus dirs]\ntargets: \(names)")
    exit(2)
}

let arguments = CommandLine.arguments
if arguments.count < 2 { usage() }
if arguments[1] == "--list" {
    for target in FuzzTarget.all { print(target.name) }
    exit(0)
}
guard let target = FuzzTarget.named(arguments[1]) else { usage() }
selected = target

// libFuzzer sees argv without the target name.
var argv: [UnsafeMutablePointer<CChar>?] = [strdup(arguments[0])] + arguments.dropFirst(2).map { strdup($0) } + [nil]
var argc = CInt(argv.count - 1)
let status = argv.withUnsafeMutableBufferPointer { buffer -> CInt in
    var base = buffer.baseAddress!
    return LLVMFuzzerRunDriver(&argc, &base, fuzzOne)
}
exit(status)
