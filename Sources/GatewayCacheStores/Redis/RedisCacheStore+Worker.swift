import GatewayCache

extension RedisCacheStore {
    /// Runs a command on a worker thread: skips it if its caller already gave up, replaces
    /// a connection older than the breaker's last opening, connects lazily.
    static func run(_ job: RedisJob, on session: RedisWorkerSession, config: RedisCacheStoreConfig) {
        guard !job.isDone else { return }
        if session.generation < job.generation {
            session.connection = nil
            session.generation = job.generation
        }
        do throws(CacheStoreErrorDetail) {
            let connection: RedisConnection
            if let existing = session.connection {
                connection = existing
            } else {
                connection = try RedisConnection.connect(url: config.url, timeout: config.timeout)
                session.connection = connection
            }
            job.complete(.success(try connection.command(job.arguments)))
        } catch {
            session.connection = nil
            job.complete(.failure(error))
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
