/// Decodes Unicode scalars from a String's UTF-8 (always valid), stopping after `limit` of them.
struct ScalarReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var remaining: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) {
        self.bytes = bytes
        self.remaining = limit
    }

    /// The next scalar's value, or nil at the end or the limit.
    @inline(__always)
    mutating func next() -> UInt32? {
        guard remaining > 0, index < bytes.count else { return nil }
        remaining &-= 1
        let b0 = UInt32(bytes[index])
        if b0 < 0x80 {
            index &+= 1
            return b0
        }
        if b0 < 0xE0 {
            defer { index &+= 2 }
            return (b0 & 0x1F) << 6 | continuation(1)
        }
        if b0 < 0xF0 {
            defer { index &+= 3 }
            return (b0 & 0x0F) << 12 | continuation(1) << 6 | continuation(2)
        }
        defer { index &+= 4 }
        return (b0 & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3)
    }

    @inline(__always)
    private func continuation(_ offset: Int) -> UInt32 { UInt32(bytes[index &+ offset] & 0x3F) }
}
