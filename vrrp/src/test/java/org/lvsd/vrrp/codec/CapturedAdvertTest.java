package org.lvsd.vrrp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Adverts captured from keepalived 2.2.7 (see resources/captured/README.md). */
class CapturedAdvertTest {

    record Fixture(IpContext ip, byte[] vrrp) {
    }

    static Fixture load(String name) throws IOException {
        Map<String, String> fields = new HashMap<>();
        try (InputStream in = CapturedAdvertTest.class.getResourceAsStream("/captured/" + name + ".txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int eq = line.indexOf('=');
                    fields.put(line.substring(0, eq), line.substring(eq + 1).trim());
                }
            }
        }
        IpContext ip = new IpContext(InetAddress.getByName(fields.get("src")),
                InetAddress.getByName(fields.get("dst")), Integer.parseInt(fields.get("ttl")));
        return new Fixture(ip, HexFormat.of().parseHex(fields.get("vrrp")));
    }

    private static VrrpAdvert decodeAndReencode(String name) throws Exception {
        Fixture f = load(name);
        VrrpAdvert advert = VrrpCodec.decode(ByteBuffer.wrap(f.vrrp()), f.ip(), false);
        assertArrayEquals(f.vrrp(), VrrpCodec.encode(advert, f.ip(), false), name);
        assertEquals(255, f.ip().ttl());
        return advert;
    }

    @Test
    void keepalivedV2PassAdvertRoundTrips() throws Exception {
        assertEquals(new VrrpAdvert(VrrpVersion.V2, 51, 150, 1, 0xae56, AddressFamily.INET,
                List.of(InetAddress.getByName("198.51.100.100"), InetAddress.getByName("198.51.100.101")),
                AuthType.PASS, "lvsd1234".getBytes(StandardCharsets.US_ASCII)),
                decodeAndReencode("v2-pass-ipv4-advert"));
    }

    @Test
    void keepalivedV2PriorityZeroRoundTrips() throws Exception {
        VrrpAdvert advert = decodeAndReencode("v2-pass-ipv4-priority0");
        assertEquals(0, advert.priority());
        assertEquals(0x4457, advert.checksum());
    }

    @Test
    void keepalivedV3Ipv4AdvertRoundTrips() throws Exception {
        assertEquals(new VrrpAdvert(VrrpVersion.V3, 52, 200, 50, 0xd13a, AddressFamily.INET,
                List.of(InetAddress.getByName("198.51.100.100")), AuthType.NONE, new byte[0]),
                decodeAndReencode("v3-ipv4-advert"));
    }

    @Test
    void keepalivedV3Ipv4PriorityZeroRoundTrips() throws Exception {
        assertEquals(0, decodeAndReencode("v3-ipv4-priority0").priority());
    }

    @Test
    void keepalivedV3Ipv6AdvertRoundTrips() throws Exception {
        assertEquals(new VrrpAdvert(VrrpVersion.V3, 53, 120, 100, 0xfb6f, AddressFamily.INET6,
                List.of(InetAddress.getByName("2001:db8::100"), InetAddress.getByName("2001:db8::101")),
                AuthType.NONE, new byte[0]),
                decodeAndReencode("v3-ipv6-advert"));
    }

    @Test
    void keepalivedV3Ipv6PriorityZeroRoundTrips() throws Exception {
        assertEquals(0, decodeAndReencode("v3-ipv6-priority0").priority());
    }
}
