package org.lvsd.healthcheck.check;

import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
 * gives the same verdict sooner.) A plain url (no TLS, no source options, no digest or regex)
 * on the epoll transport runs on a bare socket ({@link HttpStatusExchange}); the others on a
 * Netty channel. A url with digest or regex stays on the channel: its body must be decoded
 * (Content-Length, chunked framing) as HttpResponseDecoder does, which the bare path does not
 * reimplement.
 */
public final class HttpChecker implements Checker {

    private final CheckTransport transport;
    private final HttpCheckSpec spec;
    private final InetSocketAddress target;
    /** Each url's request, encoded once, in url order. */
    private final List<byte[]> requests;
    /** Each url's compiled regex (null without one), in url order. */
    private final List<BodyRegex> regexes;

    public HttpChecker(CheckTransport transport, HttpCheckSpec spec, InetSocketAddress target) {
        this.transport = transport;
        this.spec = spec;
        this.target = target;
        boolean tls = spec.tls().isPresent();
        this.requests = spec.urls().stream()
                .map(u -> HttpRequests.get(u.path(), spec.protocol(), HttpRequests.host(
                        u.virtualhost().or(spec::virtualhost), target, tls))
                        .getBytes(StandardCharsets.US_ASCII))
                .toList();
        this.regexes = new ArrayList<>();
        spec.urls().forEach(u -> regexes.add(BodyRegex.of(u)));
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
            one = fetch(url, i);
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

    private CompletionStage<CheckResult> fetch(UrlSpec url, int index) {
        Optional<TlsOptions> tls = spec.tls();
        Optional<String> vhost = url.virtualhost().or(spec::virtualhost);
        byte[] request = requests.get(index);
        SslContext ssl = tls.map(transport::tlsContext).orElse(null);
        Optional<String> sni = tls.filter(TlsOptions::enableSni)
                .flatMap(t -> t.sniName().or(() -> vhost));
        long cap = transport.limits().maxResponseBytes();
        Duration timeout = spec.timing().connectTimeout();
        if (tls.isEmpty() && !url.needsBody() && BareProbe.usable(transport, spec.connect())) {
            return BareProbe.run(transport, target, timeout,
                    session -> new HttpStatusExchange(session, request, url, cap));
        }
        return TcpProbe.run(transport, target, spec.connect(),
                timeout, (session, pipeline) -> {
                    if (ssl != null) {
                        String peerHost = sni.orElseGet(() -> target.getAddress()
                                .getHostAddress());
                        SslHandler handler = ssl.newHandler(pipeline.channel().alloc(), peerHost,
                                target.getPort());
                        sni.ifPresent(name -> sendSni(handler.engine(), name));
                        pipeline.addLast(handler);
                    }
                    if (!url.needsBody()) {
                        pipeline.addLast(new HttpStatusHandler(session, request, url,
                                ssl != null));
                    } else {
                        pipeline.addLast(new HttpResponseDecoder());
                        pipeline.addLast(new HttpProbeHandler(session, request, url,
                                regexes.get(index), ssl != null, cap));
                    }
                });
    }
}
