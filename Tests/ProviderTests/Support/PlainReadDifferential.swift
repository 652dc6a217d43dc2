import SeededRandom

/// The property both one-pass readers of plain vendor documents are held to: over `count`
/// seeded mutations of each of `seeds`, whenever the fast read answers, its answer is the
/// thorough read's. Returns the texts where it was not, and how often the fast read answered.
func plainReadDifferential<Answer: Equatable>(
    seeds: [String], mutator: inout ByteMutator, count: Int, fast: (String) -> Answer?, thorough: (String) -> Answer?
) -> (wrong: [String], answered: Int) {
    var wrong: [String] = []
    var answered = 0
    for seed in seeds {
        for _ in 0..<count {
            let text = String(decoding: mutator.mutate(Array(seed.utf8)), as: UTF8.self)
            guard let answer = fast(text) else { continue }
            answered += 1
            if answer != thorough(text) { wrong.append(text) }
        }
    }
    return (wrong, answered)
}
