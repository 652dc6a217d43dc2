/// Content types both servers accept as JSON.
public enum MediaType {
    /// `application/json` or any `application/…+json` type, parameters and case ignored.
    public static func isJSON(_ contentType: String) -> Bool {
        let essence = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let media = essence.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
        let lowered = String(media).lowercased()
        return lowered == "application/json" || (lowered.hasPrefix("application/") && lowered.hasSuffix("+json"))
    }
}
