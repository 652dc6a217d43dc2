extension WordPieceTokenizer {
    /// Greedy longest-match-first WordPiece over one word: from each start, the longest
    /// vocabulary piece ("##"-prefixed after the first); "[UNK]" alone if some start has none.
    func pieces(of word: WordScratch, _ body: (Int32) -> Void) {
        let n = word.scalarCount
        var start = 0, found = 0
        while start < n {
            let limit = min(n, start + vocabulary.maximumPieceScalars)
            // FNV-1a of every candidate piece at once: one pass over the bytes, a hash per boundary.
            var hash = start == 0 ? FNV1a.basis : FNV1a.afterContinuationPrefix
            var offset = Int(word.boundaries[start])
            for end in (start + 1)..<(limit + 1) {
                let stop = Int(word.boundaries[end])
                while offset < stop {
                    hash = FNV1a.add(word.byte(at: offset), to: hash)
                    offset &+= 1
                }
                word.hashes[end - start] = hash
            }
            let first = Int(word.boundaries[start])
            var end = limit, id: Int32 = -1
            while end > start {
                id = vocabulary.id(hash: word.hashes[end - start], key: word.pointer(at: first),
                                   count: Int(word.boundaries[end]) - first, prefixLength: start == 0 ? 0 : 2)
                if id >= 0 { break }
                end -= 1
            }
            guard id >= 0 else {
                body(vocabulary.unknownID)
                return
            }
            word.pieces[found] = id
            found += 1
            start = end
        }
        for i in 0..<found { body(word.pieces[i]) }
    }
}
