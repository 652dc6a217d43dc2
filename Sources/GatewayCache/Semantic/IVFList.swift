/// One list of an ``IVFIndex``: its slots and, in the same order, their vectors in one
/// contiguous buffer (row `i` at `i * dimension`), so a probe reads the list front to back
/// instead of jumping across the bucket's memory row by row.
struct IVFList: Sendable, Equatable {
    /// The bucket slot of each row.
    private(set) var slots: [Int] = []
    /// The rows, `slots.count * dimension` floats.
    private(set) var rows: [Float] = []

    var count: Int { slots.count }

    /// Appends `slot` with its vector; returns its position in the list.
    mutating func append(slot: Int, vector: UnsafeBufferPointer<Float>) -> Int {
        slots.append(slot)
        rows.append(contentsOf: vector)
        return slots.count - 1
    }

    /// Removes the row at `position` by moving the last row into it; returns the slot that
    /// moved there (nil when the removed row was the last).
    mutating func remove(at position: Int, dimension: Int) -> Int? {
        let last = slots.count - 1
        defer {
            slots.removeLast()
            rows.removeLast(dimension)
        }
        guard position != last else { return nil }
        slots[position] = slots[last]
        rows.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            (base + position * dimension).update(from: base + last * dimension, count: dimension)
        }
        return slots[position]
    }

    /// The vector of the row at `position`.
    func row(_ position: Int, dimension: Int) -> ArraySlice<Float> {
        rows[(position * dimension)..<((position + 1) * dimension)]
    }
}
