package org.lvsd.netlink.route;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.lvsd.netlink.Bytes;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NetlinkProtocolException;
import org.lvsd.netlink.NlMessage;

/**
 * Golden bytes of {@code fib_rule_hdr} messages. Header and attributes are those iproute2 sends
 * for the same {@code ip rule} command (seen with strace in a scratch namespace), plus
 * {@code FRA_TABLE}, which lvsd always carries as it does {@code RTA_TABLE} for routes.
 */
class RuleCodecTest {

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void addFromToLookupPrefIsGolden() throws Exception {
        Rule r = Rule.lookup(Family.INET, 100).from(ip("198.51.100.0"), 24).to(ip("203.0.113.0"), 24)
                .withPriority(1000);
        assertArrayEquals(Bytes.hex("3c000000 2000 0006 01000000 00000000"   // RTM_NEWRULE, CREATE|EXCL
                + "02 18 18 00 64 00 00 01 00000000"                          // inet /24 /24 table 100 FR_ACT_TO_TBL
                + "0800 0200 c6336400"                                        // FRA_SRC
                + "0800 0100 cb007100"                                        // FRA_DST
                + "0800 0600 e8030000"                                        // FRA_PRIORITY 1000
                + "0800 0f00 64000000"),                                      // FRA_TABLE 100
                RuleCodec.add(r).encode(1, 0));
        assertEquals("add rule from 198.51.100.0/24 to 203.0.113.0/24 lookup 100 pref 1000",
                RuleCodec.add(r).description());
    }

    @Test
    void fwmarkMaskAndIifAreGolden() throws Exception {
        Rule r = Rule.lookup(Family.INET, 200).withFwmark(5, OptionalLong.of(0xff)).withIif("eth0").withPriority(1001);
        assertArrayEquals(Bytes.hex("48000000 2000 0006 01000000 00000000"
                + "02 00 00 00 c8 00 00 01 00000000"
                + "0800 0600 e9030000"                                        // FRA_PRIORITY 1001
                + "0800 0a00 05000000"                                        // FRA_FWMARK 5
                + "0800 1000 ff000000"                                        // FRA_FWMASK 0xff
                + "0900 0300 65746830 00 000000"                              // FRA_IIFNAME "eth0", padded
                + "0800 0f00 c8000000"),                                      // FRA_TABLE 200
                RuleCodec.add(r).encode(1, 0));
    }

    @Test
    void deleteSendsNoAction() throws Exception {
        Rule r = Rule.lookup(Family.INET, 100).from(ip("198.51.100.0"), 24).to(ip("203.0.113.0"), 24)
                .withPriority(1000);
        assertArrayEquals(Bytes.hex("3c000000 2100 0000 01000000 00000000"   // RTM_DELRULE
                + "02 18 18 00 64 00 00 00 00000000"                          // FR_ACT_UNSPEC
                + "0800 0200 c6336400 0800 0100 cb007100 0800 0600 e8030000 0800 0f00 64000000"),
                RuleCodec.delete(r).encode(1, 0));
    }

    @Test
    void ipv6RuleInTableAbove255UsesFraTableOnly() throws Exception {
        Rule r = Rule.lookup(Family.INET6, 1000).from(ip("2001:db8::"), 64).withPriority(1002);
        assertArrayEquals(Bytes.hex("40000000 2000 0006 01000000 00000000"
                + "0a 00 40 00 00 00 00 01 00000000"                          // inet6 src /64, table UNSPEC
                + "1400 0200 20010db8000000000000000000000000"
                + "0800 0600 ea030000"
                + "0800 0f00 e8030000"),                                      // FRA_TABLE 1000
                RuleCodec.add(r).encode(1, 0));
    }

    @Test
    void invertedProhibitWithOifCarriesNoTable() throws Exception {
        Rule r = Rule.reject(Family.INET, RuleAction.PROHIBIT).to(ip("203.0.113.0"), 24).withOif("eth0")
                .withPriority(1003).inverted();
        assertArrayEquals(Bytes.hex("38000000 2000 0006 01000000 00000000"
                + "02 18 00 00 00 00 00 08 02000000"                          // FR_ACT_PROHIBIT, FIB_RULE_INVERT
                + "0800 0100 cb007100"
                + "0800 0600 eb030000"
                + "0900 1100 65746830 00 000000"),                            // FRA_OIFNAME "eth0"
                RuleCodec.add(r).encode(1, 0));
        assertEquals("not from all to 203.0.113.0/24 oif eth0 prohibit pref 1003", r.describe());
    }

    @Test
    void decodesKernelLocalRuleIgnoringUnknownAttributes() {
        // The kernel's first reply to "ip rule show" in a fresh namespace: from all lookup local.
        NlMessage msg = NlMessage.decodeAll(Netlink.wrap(Bytes.hex("34000000 2000 0200 01000000 021d0000"
                + "02 00 00 00 ff 00 00 01 00000000"
                + "0800 0f00 ff000000"                                        // FRA_TABLE local
                + "0800 0e00 ffffffff"                                        // FRA_SUPPRESS_PREFIXLEN
                + "0500 1500 02000000"))).get(0);                             // FRA_PROTOCOL kernel
        assertEquals(new Rule(Family.INET, Optional.empty(), 0, Optional.empty(), 0, RuleAction.TO_TABLE, 255,
                OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(),
                false), RuleCodec.decode(msg));
    }

    @Test
    void rejectsGotoRulesAndMismatchedPrefixes() throws Exception {
        NlMessage msg = NlMessage.decodeAll(Netlink.wrap(Bytes.hex("1c000000 2000 0200 01000000 021d0000"
                + "02 00 00 00 00 00 00 02 00000000"))).get(0);
        assertThrows(NetlinkProtocolException.class, () -> RuleCodec.decode(msg));
        assertThrows(IllegalArgumentException.class, () -> Rule.lookup(Family.INET, 100).from(ip("2001:db8::"), 64));
        assertThrows(IllegalArgumentException.class, () -> Rule.lookup(Family.INET, 100).to(ip("198.51.100.0"), 33));
        assertThrows(IllegalArgumentException.class, () -> Rule.lookup(Family.INET, 0));
    }
}
