/// The shared tier of semantic entries (Redis): per bucket, a list of encoded entries
/// (``SemanticEntryCodec``), bounded in length and expiring as a whole after its last write.
public protocol SharedSemanticStore: Sendable {
    /// Appends `entry` to the list `key`, keeping its last `maxLength` items, and sets the
    /// list to expire after `ttl`.
    func appendSemanticEntry(_ key: String, _ entry: [UInt8], maxLength: Int, ttl: Duration) async throws(CacheStoreError)
    /// Every item of the list `key` (oldest first); empty when absent.
    func semanticEntries(_ key: String) async throws(CacheStoreError) -> [[UInt8]]
}
