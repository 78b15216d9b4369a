package org.lvsd.healthcheck.check;

import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.Checker;
import org.lvsd.healthcheck.spec.CheckTiming;
import org.lvsd.healthcheck.spec.ConnectOptions;
import org.lvsd.healthcheck.spec.HttpCheckSpec;
import org.lvsd.healthcheck.spec.HttpCheckSpec.HttpProtocol;
import org.lvsd.healthcheck.spec.StatusCodes;
import org.lvsd.healthcheck.spec.TlsOptions;
import org.lvsd.healthcheck.spec.UrlSpec;

/** Shared spec builders and the "run one check and wait" helper of the checker tests. */
final class Fixtures {

    /** The timeout every network test uses. */
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** Slack on top of the timeout before a probe counts as stuck. */
    static final Duration SLACK = Duration.ofSeconds(2);

    private Fixtures() {
    }

    static CheckTiming timing() {
        return new CheckTiming(Duration.ofSeconds(5), TIMEOUT, 1, Duration.ofSeconds(1),
                Duration.ZERO, false, 0, 0);
    }

    static HttpCheckSpec http(UrlSpec... urls) {
        return new HttpCheckSpec(timing(), ConnectOptions.none(), HttpProtocol.HTTP_1_0,
                Optional.empty(), List.of(urls), Optional.empty());
    }

    static HttpCheckSpec https(TlsOptions tls, UrlSpec... urls) {
        return new HttpCheckSpec(timing(), ConnectOptions.none(), HttpProtocol.HTTP_1_0,
                Optional.empty(), List.of(urls), Optional.of(tls));
    }

    static UrlSpec url(String path, String codes, String digest) {
        return new UrlSpec(path, StatusCodes.parse(codes), Optional.ofNullable(digest),
                Optional.empty());
    }

    /** Runs one check and waits for it, at most timeout + slack. */
    static CheckResult run(Checker checker) {
        CompletableFuture<CheckResult> f = checker.check().toCompletableFuture();
        await().atMost(TIMEOUT.plus(SLACK)).until(f::isDone);
        return f.join();
    }

    static InetSocketAddress closedPort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(),
                    s.getLocalPort());
        }
    }
}
