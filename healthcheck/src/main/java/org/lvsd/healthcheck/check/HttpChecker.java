package org.lvsd.healthcheck.check;

import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.Checker;
import org.lvsd.healthcheck.spec.HttpCheckSpec;
import org.lvsd.healthcheck.spec.TlsOptions;
import org.lvsd.healthcheck.spec.UrlSpec;

/**
 * HTTP_GET and SSL_GET. One check fetches every url in order, one connection each, and stops
 * at the first failure; each fetch is bounded by {@code connect_timeout} and the response cap.
 * (keepalived spreads the urls over successive delay_loop periods; checking them together
 * gives the same verdict sooner.)
 */
public final class HttpChecker implements Checker {

    private final CheckTransport transport;
    private final HttpCheckSpec spec;
    private final InetSocketAddress target;

    public HttpChecker(CheckTransport transport, HttpCheckSpec spec, InetSocketAddress target) {
        this.transport = transport;
        this.spec = spec;
        this.target = target;
    }

    @Override
    public CompletionStage<CheckResult> check() {
        long start = System.nanoTime();
        return fetch(spec.urls(), 0).thenApply(r -> new CheckResult(r.ok(), r.reason(),
                Duration.ofNanos(System.nanoTime() - start), r.weight()));
    }

    private CompletionStage<CheckResult> fetch(List<UrlSpec> urls, int i) {
        UrlSpec url = urls.get(i);
        CompletionStage<CheckResult> one;
        try {
            one = fetch(url);
        } catch (UncheckedIOException e) {
            return CompletableFuture.completedFuture(
                    CheckResult.down(e.getCause().getMessage(), Duration.ZERO));
        }
        return one.thenCompose(r -> {
            String where = urls.size() > 1 ? url.path() + ": " : "";
            CheckResult named = new CheckResult(r.ok(), where + r.reason(), r.took(), r.weight());
            return !r.ok() || i + 1 == urls.size()
                    ? CompletableFuture.completedFuture(named) : fetch(urls, i + 1);
        });
    }

    /** Puts {@code name} in the ClientHello's server_name extension (RFC 6066 §3). */
    private static void sendSni(SSLEngine engine, String name) {
        SSLParameters params = engine.getSSLParameters();
        params.setServerNames(List.of(new SNIHostName(name)));
        engine.setSSLParameters(params);
    }

    private CompletionStage<CheckResult> fetch(UrlSpec url) {
        Optional<TlsOptions> tls = spec.tls();
        Optional<String> vhost = url.virtualhost().or(spec::virtualhost);
        String request = HttpRequests.get(url.path(), spec.protocol(),
                HttpRequests.host(vhost, target, tls.isPresent()));
        SslContext ssl = tls.map(transport::tlsContext).orElse(null);
        Optional<String> sni = tls.filter(TlsOptions::enableSni)
                .flatMap(t -> t.sniName().or(() -> vhost));
        String peerHost = sni.orElse(target.getAddress().getHostAddress());
        long cap = transport.limits().maxResponseBytes();
        return TcpProbe.run(transport, target, spec.connect().bindTo(),
                spec.timing().connectTimeout(), (session, pipeline) -> {
                    if (ssl != null) {
                        SslHandler handler = ssl.newHandler(pipeline.channel().alloc(), peerHost,
                                target.getPort());
                        sni.ifPresent(name -> sendSni(handler.engine(), name));
                        pipeline.addLast(handler);
                    }
                    pipeline.addLast(new HttpResponseDecoder());
                    pipeline.addLast(new HttpProbeHandler(session, request, url, ssl != null,
                            cap));
                });
    }
}
