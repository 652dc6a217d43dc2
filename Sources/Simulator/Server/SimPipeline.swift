import NIOCore
import NIOHTTP1
import NIOHTTP2
import NIOSSL

/// The channel pipelines of the simulator's connections: plain HTTP/1.1, or TLS whose ALPN
/// result picks HTTP/2 (each stream translated to HTTP/1 parts for the same `SimHandler`)
/// or HTTP/1.1.
enum SimPipeline {
    static func configureHTTP1(_ channel: any Channel, core: SimCore) -> EventLoopFuture<Void> {
        channel.eventLoop.makeCompletedFuture {
            let pipeline = channel.pipeline.syncOperations
            try pipeline.configureHTTPServerPipeline(withPipeliningAssistance: true, withErrorHandling: true)
            try pipeline.addHandler(SimHandler(core: core))
        }
    }

    static func configureSecure(_ channel: any Channel, core: SimCore, context: NIOSSLContext) -> EventLoopFuture<Void> {
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
        }.flatMap {
            channel.configureHTTP2SecureUpgrade(
                h2ChannelConfigurator: { connection in
                    connection.configureHTTP2Pipeline(mode: .server, inboundStreamInitializer: { stream in
                        stream.eventLoop.makeCompletedFuture {
                            let pipeline = stream.pipeline.syncOperations
                            try pipeline.addHandler(HTTP2FramePayloadToHTTP1ServerCodec())
                            try pipeline.addHandler(SimHandler(core: core))
                        }
                    }).map { _ in }
                },
                http1ChannelConfigurator: { connection in configureHTTP1(connection, core: core) })
        }
    }
}
