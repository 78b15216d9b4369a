package org.lvsd.ipvs.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.ipvs.format.Golden.ip;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.ConnectionEntry;
import org.lvsd.ipvs.Protocol;

class ProcConnTableTest {
    private static final List<ConnectionEntry> ENTRIES = List.of(
            new ConnectionEntry(Protocol.TCP, ip("10.0.79.182"), 69, ip("10.0.79.182"), 8080, ip("10.0.79.182"), 8081,
                    "SYN_RECV", 57, false, "", ""),
            new ConnectionEntry(Protocol.IP, ip("203.0.113.0"), 0, ip("0.0.0.42"), 0, ip("198.51.100.23"), 0,
                    "NONE", 300, true, "", ""),
            new ConnectionEntry(Protocol.UDP, ip("2001:db8:1::9"), 5353, ip("2001:db8::1"), 53, ip("2001:db8::21"), 53,
                    "UDP", 299, false, "", ""),
            new ConnectionEntry(Protocol.UDP, ip("203.0.113.9"), 5060, ip("198.51.100.100"), 5060,
                    ip("198.51.100.21"), 5060, "UDP", 1234567, false, "sip", "call-1@example"));

    private static final String TEXT = ProcConnTable.HEADER + "\n"
            + "TCP 0A004FB6 0045 0A004FB6 1F90 0A004FB6 1F91 SYN_RECV         57\n"
            + "IP  CB007100 0000 0000002A 0000 C6336417 0000 NONE            300\n"
            + "UDP 2001:0db8:0001:0000:0000:0000:0000:0009 14E9 2001:0db8:0000:0000:0000:0000:0000:0001 0035 "
            + "2001:0db8:0000:0000:0000:0000:0000:0021 0035 UDP             299\n"
            + "UDP CB007109 13C4 C6336464 13C4 C6336415 13C4 UDP         1234567 sip call-1@example\n";

    @Test
    void rendersTheKernelsLayout() {
        assertEquals(TEXT, ProcConnTable.render(ENTRIES));
    }

    @Test
    void parsesWhatTheKernelPrints() {
        assertEquals(ENTRIES, ProcConnTable.parse(TEXT));
    }

    @Test
    void parsedEntriesListLikeIpvsadm() {
        assertEquals("IPVS connection entries\n"
                + "pro expire state       source             virtual            destination\n"
                + "TCP 00:57  SYN_RECV    10.0.79.182:69     10.0.79.182:8080   10.0.79.182:8081\n",
                ConnectionListing.list(ProcConnTable.parse(
                        "TCP 0A004FB6 0045 0A004FB6 1F90 0A004FB6 1F91 SYN_RECV         57\n"), false));
    }
}
