/// The semantic tier's calibrated defaults for the bundled static embedder.
public enum SemanticDefaults {
    /// The cosine a semantic hit needs when an alias names no threshold, chosen on
    /// Tests/Fixtures/semantic-pairs.jsonl with `llm-gateway cache calibrate` (see the README):
    /// with the guards, 0.85 is the lowest threshold without a wrong hit there; 0.90 keeps a
    /// 0.05 margin above it and serves 130 of the 177 true pairs (0.92: 119).
    public static let threshold: Float = 0.90
}
