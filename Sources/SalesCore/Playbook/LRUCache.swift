/// A fixed-capacity least-recently-used cache with O(1) lookup, insert and eviction.
public struct LRUCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Node: Sendable {
        var key: Key
        var value: Value
        var previous: Int?
        var next: Int?
    }

    public let capacity: Int
    private var nodes: [Node] = []
    private var index: [Key: Int] = [:]
    private var head: Int?  // most recent
    private var tail: Int?  // least recent
    public private(set) var hits = 0
    public private(set) var misses = 0

    public init(capacity: Int) {
        precondition(capacity > 0, "an LRU cache needs room for one entry")
        self.capacity = capacity
        nodes.reserveCapacity(capacity)
    }

    public var count: Int { index.count }

    /// The value for `key`, marking it most recently used.
    public mutating func value(for key: Key) -> Value? {
        guard let slot = index[key] else {
            misses += 1
            return nil
        }
        hits += 1
        moveToFront(slot)
        return nodes[slot].value
    }

    public mutating func insert(_ value: Value, for key: Key) {
        if let slot = index[key] {
            nodes[slot].value = value
            moveToFront(slot)
            return
        }
        let slot: Int
        if nodes.count < capacity {
            nodes.append(Node(key: key, value: value))
            slot = nodes.count - 1
        } else {
            slot = tail!
            unlink(slot)
            index[nodes[slot].key] = nil
            nodes[slot] = Node(key: key, value: value)
        }
        index[key] = slot
        linkAtFront(slot)
    }

    private mutating func moveToFront(_ slot: Int) {
        guard head != slot else { return }
        unlink(slot)
        linkAtFront(slot)
    }

    private mutating func unlink(_ slot: Int) {
        let previous = nodes[slot].previous
        let next = nodes[slot].next
        if let previous { nodes[previous].next = next } else { head = next }
        if let next { nodes[next].previous = previous } else { tail = previous }
        nodes[slot].previous = nil
        nodes[slot].next = nil
    }

    private mutating func linkAtFront(_ slot: Int) {
        nodes[slot].next = head
        nodes[slot].previous = nil
        if let head { nodes[head].previous = slot }
        head = slot
        if tail == nil { tail = slot }
    }
}
