package org.lvsd.vrrp.addr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lvsd.netlink.route.AddressSpec;
import org.lvsd.netlink.route.IfAddrCodec;
import org.lvsd.netlink.route.Scope;

class VipSpecTest {

    @Test
    void bareAddressesGetKeepalivedDefaults() throws Exception {
        assertEquals(new VipSpec(InetAddress.getByName("198.51.100.100"), 32, Optional.empty(), Optional.empty(),
                Scope.UNIVERSE, Optional.empty(), false, false, false), VipSpec.of(InetAddress.getByName("198.51.100.100")));
        assertEquals(new VipSpec(InetAddress.getByName("2001:db8::100"), 128, Optional.empty(), Optional.empty(),
                Scope.UNIVERSE, Optional.empty(), true, true, false), VipSpec.of(InetAddress.getByName("2001:db8::100")));
        assertEquals(false, VipSpec.of(InetAddress.getByName("2001:db8::100"), 64).deprecated());
        assertEquals("eth1", VipSpec.of(InetAddress.getByName("198.51.100.1")).withDevice("eth1").deviceOr("eth0"));
        assertEquals("eth0", VipSpec.of(InetAddress.getByName("198.51.100.1")).deviceOr("eth0"));
    }

    @Test
    void rejectsOptionsOfTheOtherFamily() throws Exception {
        InetAddress v6 = InetAddress.getByName("2001:db8::100");
        InetAddress v4 = InetAddress.getByName("198.51.100.100");
        assertThrows(IllegalArgumentException.class, () -> VipSpec.of(v6).withLabel("eth0:1"));
        assertThrows(IllegalArgumentException.class, () -> VipSpec.of(v4).withNodad(true));
        assertThrows(IllegalArgumentException.class, () -> VipSpec.of(v4, 33));
    }

    @Test
    void deprecatedVipCarriesCacheinfoWithPreferredZeroAndValidForever() throws Exception {
        VipSpec v = VipSpec.of(InetAddress.getByName("2001:db8::100"));
        AddressSpec spec = AddressSpec.of(2, v.address(), 128);
        byte[] plain = IfAddrCodec.add(spec).payload();
        byte[] sent = RtnlAddressManager.addRequest(spec, v).payload();

        assertArrayEquals(plain, Arrays.copyOf(sent, plain.length));
        // nlattr: len 20, type IFA_CACHEINFO (6); prefered 0, valid 0xffffffff, cstamp 0, tstamp 0 (little endian here)
        assertArrayEquals(new byte[] {20, 0, 6, 0, 0, 0, 0, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0},
                Arrays.copyOfRange(sent, plain.length, sent.length));
        assertArrayEquals(plain, RtnlAddressManager.addRequest(spec, v.withDeprecated(false)).payload());
    }
}
