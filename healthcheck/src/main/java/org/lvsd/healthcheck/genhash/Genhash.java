package org.lvsd.healthcheck.genhash;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.lvsd.healthcheck.check.HttpRequests;

/**
 * Fetches one URL and returns the MD5 of its body. The request is the one HTTP_GET sends
 * ({@link HttpRequests}), so the digest printed is the digest the checker will compute.
 * Blocking: meant for the {@code lvsd genhash} command, not for the daemon.
 */
public final class Genhash {

    private Genhash() {
    }

    public static GenhashResult fetch(GenhashRequest req) throws IOException {
        InetSocketAddress target = new InetSocketAddress(
                InetAddress.getByName(req.url().getHost()), req.port());
        String request = HttpRequests.get(req.path(), req.protocol(),
                HttpRequests.host(req.virtualhost(), target, req.tls()));
        SslContext ssl = req.tls() ? insecureTls() : null;
        String sni = req.virtualhost().orElse(req.url().getHost());
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        CompletableFuture<GenhashResult> result = new CompletableFuture<>();
        try {
            ChannelFuture f = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) req.timeout().toMillis())
                    .handler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            if (ssl != null) {
                                ch.pipeline().addLast(ssl.newHandler(ch.alloc(), sni,
                                        target.getPort()));
                            }
                            ch.pipeline().addLast(new HttpResponseDecoder(),
                                    new DigestHandler(request, ssl != null, req.maxBodyBytes(),
                                            result));
                        }
                    })
                    .connect(target);
            f.addListener((ChannelFuture cf) -> {
                if (!cf.isSuccess()) {
                    result.completeExceptionally(cf.cause());
                }
            });
            return result.get(req.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IOException("no complete response within " + req.timeout().toMillis()
                    + " ms", e);
        } catch (ExecutionException e) {
            throw new IOException(String.valueOf(e.getCause().getMessage()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static SslContext insecureTls() throws IOException {
        return SslContextBuilder.forClient()
                .trustManager(InsecureTrustManagerFactory.INSTANCE)
                .endpointIdentificationAlgorithm(null)
                .build();
    }
}
