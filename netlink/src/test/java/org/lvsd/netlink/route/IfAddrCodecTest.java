package org.lvsd.netlink.route;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lvsd.netlink.Bytes;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NetlinkProtocolException;
import org.lvsd.netlink.NlMessage;

class IfAddrCodecTest {

    private static NlMessage msg(String hex) {
        return NlMessage.decodeAll(Netlink.wrap(Bytes.hex(hex))).get(0);
    }

    @Test
    void addIpv4VipWithLabelAndBroadcastIsGolden() throws Exception {
        AddressSpec spec = AddressSpec.of(2, InetAddress.getByName("198.51.100.100"), 24)
                .withLabel("eth0:vip").withBroadcast(InetAddress.getByName("198.51.100.255"));
        assertArrayEquals(Bytes.hex("40000000 1400 0006 01000000 00000000"   // RTM_NEWADDR, CREATE|EXCL
                + "02 18 00 00 02000000"                                      // AF_INET /24 flags 0 scope 0 if 2
                + "0800 0200 c6336464"                                        // IFA_LOCAL
                + "0800 0100 c6336464"                                        // IFA_ADDRESS
                + "0800 0400 c63364ff"                                        // IFA_BROADCAST
                + "0d00 0300 657468303a766970 00 000000"),                    // IFA_LABEL "eth0:vip"
                IfAddrCodec.add(spec).encode(1, 0));
        assertEquals("add address 198.51.100.100/24 label eth0:vip on ifindex 2", IfAddrCodec.add(spec).description());
    }

    @Test
    void deleteIpv6WithNodadFlagsIsGolden() throws Exception {
        AddressSpec spec = AddressSpec.of(3, InetAddress.getByName("2001:db8::1"), 64)
                .withFlags(IfAddress.F_NODAD).withScope(Scope.UNIVERSE);
        assertArrayEquals(Bytes.hex("48000000 1500 0000 02000000 00000000"   // RTM_DELADDR
                + "0a 40 00 00 03000000"                                      // AF_INET6 /64 if 3
                + "1400 0200 20010db8000000000000000000000001"                // IFA_LOCAL
                + "1400 0100 20010db8000000000000000000000001"                // IFA_ADDRESS
                + "0800 0800 02000000"),                                      // IFA_FLAGS NODAD
                IfAddrCodec.delete(spec).encode(2, 0));
    }

    @Test
    void dumpRequestCarriesOnlyFamily() {
        assertArrayEquals(Bytes.hex("18000000 1600 0000 03000000 00000000 02000000 00000000"),
                IfAddrCodec.dump(Family.INET).encode(3, 0));
    }

    @Test
    void decodesKernelAddressReply() throws Exception {
        IfAddress a = IfAddrCodec.decode(msg("5c000000 1400 0200 03000000 34120000"
                + "02 18 80 00 02000000"
                + "0800 0100 c6336464"
                + "0800 0200 c6336464"
                + "0800 0400 c63364ff"
                + "0d00 0300 657468303a766970 00 000000"
                + "0800 0800 80000000"
                + "1400 0600 ffffffff ffffffff 64000000 64000000"));
        assertEquals(new IfAddress(2, InetAddress.getByName("198.51.100.100"), 24, Scope.UNIVERSE,
                IfAddress.F_PERMANENT, Optional.empty(), Optional.of(InetAddress.getByName("198.51.100.255")),
                Optional.of("eth0:vip"), IfAddress.FOREVER, IfAddress.FOREVER), a);
        assertEquals("198.51.100.100/24", a.cidr());
        assertEquals(Family.INET, a.family());
    }

    @Test
    void decodesPeerAndFiniteLifetimes() throws Exception {
        IfAddress a = IfAddrCodec.decode(msg("3c000000 1400 0000 01000000 00000000"
                + "02 20 00 fd 05000000"
                + "0800 0100 c6336402"        // IFA_ADDRESS = peer
                + "0800 0200 c6336401"        // IFA_LOCAL
                + "1400 0600 2c010000 58020000 00000000 00000000"));
        assertEquals(InetAddress.getByName("198.51.100.1"), a.address());
        assertEquals(Optional.of(InetAddress.getByName("198.51.100.2")), a.peer());
        assertEquals(Scope.LINK, a.scope());
        assertEquals(300, a.preferredLifetime());
        assertEquals(600, a.validLifetime());
    }

    @Test
    void ipv6ReplyWithoutLocalUsesAddress() throws Exception {
        IfAddress a = IfAddrCodec.decode(msg("2c000000 1400 0000 01000000 00000000"
                + "0a 40 c0 00 03000000"
                + "1400 0100 20010db8000000000000000000000001"));
        assertEquals(InetAddress.getByName("2001:db8::1"), a.address());
        assertEquals(Optional.empty(), a.peer());
        assertEquals(0xc0, a.flags());
    }

    @Test
    void rejectsOtherMessageTypes() {
        assertThrows(NetlinkProtocolException.class,
                () -> IfAddrCodec.decode(msg("18000000 1000 0000 01000000 00000000 02180000 02000000")));
    }

    @Test
    void specRejectsIpv6LabelAndBadPrefix() throws Exception {
        InetAddress v6 = InetAddress.getByName("2001:db8::1");
        assertThrows(IllegalArgumentException.class, () -> AddressSpec.of(1, v6, 64).withLabel("eth0:x"));
        assertThrows(IllegalArgumentException.class, () -> AddressSpec.of(1, InetAddress.getByName("198.51.100.1"), 33));
        assertThrows(IllegalArgumentException.class,
                () -> AddressSpec.of(1, InetAddress.getByName("198.51.100.1"), 24).withLabel("averylonglabel:x"));
    }
}
