import Foundation
let bytes = try! Data(contentsOf: URL(fileURLWithPath: "/work/wt-semindex/Sources/CEmbeddingsTable/minilm-l6-v2-static.bin"))
let table = try! bytes.withUnsafeBytes { try EmbeddingTable(bytes: $0) }
let emb = StaticEmbedder(table: table)
let a = ["how do I","can you help me","what is the best way to","please explain how to","is it possible to","why can't I","tell me how to"]
let v = ["reset","cancel","upgrade","export","renew","transfer","delete","configure","refund","compare","install","share"]
let o = ["my password","the invoice","my subscription","the annual plan","my account","the api key","the team workspace","the shipping address","the discount code","the mobile app","the billing email","the data backup","the premium tier","my order","the license"]
let t = ["today","before friday","for my company","on the website","without losing data","in europe","for two users","after the trial","on android","this month"]
var sents = [String]()
for x in a { for y in v { for z in o { for w in t { sents.append("\(x) \(y) \(z) \(w)") } } } }
let n = 10_000, dim = emb.dimension, queries = 200
var data = [Float](); for i in 0..<n { data += emb.embed(sents[(i * 7919) % sents.count]) }
let qs = (0..<queries).map { emb.embed(sents[(($0 + n) * 7919 + 13) % sents.count] + " please") }
let index = IVFIndex(training: data, dimension: dim, lists: 64, iterations: 3, seed: 1)
for np in [4, 8, 16] { var hits = 0, cand = 0
  for q in qs { var best = -1, bs: Float = -9; for r in 0..<n { var x: Float = 0; for d in 0..<dim { x += q[d] * data[r*dim+d] }; if x > bs { bs = x; best = r } }
    var b2 = -1, s2: Float = -9; let c = index.candidates(q, nprobe: np); cand += c.count; for r in c { var x: Float = 0; for d in 0..<dim { x += q[d] * data[r*dim+d] }; if x > s2 { s2 = x; b2 = r } }
    if abs(s2 - bs) < 1e-6 { hits += 1 } }
  print("StaticEmbedder sentences n=\(n) lists=64 nprobe=\(np) recall@1=\(Double(hits)/Double(queries)) mean candidates=\(cand/queries)") }
