package org.lvsd.healthcheck.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SpecTest {

    @Test
    void keepalivedDefaultsGoDownAfterTwoFailuresAndUpAfterOneSuccess() {
        CheckTiming t = CheckTiming.keepalivedDefaults();
        assertEquals(Duration.ofSeconds(60), t.delayLoop());
        assertEquals(Duration.ofSeconds(5), t.connectTimeout());
        assertEquals(2, t.failThreshold());
        assertEquals(1, t.riseThreshold());
        assertTrue(t.keepalivedRetry());
        CheckTiming rf = t.withRiseFall(3, 4);
        assertEquals(4, rf.failThreshold());
        assertEquals(3, rf.riseThreshold());
        assertFalse(rf.keepalivedRetry());
    }

    @Test
    void statusCodesParseSinglesAndRanges() {
        StatusCodes c = StatusCodes.parse("200 301-302 400-499");
        assertTrue(c.contains(200));
        assertTrue(c.contains(302));
        assertTrue(c.contains(404));
        assertFalse(c.contains(201));
        assertFalse(c.contains(500));
        assertTrue(StatusCodes.defaults().contains(299));
        assertFalse(StatusCodes.defaults().contains(300));
        assertThrows(IllegalArgumentException.class, () -> StatusCodes.parse("2xx"));
        assertThrows(IllegalArgumentException.class, () -> StatusCodes.parse("300-200"));
    }

    @Test
    void urlDigestIsNormalisedAndValidated() {
        UrlSpec u = new UrlSpec("/", StatusCodes.defaults(),
                Optional.of("ABCDEF0123456789ABCDEF0123456789"), Optional.empty());
        assertEquals(Optional.of("abcdef0123456789abcdef0123456789"), u.digest());
        assertThrows(IllegalArgumentException.class, () -> new UrlSpec("/",
                StatusCodes.defaults(), Optional.of("abc"), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> UrlSpec.of("/a b"));
        assertThrows(IllegalArgumentException.class, () -> UrlSpec.of("relative"));
    }

    @Test
    void connectOptionsOverrideAddressAndPort() throws Exception {
        InetAddress rs = InetAddress.getByName("10.0.0.1");
        InetAddress other = InetAddress.getByName("10.0.0.9");
        assertEquals(new InetSocketAddress(rs, 80), ConnectOptions.none().target(rs, 80));
        assertEquals(new InetSocketAddress(other, 8080), new ConnectOptions(Optional.of(other),
                OptionalInt.of(8080), Optional.empty()).target(rs, 80));
    }

    @Test
    void equalSpecsAreEqualSoThatReloadKeepsTheirState() {
        TcpCheckSpec a = new TcpCheckSpec(CheckTiming.keepalivedDefaults(), ConnectOptions.none());
        TcpCheckSpec b = new TcpCheckSpec(CheckTiming.keepalivedDefaults(), ConnectOptions.none());
        assertEquals(a, b);
        assertNotEquals(a, new TcpCheckSpec(CheckTiming.keepalivedDefaults().withAlpha(true),
                ConnectOptions.none()));
    }

    @Test
    void invalidSpecsAreRejected() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new DnsCheckSpec(
                CheckTiming.keepalivedDefaults(), ConnectOptions.none(), "PTR", "."));
        assertThrows(IllegalArgumentException.class, () -> new UdpCheckSpec(
                CheckTiming.keepalivedDefaults(), ConnectOptions.none(), "00",
                Optional.of("0G"), 0, 255));
        assertThrows(IllegalArgumentException.class, () -> new TlsOptions(false,
                Optional.empty(), true, Optional.empty()));
        RealServerId id = new RealServerId(InetAddress.getByName("10.0.0.1"), 80);
        assertThrows(IllegalArgumentException.class, () -> VirtualServerSpec.of("vs", List.of(
                RealServerSpec.of(id, 1, List.of()), RealServerSpec.of(id, 2, List.of()))));
        assertEquals("[0:0:0:0:0:0:0:1]:80", new RealServerId(InetAddress.getByName("::1"), 80).toString());
    }

    @Test
    void regexOffsetsMustBeOrderedAndOptionsNamedOnlyAsKeepalivedSpellsThem() {
        assertThrows(IllegalArgumentException.class, () -> new UrlSpec("/", StatusCodes.defaults(),
                Optional.empty(), Optional.empty(), Optional.of("x"), false, java.util.Set.of(), 5,
                OptionalInt.of(4)));
        assertThrows(IllegalArgumentException.class, () -> new UrlSpec("/", StatusCodes.defaults(),
                Optional.empty(), Optional.empty(), Optional.of("x"), false, java.util.Set.of(), -1,
                OptionalInt.empty()));
        assertEquals(RegexFlag.DOTALL, RegexFlag.of("dotall"));
        assertThrows(IllegalArgumentException.class, () -> RegexFlag.of("ungreedy"));
        assertThrows(IllegalArgumentException.class, () -> RegexFlag.of("DOTALL"));
    }
}
