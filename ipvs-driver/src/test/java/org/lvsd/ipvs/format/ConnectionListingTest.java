package org.lvsd.ipvs.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.ipvs.format.Golden.ip;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.ConnectionEntry;
import org.lvsd.ipvs.Protocol;

class ConnectionListingTest {

    @Test
    void connectionsTemplatesAndIpv6() {
        List<ConnectionEntry> entries = List.of(
                new ConnectionEntry(Protocol.TCP, ip("203.0.113.9"), 40000, ip("198.51.100.100"), 80,
                        ip("198.51.100.21"), 80, "ESTABLISHED", 899, false, "", ""),
                new ConnectionEntry(Protocol.TCP, ip("203.0.113.0"), 0, ip("198.51.100.100"), 80,
                        ip("198.51.100.21"), 80, "NONE", 300, true, "", ""),
                new ConnectionEntry(Protocol.IP, ip("203.0.113.9"), 0, ip("0.0.0.42"), 0,
                        ip("198.51.100.23"), 0, "NONE", 5, true, "", ""),
                new ConnectionEntry(Protocol.UDP, ip("2001:db8:1::9"), 5353, ip("2001:db8::1"), 53,
                        ip("2001:db8::21"), 53, "UDP", 3599 * 60 + 59, false, "", ""));
        assertEquals(Golden.text("ipvsadm-conn.txt"), ConnectionListing.list(entries, false));
    }

    @Test
    void persistentConnVariantAddsEngineColumnsOnlyWhereThereIsData() {
        List<ConnectionEntry> entries = List.of(
                new ConnectionEntry(Protocol.TCP, ip("203.0.113.9"), 40000, ip("198.51.100.100"), 80,
                        ip("198.51.100.21"), 80, "SYN_RECV", 59, false, "", ""),
                new ConnectionEntry(Protocol.UDP, ip("203.0.113.9"), 5060, ip("198.51.100.100"), 5060,
                        ip("198.51.100.21"), 5060, "UDP", 300, false, "sip", "call-1@example"));
        assertEquals(Golden.text("ipvsadm-conn-pe.txt"), ConnectionListing.list(entries, true));
    }
}
