import Foundation
let dim = 256, n = 25_000, lists = 64, queries = 200
var s: UInt64 = 9
func u() -> Float { s = s &* 6364136223846793005 &+ 1442695040888963407; return Float(s >> 40) / Float(1 << 24) * 2 - 1 }
func gen(_ count: Int) -> [Float] {
  let centres = (0..<(400 * dim)).map { _ in u() }
  var out = [Float](); out.reserveCapacity(count * dim)
  for i in 0..<count { var r = (0..<dim).map { centres[(i % 400) * dim + $0] + 0.5 * u() }; let nn = r.reduce(0) { $0 + $1 * $1 }.squareRoot(); r = r.map { $0 / nn }; out += r }
  return out
}
let data = gen(n); let qs = gen(queries)
func dot(_ a: UnsafeBufferPointer<Float>, _ ao: Int, _ b: UnsafeBufferPointer<Float>, _ bo: Int) -> Float { var x: Float = 0; for d in 0..<dim { x += a[ao + d] * b[bo + d] }; return x }
let t0 = Date()
let index = IVFIndex(training: data, dimension: dim, lists: lists, iterations: 3, seed: 1)
let build = Date().timeIntervalSince(t0)
var bt = [Double](), it = [Double](), hits = 0
data.withUnsafeBufferPointer { D in qs.withUnsafeBufferPointer { Q in
  for q in 0..<queries {
    var a = Date(); var best = -1, bs: Float = -9
    for r in 0..<n { let x = dot(Q, q * dim, D, r * dim); if x > bs { bs = x; best = r } }
    bt.append(Date().timeIntervalSince(a) * 1000)
    a = Date(); var b2 = -1, s2: Float = -9
    for r in index.candidates(Array(qs[(q*dim)..<((q+1)*dim)]), nprobe: Int(ProcessInfo.processInfo.environment["NPROBE"] ?? "6")!) { let x = dot(Q, q * dim, D, r * dim); if x > s2 { s2 = x; b2 = r } }
    it.append(Date().timeIntervalSince(a) * 1000)
    if b2 == best { hits += 1 }
  }
}}
func p(_ v: [Double], _ f: Double) -> Double { let s = v.sorted(); return s[min(s.count - 1, Int(Double(s.count) * f))] }
print(String(format: "n=%d dim=%d lists=%d nprobe=%@ build=%.2fs brute p50=%.3fms p99=%.3fms ivf p50=%.3fms p99=%.3fms recall@1=%.3f (release -O, scalar loops, clustered random vectors)", n, dim, lists, build, p(bt,0.5), p(bt,0.99), p(it,0.5), p(it,0.99), Double(hits)/Double(queries)))
