/// The word being collected and WordPiece's working space, in one stack allocation per call:
/// the word's UTF-8 bytes, where each of its scalars starts, prefix hashes and found pieces.
struct WordScratch {
    private let bytes: UnsafeMutablePointer<UInt8>
    /// `boundaries[i]` is the byte offset of scalar i; `boundaries[scalarCount]` the length.
    let boundaries: UnsafeMutablePointer<Int32>
    /// Hashes of the candidate pieces, indexed by their length in scalars.
    let hashes: UnsafeMutablePointer<UInt64>
    /// The pieces found so far, emitted only when the whole word matches.
    let pieces: UnsafeMutablePointer<Int32>
    private(set) var scalarCount = 0
    /// The word had more than `maximumWordScalars` scalars (only the first ones are kept).
    private(set) var isTooLong = false

    private static let capacity = WordPieceTokenizer.maximumWordScalars

    /// Runs `body` with scratch space for pieces of up to `pieceLimit` scalars.
    static func withScratch<R>(pieceLimit: Int, _ body: (inout WordScratch) -> R) -> R {
        let hashBytes = 8 * (pieceLimit + 1), boundaryBytes = 4 * (capacity + 1), pieceBytes = 4 * capacity
        let total = hashBytes + boundaryBytes + pieceBytes + 4 * capacity
        return withUnsafeTemporaryAllocation(byteCount: total, alignment: 8) { raw in
            let base = raw.baseAddress!
            var scratch = WordScratch(
                bytes: (base + hashBytes + boundaryBytes + pieceBytes).bindMemory(to: UInt8.self, capacity: 4 * capacity),
                boundaries: (base + hashBytes).bindMemory(to: Int32.self, capacity: capacity + 1),
                hashes: base.bindMemory(to: UInt64.self, capacity: pieceLimit + 1),
                pieces: (base + hashBytes + boundaryBytes).bindMemory(to: Int32.self, capacity: capacity))
            scratch.boundaries[0] = 0
            return body(&scratch)
        }
    }

    private init(bytes: UnsafeMutablePointer<UInt8>, boundaries: UnsafeMutablePointer<Int32>,
                 hashes: UnsafeMutablePointer<UInt64>, pieces: UnsafeMutablePointer<Int32>) {
        (self.bytes, self.boundaries, self.hashes, self.pieces) = (bytes, boundaries, hashes, pieces)
    }

    /// Nothing collected since the last `reset`.
    var isEmpty: Bool { scalarCount == 0 && !isTooLong }

    /// The byte at `offset` of the word's UTF-8.
    @inline(__always)
    func byte(at offset: Int) -> UInt8 { bytes[offset] }

    /// A pointer to the word's UTF-8 from `offset` on.
    @inline(__always)
    func pointer(at offset: Int) -> UnsafePointer<UInt8> { UnsafePointer(bytes + offset) }

    /// Appends one scalar, as UTF-8; past `maximumWordScalars` only marks the word too long.
    @inline(__always)
    mutating func append(_ v: UInt32) {
        guard scalarCount < Self.capacity else {
            isTooLong = true
            return
        }
        var n = Int(boundaries[scalarCount])
        if v < 0x80 {
            bytes[n] = UInt8(v)
            n &+= 1
        } else if v < 0x800 {
            bytes[n] = UInt8(0xC0 | v >> 6)
            bytes[n &+ 1] = UInt8(0x80 | v & 0x3F)
            n &+= 2
        } else if v < 0x10000 {
            bytes[n] = UInt8(0xE0 | v >> 12)
            bytes[n &+ 1] = UInt8(0x80 | v >> 6 & 0x3F)
            bytes[n &+ 2] = UInt8(0x80 | v & 0x3F)
            n &+= 3
        } else {
            bytes[n] = UInt8(0xF0 | v >> 18)
            bytes[n &+ 1] = UInt8(0x80 | v >> 12 & 0x3F)
            bytes[n &+ 2] = UInt8(0x80 | v >> 6 & 0x3F)
            bytes[n &+ 3] = UInt8(0x80 | v & 0x3F)
            n &+= 4
        }
        scalarCount &+= 1
        boundaries[scalarCount] = Int32(n)
    }

    /// Starts the next word.
    @inline(__always)
    mutating func reset() {
        scalarCount = 0
        isTooLong = false
    }
}
