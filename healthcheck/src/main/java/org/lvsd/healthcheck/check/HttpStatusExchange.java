package org.lvsd.healthcheck.check;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.epoll.LinuxSocket;
import io.netty.util.concurrent.FastThreadLocal;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.lvsd.healthcheck.spec.UrlSpec;

/**
 * A plain HTTP_GET url without digest or regex on a {@link BareProbe}: once connected, one
 * write(2) of the request encoded once per checker; on each EPOLLIN edge, read(2) until the
 * socket is drained or the {@link StatusLine} has judged (edge-triggered epoll must drain),
 * then the session's end closes the socket with a reset. The bytes land in one buffer per
 * event-loop thread, reused by every probe of that loop: a probe allocates only its own small
 * state. More than the response cap ({@code CheckLimits.maxResponseBytes}) fails the probe as
 * the channel path's {@link ByteCap} does; the status line's own bound ({@link
 * StatusLine#MAX_LINE}) keeps the reads per probe few.
 */
final class HttpStatusExchange implements BareProbe.Exchange {

    /** Bytes per read(2) and most of a request per write(2). */
    static final int BUFFER_BYTES = 8192;

    /** A direct buffer (native I/O needs one) and a ByteBuf view of it for the judge. */
    private record LoopBuffer(ByteBuffer nio, ByteBuf view) {
        static LoopBuffer allocate() {
            ByteBuffer nio = ByteBuffer.allocateDirect(BUFFER_BYTES);
            return new LoopBuffer(nio, Unpooled.wrappedBuffer(nio));
        }
    }

    private static final FastThreadLocal<LoopBuffer> BUFFER = new FastThreadLocal<>() {
        @Override
        protected LoopBuffer initialValue() {
            return LoopBuffer.allocate();
        }
    };

    private final ProbeSession session;
    private final byte[] request;
    private final StatusLine statusLine;
    private final long maxBytes;
    private int sent;
    private long received;

    /** @param request the encoded request ({@link HttpRequests#get}), shared, never written to */
    HttpStatusExchange(ProbeSession session, byte[] request, UrlSpec url, long maxBytes) {
        this.session = session;
        this.request = request;
        this.statusLine = new StatusLine(session, url);
        this.maxBytes = maxBytes;
    }

    @Override
    public void connected(LinuxSocket socket) throws IOException {
        session.phase("response");
        send(socket);
    }

    @Override
    public void ready(LinuxSocket socket, int ops) throws IOException {
        if (sent < request.length && (ops & BareProbe.EPOLLOUT) != 0) {
            send(socket);
        }
        if ((ops & ~BareProbe.EPOLLOUT) != 0) {
            receive(socket);
        }
    }

    /** Writes what is left of the request until done or the socket's buffer is full. */
    private void send(LinuxSocket socket) throws IOException {
        ByteBuffer nio = BUFFER.get().nio();
        while (sent < request.length) {
            int n = Math.min(request.length - sent, BUFFER_BYTES);
            nio.put(0, request, sent, n);
            int written = socket.write(nio, 0, n);
            if (written <= 0) {
                return;
            }
            sent += written;
        }
    }

    /** Reads until the socket is drained (0: EAGAIN), closed (-1) or the line is judged. */
    private void receive(LinuxSocket socket) throws IOException {
        LoopBuffer buffer = BUFFER.get();
        while (!session.done()) {
            int n = socket.read(buffer.nio(), 0, BUFFER_BYTES);
            if (n == 0) {
                return;
            }
            if (n < 0) {
                session.peerClosed();
                return;
            }
            received += n;
            if (received > maxBytes) {
                session.fail(Reasons.responseExceeds(maxBytes));
                return;
            }
            statusLine.read(buffer.view().setIndex(0, n));
        }
    }
}
