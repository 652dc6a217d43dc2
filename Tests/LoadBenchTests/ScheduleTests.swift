import Testing

@testable import LoadBench

@Suite("Open-loop schedule")
struct ScheduleTests {
    @Test func countIsRateTimesDuration() {
        #expect(OpenLoopSchedule(ratePerSecond: 100, duration: .seconds(10)).count == 1000)
        #expect(OpenLoopSchedule(ratePerSecond: 1000, duration: .milliseconds(500)).count == 500)
        #expect(OpenLoopSchedule(ratePerSecond: 3, duration: .milliseconds(999)).count == 2)
    }

    @Test func requestCapBoundsTheCount() {
        #expect(OpenLoopSchedule(ratePerSecond: 500, duration: .seconds(10), maxRequests: 20).count == 20)
        #expect(OpenLoopSchedule(ratePerSecond: 10, duration: .seconds(1), maxRequests: 20).count == 10)
    }

    @Test func dueTimesAreAFixedTimetable() {
        let schedule = OpenLoopSchedule(ratePerSecond: 500, duration: .seconds(1))
        #expect(schedule.offset(of: 0) == .zero)
        #expect(schedule.offset(of: 1) == .milliseconds(2))
        #expect(schedule.offset(of: 250) == .milliseconds(500))
        // Evenly spaced: no drift accumulates over the run.
        #expect(schedule.offset(of: 499) == .microseconds(998_000))
        let fractional = OpenLoopSchedule(ratePerSecond: 3, duration: .seconds(1))
        #expect(fractional.offset(of: 1) == .nanoseconds(333_333_333))
        #expect(fractional.offset(of: 3) == .seconds(1))
    }

    @Test func scenarioInterleavesTargetsAtEachPoint() {
        let targets = [
            LoadTarget.openAICompatible(label: "direct", baseURL: "http://127.0.0.1:1", model: "sim-small"),
            LoadTarget.openAICompatible(label: "gateway", baseURL: "http://127.0.0.1:2/", model: "bench"),
        ]
        let options = OverheadScenario.Options(rates: [100, 500], concurrencies: [1], modes: [.json, .stream], duration: .seconds(2))
        let runs = OverheadScenario.runs(targets: targets, options: options)
        #expect(runs.count == 2 * 3 * 2)
        #expect(runs.map(\.target.label).prefix(4) == ["direct", "gateway", "direct", "gateway"])
        #expect(runs[0].load == .open(rate: 100, duration: .seconds(2)))
        #expect(runs[4].load == .closed(concurrency: 1, duration: .seconds(2)))
        #expect(runs[6].request.mode == .stream)
        #expect(runs[1].target.url == "http://127.0.0.1:2/v1/chat/completions")
    }

    @Test func quickIsShort() {
        let quick = OverheadScenario.Options.quick
        let seconds = quick.loads.reduce(0.0) { $0 + $1.duration.seconds } * Double(quick.modes.count)
        #expect(seconds <= 5)
    }

    @Test func commandLineValues() {
        #expect(BenchArguments.duration("10s") == .seconds(10))
        #expect(BenchArguments.duration("500ms") == .milliseconds(500))
        #expect(BenchArguments.duration("2m") == .seconds(120))
        #expect(BenchArguments.duration("1.5") == .milliseconds(1500))
        #expect(BenchArguments.duration("soon") == nil)
        #expect(BenchArguments.numbers("100, 500,1000") == [100, 500, 1000])
        #expect(BenchArguments.numbers("") == [])
        #expect(BenchArguments.numbers("100,-1") == nil)
        #expect(BenchArguments.modes("json,stream") == [.json, .stream])
        #expect(BenchArguments.modes("xml") == nil)
    }

    @Test func requestBodyIsRenderedOnce() throws {
        let body = BenchRequest(mode: .stream, message: "say \"hi\"\n", maxTokens: 8).body(model: "bench")
        #expect(body == #"{"model":"bench","messages":[{"role":"user","content":"say \"hi\"\n"}],"max_tokens":8,"stream":true}"#)
    }
}
