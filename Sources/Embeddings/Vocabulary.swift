/// BERT's WordPiece vocabulary as an open-addressing hash table over the tokens' UTF-8 bytes.
///
/// Keys are the tokens as written, so a continuation piece "ing" is found by hashing "##ing";
/// `WordPieceTokenizer` hashes prefixes incrementally with `FNV1a`.
struct Vocabulary: Sendable {
    /// Number of tokens; ids are 0..<count in vocabulary order.
    let count: Int
    /// The id of "[UNK]".
    let unknownID: Int32
    /// The longest token in Unicode scalars, not counting a "##" prefix.
    let maximumPieceScalars: Int
    private let bytes: [UInt8]
    private let starts: [Int32]
    private let lengths: [Int32]
    private let hashes: [UInt64]
    /// Token ids, -1 for an empty slot; a power-of-two count at most half full.
    private let slots: [Int32]

    init(newlineSeparated data: UnsafeRawBufferPointer, expectedCount: Int) throws {
        let bytes = [UInt8](data)
        var starts: [Int32] = [], lengths: [Int32] = [], hashes: [UInt64] = []
        starts.reserveCapacity(expectedCount)
        lengths.reserveCapacity(expectedCount)
        hashes.reserveCapacity(expectedCount)
        var longest = 0, tokenStart = 0, unknown: Int32 = -1
        let unk = Array("[UNK]".utf8)
        var hash = FNV1a.basis, scalars = 0
        for i in 0...bytes.count {
            guard i == bytes.count || bytes[i] == 0x0A else {
                hash = FNV1a.add(bytes[i], to: hash)
                if bytes[i] & 0xC0 != 0x80 { scalars += 1 }
                continue
            }
            let length = i - tokenStart
            if unknown < 0, length == unk.count, bytes[tokenStart..<i].elementsEqual(unk) { unknown = Int32(starts.count) }
            let continuation = length > 2 && bytes[tokenStart] == 0x23 && bytes[tokenStart + 1] == 0x23
            longest = max(longest, continuation ? scalars - 2 : scalars)
            starts.append(Int32(tokenStart))
            lengths.append(Int32(length))
            hashes.append(hash)
            (tokenStart, hash, scalars) = (i + 1, FNV1a.basis, 0)
        }
        guard starts.count == expectedCount else {
            throw EmbeddingTableError.invalidVocabulary("\(starts.count) tokens, header says \(expectedCount)")
        }
        guard unknown >= 0 else { throw EmbeddingTableError.invalidVocabulary("no [UNK] token") }
        var capacity = 1
        while capacity < 2 * starts.count { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        for id in starts.indices {
            var slot = Self.slot(hashes[id], mask: capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(id)
        }
        (self.bytes, self.starts, self.lengths, self.hashes, self.slots) = (bytes, starts, lengths, hashes, slots)
        count = starts.count
        unknownID = unknown
        maximumPieceScalars = min(longest, WordPieceTokenizer.maximumWordScalars)
    }

    /// The id of the token whose bytes are `prefix` ("##" or nothing) followed by
    /// `key[0..<count]`, given the FNV-1a hash of those bytes; -1 when there is none.
    @inline(__always)
    func id(hash: UInt64, key: UnsafePointer<UInt8>, count: Int, prefixLength: Int) -> Int32 {
        Self.find(hash, key, prefixLength, count, in: self)
    }

    /// The token's text, for diagnostics.
    func token(_ id: Int32) -> String {
        let start = Int(starts[Int(id)])
        return String(decoding: bytes[start..<(start + Int(lengths[Int(id)]))], as: UTF8.self)
    }

    @inline(__always)
    private static func slot(_ hash: UInt64, mask: Int) -> Int { Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask }

    @inline(__always)
    private static func find(_ hash: UInt64, _ key: UnsafePointer<UInt8>, _ prefixLength: Int, _ count: Int,
                             in v: Vocabulary) -> Int32 {
        let mask = v.slots.count - 1
        var slot = slot(hash, mask: mask)
        while true {
            let id = v.slots[slot]
            if id < 0 { return -1 }
            let i = Int(id)
            if v.hashes[i] == hash, Int(v.lengths[i]) == prefixLength + count {
                let start = Int(v.starts[i]) + prefixLength
                var equal = true
                for k in 0..<count where v.bytes[start + k] != key[k] {
                    equal = false
                    break
                }
                if equal { return id }
            }
            slot = (slot + 1) & mask
        }
    }
}

/// 64-bit FNV-1a, the hash of the vocabulary table.
enum FNV1a {
    static let basis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3
    /// The state after hashing "##", where continuation pieces start.
    static let afterContinuationPrefix: UInt64 = hash([0x23, 0x23])

    @inline(__always)
    static func add(_ byte: UInt8, to state: UInt64) -> UInt64 { (state ^ UInt64(byte)) &* prime }

    static func hash<S: Sequence<UInt8>>(_ bytes: S) -> UInt64 { bytes.reduce(basis) { add($1, to: $0) } }
}
