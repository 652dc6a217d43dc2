import GatewayCache

extension RedisCacheStore {
    /// Runs a batch of commands on a worker thread, pipelined: skips those whose caller
    /// already gave up, replaces a connection older than the breaker's last opening, connects
    /// lazily. A failure fails every command of the batch and drops the connection.
    static func run(_ batch: [RedisJob], on session: RedisWorkerSession, config: RedisCacheStoreConfig) {
        let jobs = batch.filter { !$0.isDone }
        guard let newest = jobs.map(\.generation).max() else { return }
        if session.generation < newest {
            session.connection = nil
            session.generation = newest
        }
        do throws(CacheStoreErrorDetail) {
            let connection: RedisConnection
            if let existing = session.connection {
                connection = existing
            } else {
                connection = try RedisConnection.connect(url: config.url, timeout: config.timeout)
                session.connection = connection
            }
            let replies = try connection.pipeline(jobs.map(\.arguments))
            for (job, reply) in zip(jobs, replies) { job.complete(.success(reply)) }
        } catch {
            session.connection = nil
            for job in jobs { job.complete(.failure(error)) }
        }
    }

    /// A background probe: a fresh connection and a PING, bounded like any command.
    static func probe(_ session: RedisWorkerSession, config: RedisCacheStoreConfig, generation: UInt64) -> Bool {
        session.connection = nil
        do throws(CacheStoreErrorDetail) {
            let connection = try RedisConnection.connect(url: config.url, timeout: config.timeout)
            guard try connection.command([Array("PING".utf8)]) == .status("PONG") else { return false }
            session.connection = connection
            session.generation = generation
            return true
        } catch {
            return false
        }
    }
}
