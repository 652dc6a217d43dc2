/// A grouped bar chart as a standalone SVG document: one group per category, one bar per
/// series, with value labels, a legend and a y axis in the given unit. Negative values hang
/// below a zero line (an overhead inside the noise, say).
public struct SVGBarChart: Sendable {
    public var title: String
    public var unit: String
    public var categories: [String]
    /// (series name, one value per category)
    public var series: [(name: String, values: [Double])]

    public init(title: String, unit: String, categories: [String], series: [(name: String, values: [Double])]) {
        self.title = title
        self.unit = unit
        self.categories = categories
        self.series = series
    }

    static let palette = ["#4C78A8", "#F58518", "#54A24B", "#B279A2", "#E45756", "#72B7B2", "#EECA3B", "#9D755D"]

    public func render(width: Double = 900, height: Double = 420) -> String {
        let left = 70.0, right = 20.0, top = 50.0
        let plotWidth = width - left - right
        // Crowded category labels are tilted; the bottom margin grows so they clear the legend.
        let longest = Double(categories.map(\.count).max() ?? 0)
        let tilt = plotWidth / Double(max(categories.count, 1)) < longest * 7
        let bottom = tilt ? max(90, 70 + longest * 3.6) : 90
        let plotHeight = height - top - bottom
        let values = series.flatMap(\.values)
        let maximum = max(values.max() ?? 1, 1e-9) * 1.12
        let minimum = min(values.min() ?? 0, 0) * 1.12
        let span = maximum - minimum
        /// The y coordinate of `value`; negative values hang below the zero line.
        func y(_ value: Double) -> Double { top + plotHeight * (maximum - value) / span }
        let groupWidth = plotWidth / Double(max(categories.count, 1))
        let barWidth = groupWidth * 0.8 / Double(max(series.count, 1))
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(width / 2)" y="24" text-anchor="middle" font-size="16" font-weight="bold">\(Self.escape(title))</text>

            """
        for step in 0...5 {
            let value = minimum + span * Double(step) / 5
            let lineY = y(value)
            svg += "<line x1=\"\(left)\" y1=\"\(lineY)\" x2=\"\(width - right)\" y2=\"\(lineY)\" stroke=\"#ddd\"/>\n"
            svg += "<text x=\"\(left - 6)\" y=\"\(lineY + 4)\" text-anchor=\"end\">\(Self.format(value))</text>\n"
        }
        if minimum < 0 {
            svg += "<line x1=\"\(left)\" y1=\"\(y(0))\" x2=\"\(width - right)\" y2=\"\(y(0))\" stroke=\"#666\"/>\n"
        }
        svg += "<text x=\"16\" y=\"\(top + plotHeight / 2)\" transform=\"rotate(-90 16 \(top + plotHeight / 2))\" text-anchor=\"middle\">\(Self.escape(unit))</text>\n"
        for (categoryIndex, category) in categories.enumerated() {
            let groupLeft = left + groupWidth * Double(categoryIndex) + groupWidth * 0.1
            for (seriesIndex, entry) in series.enumerated() where categoryIndex < entry.values.count {
                let value = entry.values[categoryIndex]
                let barTop = y(max(value, 0))
                let barHeight = y(min(value, 0)) - barTop
                let x = groupLeft + barWidth * Double(seriesIndex)
                let labelY = value < 0 ? barTop + barHeight + 11 : barTop - 3
                let color = Self.palette[seriesIndex % Self.palette.count]
                svg += "<rect x=\"\(x)\" y=\"\(barTop)\" width=\"\(barWidth * 0.92)\" height=\"\(barHeight)\" fill=\"\(color)\"><title>\(Self.escape(entry.name)) \(Self.escape(category)): \(Self.format(value)) \(Self.escape(unit))</title></rect>\n"
                svg += "<text x=\"\(x + barWidth * 0.46)\" y=\"\(labelY)\" text-anchor=\"middle\" font-size=\"10\">\(Self.format(value))</text>\n"
            }
            let labelX = left + groupWidth * (Double(categoryIndex) + 0.5)
            let labelBaseline = top + plotHeight + 18
            if tilt {
                svg += "<text x=\"\(labelX)\" y=\"\(labelBaseline)\" text-anchor=\"end\" transform=\"rotate(-30 \(labelX) \(labelBaseline))\">\(Self.escape(category))</text>\n"
            } else {
                svg += "<text x=\"\(labelX)\" y=\"\(labelBaseline)\" text-anchor=\"middle\">\(Self.escape(category))</text>\n"
            }
        }
        for (seriesIndex, entry) in series.enumerated() {
            let x = left + Double(seriesIndex) * 170
            let legendY = height - 20
            svg += "<rect x=\"\(x)\" y=\"\(legendY - 10)\" width=\"12\" height=\"12\" fill=\"\(Self.palette[seriesIndex % Self.palette.count])\"/>\n"
            svg += "<text x=\"\(x + 18)\" y=\"\(legendY)\">\(Self.escape(entry.name))</text>\n"
        }
        return svg + "</svg>\n"
    }

    static func format(_ value: Double) -> String {
        value >= 100 ? String(Int(value.rounded())) : value >= 10 ? String(format1(value)) : String(format2(value))
    }

    private static func format1(_ value: Double) -> String { String((value * 10).rounded() / 10) }
    private static func format2(_ value: Double) -> String { String((value * 100).rounded() / 100) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
