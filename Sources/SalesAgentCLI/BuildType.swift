/// The build this binary is, for bench outputs (`debug` timings are not release timings).
enum BuildType {
    #if DEBUG
        static let current = "debug"
    #else
        static let current = "release"
    #endif
}
