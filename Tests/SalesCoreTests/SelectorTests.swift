import SalesCore
import Testing

@Suite("Principle selector")
struct SelectorTests {
    func input(_ situation: Situation, slots: Set<Slot> = [], resistance: Int = 0, turn: Int = 3, recent: [String] = []) -> SelectionInput {
        SelectionInput(situation: situation, filledSlots: slots, resistance: resistance, turn: turn, recentPrinciples: recent)
    }

    @Test func optOutAlwaysGetsGracefulExit() throws {
        let selector = PrincipleSelector(playbook: try loadShippedPlaybook())
        for resistance in 0..<4 {
            let choice = selector.select(input(.optOut, slots: Set(Slot.allCases), resistance: resistance, recent: ["graceful_exit", "graceful_exit"]))
            #expect(choice.principle == Playbook.gracefulExit)
        }
    }

    @Test func neverTheSamePrincipleThreeTurnsRunning() throws {
        let selector = PrincipleSelector(playbook: try loadShippedPlaybook())
        for situation in Situation.allCases where situation != .optOut {
            for resistance in 0..<4 {
                let first = selector.select(input(situation, resistance: resistance)).principle
                let third = selector.select(input(situation, resistance: resistance, recent: [first, first])).principle
                #expect(third != first, "\(situation) at resistance \(resistance) repeated \(first) three times")
            }
        }
    }

    @Test func deterministicAndCached() throws {
        let cached = CachedSelector(selector: PrincipleSelector(playbook: try loadShippedPlaybook()), capacity: 8)
        let key = input(.objectionPrice, slots: [.budgetAmount], resistance: 1)
        let (first, firstCached) = cached.select(key)
        let (second, secondCached) = cached.select(key)
        #expect(first == second)
        #expect(!firstCached && secondCached)
        #expect(cached.stats.hits == 1)
    }

    @Test func resistanceChangesTheChoice() throws {
        let selector = PrincipleSelector(playbook: try loadShippedPlaybook())
        let first = selector.select(input(.objectionPrice, resistance: 1)).principle
        let repeated = selector.select(input(.objectionPrice, resistance: 3)).principle
        #expect(first != repeated, "a repeated objection is answered differently from the first")
    }

    @Test func lruEvictsTheLeastRecentlyUsed() {
        var cache = LRUCache<Int, String>(capacity: 2)
        cache.insert("a", for: 1)
        cache.insert("b", for: 2)
        _ = cache.value(for: 1)
        cache.insert("c", for: 3)
        #expect(cache.value(for: 2) == nil)
        #expect(cache.value(for: 1) == "a")
        #expect(cache.value(for: 3) == "c")
        #expect(cache.count == 2)
    }
}
