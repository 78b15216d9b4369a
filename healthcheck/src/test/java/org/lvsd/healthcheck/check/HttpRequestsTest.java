package org.lvsd.healthcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lvsd.healthcheck.spec.HttpCheckSpec.HttpProtocol;

class HttpRequestsTest {

    @Test
    void hostOmitsTheSchemesDefaultPortOnly() throws Exception {
        InetAddress v4 = InetAddress.getByName("192.0.2.7");
        assertEquals("192.0.2.7", HttpRequests.host(Optional.empty(),
                new InetSocketAddress(v4, 80), false));
        assertEquals("192.0.2.7:443", HttpRequests.host(Optional.empty(),
                new InetSocketAddress(v4, 443), false));
        assertEquals("www.test", HttpRequests.host(Optional.of("www.test"),
                new InetSocketAddress(v4, 443), true));
        assertEquals("[2001:db8:0:0:0:0:0:1]:8443", HttpRequests.host(Optional.empty(),
                new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 8443), true));
    }

    @Test
    void requestIsKeepalivedsGetWithConnectionCloseOnlyFor11() {
        assertEquals("GET /a?b HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: h\r\n\r\n",
                HttpRequests.get("/a?b", HttpProtocol.HTTP_1_0, "h"));
        assertEquals("GET / HTTP/1.1\r\nUser-Agent: KeepAliveClient\r\nHost: h\r\n"
                + "Connection: close\r\n\r\n", HttpRequests.get("/", HttpProtocol.HTTP_1_1, "h"));
    }
}
