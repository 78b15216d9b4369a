package org.lvsd.healthcheck.check;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.lvsd.healthcheck.spec.HttpCheckSpec.HttpProtocol;

/**
 * The request HTTP_GET / SSL_GET send, byte for byte as keepalived does (RFC 9112 §3):
 * {@code GET path HTTP/1.x}, {@code User-Agent: KeepAliveClient}, {@code Host}; HTTP/1.1 adds
 * {@code Connection: close} so that the server ends the exchange.
 */
public final class HttpRequests {

    private HttpRequests() {
    }

    /**
     * The Host header value (RFC 9110 §7.2): the virtualhost, else the IP literal (IPv6 in
     * brackets), with {@code :port} unless the port is the scheme's default.
     */
    public static String host(Optional<String> virtualhost, InetSocketAddress target, boolean tls) {
        String name = virtualhost.orElseGet(() -> {
            String ip = target.getAddress().getHostAddress();
            return ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip;
        });
        int port = target.getPort();
        boolean defaultPort = tls ? port == 443 : port == 80;
        return defaultPort ? name : name + ":" + port;
    }

    public static String get(String path, HttpProtocol protocol, String host) {
        StringBuilder b = new StringBuilder()
                .append("GET ").append(path).append(' ').append(protocol.text()).append("\r\n")
                .append("User-Agent: KeepAliveClient\r\n")
                .append("Host: ").append(host).append("\r\n");
        if (protocol == HttpProtocol.HTTP_1_1) {
            b.append("Connection: close\r\n");
        }
        return b.append("\r\n").toString();
    }
}
