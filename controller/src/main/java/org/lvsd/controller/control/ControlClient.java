package org.lvsd.controller.control;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Sends one request to the control socket and returns the answer. */
public final class ControlClient {

    /** Largest answer read (an IPVS connection listing can be long). */
    static final int MAX_ANSWER = 64 << 20;

    private ControlClient() {
    }

    /** Connecting failed: nothing listens on the path, or it does not exist or is not accessible. */
    public static final class CannotConnectException extends IOException {
        private static final long serialVersionUID = 1L;

        CannotConnectException(Path socket, IOException cause) {
            super("cannot connect to " + socket + ": " + cause.getMessage(), cause);
        }
    }

    /** Sends {@code request} (one line) and reads the whole answer. */
    public static Response send(Path socket, Request request) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try (channel) {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                throw new CannotConnectException(socket, e);
            }
            IOException writeFailure = null;
            try {
                ByteBuffer out = ByteBuffer.wrap((request.line() + "\n").getBytes(StandardCharsets.UTF_8));
                while (out.hasRemaining()) {
                    channel.write(out);
                }
                channel.shutdownOutput();
            } catch (IOException e) {
                writeFailure = e; // a busy server answers and closes before reading; its answer counts
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(64 << 10);
            while (channel.read(in) >= 0) {
                answer.write(in.array(), 0, in.position());
                in.clear();
                if (answer.size() > MAX_ANSWER) {
                    throw new IOException("answer from lvsd longer than " + MAX_ANSWER + " bytes");
                }
            }
            if (answer.size() == 0 && writeFailure != null) {
                throw writeFailure;
            }
            return Response.decode(answer.toByteArray());
        }
    }
}
