package org.lvsd.healthcheck.check;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lvsd.healthcheck.CheckResult;

/**
 * One probe over one channel: a deadline for the whole exchange, a phase name for the
 * timeout reason, and a result that completes exactly once and closes the channel.
 */
final class ProbeSession {

    private final CompletableFuture<CheckResult> result = new CompletableFuture<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final long startNanos = System.nanoTime();
    private final Duration timeout;
    private volatile String phase = "connect";
    private volatile Channel channel;
    private volatile ScheduledFuture<?> deadline;
    private volatile Runnable closer;

    ProbeSession(Duration timeout) {
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    CompletionStage<CheckResult> result() {
        return result;
    }

    boolean done() {
        return finished.get();
    }

    /** Names what the probe is waiting for, for the timeout reason ("response", "banner"). */
    void phase(String name) {
        phase = name;
    }

    /** Binds the channel and starts the deadline; call from the channel's event loop. */
    void attach(Channel ch) {
        channel = ch;
        long left = timeout.toNanos() - (System.nanoTime() - startNanos);
        deadline = ch.eventLoop().schedule(this::expire, Math.max(0, left), TimeUnit.NANOSECONDS);
    }

    /**
     * Starts the deadline on {@code loop} for a probe without a channel ({@link BareProbe});
     * {@code close} releases its socket when the probe finishes. Call from {@code loop}.
     */
    void attach(EventLoop loop, Runnable close) {
        closer = close;
        long left = timeout.toNanos() - (System.nanoTime() - startNanos);
        deadline = loop.schedule(this::expire, Math.max(0, left), TimeUnit.NANOSECONDS);
    }

    /** What happens when the deadline passes; overridable reason via {@link #onExpiry}. */
    private void expire() {
        Runnable r = onExpiry;
        if (r != null) {
            r.run();
        } else {
            fail(phase + " timeout " + Reasons.duration(timeout));
        }
    }

    private volatile Runnable onExpiry;

    /** Replaces the default timeout failure (UDP_CHECK: silence may be a pass). */
    void onExpiry(Runnable action) {
        onExpiry = action;
    }

    void succeed(String reason) {
        finish(true, reason);
    }

    void fail(String reason) {
        finish(false, reason);
    }

    void fail(Throwable t) {
        finish(false, Reasons.of(t, timeout));
    }

    /** The peer closed the connection before the probe was judged. */
    void peerClosed() {
        fail("connection closed by peer while waiting for " + phase);
    }

    /**
     * Completes the probe once: cancels the deadline, closes the channel and completes the
     * result when the close is done, so that a finished probe (and the in-flight permit it
     * releases) never leaves a socket open behind it.
     */
    private void finish(boolean ok, String reason) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        CheckResult r = ok ? CheckResult.up(reason, took) : CheckResult.down(reason, took);
        ScheduledFuture<?> d = deadline;
        if (d != null) {
            d.cancel(false);
        }
        Channel ch = channel;
        Runnable close = closer;
        if (close != null) {
            close.run();
            result.complete(r);
        } else if (ch != null) {
            ch.close().addListener(f -> result.complete(r));
        } else {
            result.complete(r);
        }
    }

    /** Last handler: turns errors and early closes into failures and drops stray messages. */
    ChannelInboundHandlerAdapter tail() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                fail(cause);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                peerClosed();
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ReferenceCountUtil.release(msg);
            }
        };
    }
}
