/// A timeline as a standalone SVG document: one line per series over equal time steps
/// (seconds, say) on a shared y axis, with labelled bands shaded behind them (fault windows).
public struct SVGTimeline: Sendable {
    /// A shaded stretch of time, from `start` to `end` in steps.
    public struct Band: Sendable, Hashable {
        public var start: Double
        public var end: Double
        public var label: String
        public init(start: Double, end: Double, label: String) {
            self.start = start
            self.end = end
            self.label = label
        }
    }

    public var title: String
    public var unit: String
    /// What one step of the x axis is (`s`).
    public var stepUnit: String
    /// (series name, one value per step)
    public var series: [(name: String, values: [Double])]
    public var bands: [Band]

    public init(title: String, unit: String, stepUnit: String = "s", series: [(name: String, values: [Double])], bands: [Band]) {
        self.title = title
        self.unit = unit
        self.stepUnit = stepUnit
        self.series = series
        self.bands = bands
    }

    static let palette = ["#4C78A8", "#E45756", "#54A24B", "#B279A2", "#F58518", "#72B7B2"]

    public func render(width: Double = 1000, height: Double = 480) -> String {
        let left = 60.0, right = 20.0, top = 120.0, bottom = 60.0
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let steps = max(series.map(\.values.count).max() ?? 1, 1)
        let maximum = max(series.flatMap(\.values).max() ?? 1, 1) * 1.1
        func x(_ step: Double) -> Double { left + plotWidth * step / Double(steps) }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - value / maximum) }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(width / 2)" y="22" text-anchor="middle" font-size="16" font-weight="bold">\(SVGBarChart.escape(title))</text>

            """
        for (index, band) in bands.enumerated() {
            let bandLeft = x(band.start), bandRight = x(min(band.end, Double(steps)))
            let fill = index % 2 == 0 ? "#fde2c8" : "#f6d0d0"
            svg += "<rect x=\"\(Self.n(bandLeft))\" y=\"\(top)\" width=\"\(Self.n(max(bandRight - bandLeft, 1)))\" height=\"\(plotHeight)\" fill=\"\(fill)\"><title>\(SVGBarChart.escape(band.label))</title></rect>\n"
            let labelX = (bandLeft + bandRight) / 2
            svg += "<text x=\"\(Self.n(labelX))\" y=\"\(top - 6)\" font-size=\"10\" transform=\"rotate(-35 \(Self.n(labelX)) \(top - 6))\">\(SVGBarChart.escape(band.label))</text>\n"
        }
        for step in 0...5 {
            let value = maximum * Double(step) / 5
            svg += "<line x1=\"\(left)\" y1=\"\(Self.n(y(value)))\" x2=\"\(width - right)\" y2=\"\(Self.n(y(value)))\" stroke=\"#ddd\"/>\n"
            svg += "<text x=\"\(left - 6)\" y=\"\(Self.n(y(value) + 4))\" text-anchor=\"end\">\(SVGBarChart.format(value))</text>\n"
        }
        let tick = Self.tickStep(steps)
        for step in stride(from: 0, through: steps, by: tick) {
            svg += "<text x=\"\(Self.n(x(Double(step))))\" y=\"\(top + plotHeight + 16)\" text-anchor=\"middle\">\(step)</text>\n"
        }
        svg += "<text x=\"\(width - right)\" y=\"\(top + plotHeight + 34)\" text-anchor=\"end\">\(SVGBarChart.escape(stepUnit))</text>\n"
        svg += "<text x=\"16\" y=\"\(top + plotHeight / 2)\" transform=\"rotate(-90 16 \(top + plotHeight / 2))\" text-anchor=\"middle\">\(SVGBarChart.escape(unit))</text>\n"
        for (index, entry) in series.enumerated() {
            let color = Self.palette[index % Self.palette.count]
            let points = entry.values.enumerated().map { step, value in "\(Self.n(x(Double(step) + 0.5))),\(Self.n(y(value)))" }
            svg += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.5\" points=\"\(points.joined(separator: " "))\"><title>\(SVGBarChart.escape(entry.name))</title></polyline>\n"
            let legendX = left + Double(index) * 190
            svg += "<rect x=\"\(legendX)\" y=\"\(height - 20)\" width=\"12\" height=\"3\" fill=\"\(color)\"/>\n"
            svg += "<text x=\"\(legendX + 18)\" y=\"\(height - 15)\">\(SVGBarChart.escape(entry.name))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// A round tick spacing giving at most about 12 ticks.
    static func tickStep(_ steps: Int) -> Int {
        for candidate in [1, 2, 5, 10, 20, 30, 60, 120, 300, 600] where steps / candidate <= 12 { return candidate }
        return max(steps / 12, 1)
    }

    /// A coordinate with one decimal.
    static func n(_ value: Double) -> String { String((value * 10).rounded() / 10) }
}
