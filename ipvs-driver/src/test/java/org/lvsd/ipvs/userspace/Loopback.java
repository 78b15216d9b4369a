package org.lvsd.ipvs.userspace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small blocking-socket helpers for loopback tests; every read has a timeout. */
final class Loopback {
    private Loopback() {
    }

    static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A port that was free on {@code address} a moment ago. */
    static int freePort(String address) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, ip(address))) {
            return s.getLocalPort();
        }
    }

    static Socket connect(String address, int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(ip(address), port), 5000);
        s.setSoTimeout(10_000);
        return s;
    }

    /** Everything until end of stream. */
    static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** Closes the forwarder (if started), then the test's servers and sockets. */
    static void close(UserspaceIpvsDriver driver, List<AutoCloseable> resources) throws Exception {
        if (driver != null) {
            driver.close();
        }
        for (AutoCloseable r : resources) {
            r.close();
        }
    }

    /** Sends {@code request}, half-closes, returns the whole answer. */
    static String exchange(String address, int port, String request) throws IOException {
        try (Socket s = connect(address, port)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.shutdownOutput();
            return readAll(s.getInputStream());
        }
    }
}
