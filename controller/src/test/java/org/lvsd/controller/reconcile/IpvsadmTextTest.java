package org.lvsd.controller.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.controller.reconcile.Tables.ip;
import static org.lvsd.controller.reconcile.Tables.rs;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.ServiceFlag;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.TunnelChecksum;
import org.lvsd.ipvs.TunnelType;
import org.lvsd.ipvs.VirtualService;

class IpvsadmTextTest {

    @Test
    void fwmarkServiceWithFlagsAndIpv6Persistence() {
        VirtualService s = new VirtualService(ServiceKey.fwmark(7, AddressFamily.INET6), "rr",
                Set.of(ServiceFlag.SCHED1, ServiceFlag.SCHED3, ServiceFlag.HASHED), 0, 128, "").withPersistence(300, 64);
        assertEquals("-A -f 7 -6 -s rr -b flag-1,flag-3 -p 300 -M 64", new Change.AddService(s).toString());
        assertEquals("-D -f 7 -6", new Change.DeleteService(s.key()).toString());
    }

    @Test
    void udpServiceWithOnePacketSchedulingAndPersistenceEngine() {
        VirtualService s = new VirtualService(ServiceKey.udp(ip("2001:db8::1"), 5060), "mh",
                Set.of(ServiceFlag.SCHED2, ServiceFlag.ONE_PACKET), 0, 128, "sip").withPersistence(60, 128);
        assertEquals("-E -u [2001:db8::1]:5060 -s mh -b mh-port -p 60 --pe sip -o", new Change.EditService(s).toString());
    }

    @Test
    void destinationsWithEachMethod() {
        ServiceKey sctp = ServiceKey.sctp(ip("198.51.100.100"), 9);
        assertEquals("-a --sctp-service 198.51.100.100:9 -r 10.0.0.1:9 -m -w 3 -x 10",
                new Change.AddDestination(sctp, Destination.of(rs("10.0.0.1", 9), ForwardMethod.MASQ, 3)
                        .withThresholds(10, 0)).toString());
        assertEquals("-e --sctp-service 198.51.100.100:9 -r 10.0.0.1:9 -i -w 1 --tun-type gre --tun-remcsum",
                new Change.EditDestination(sctp, Destination.of(rs("10.0.0.1", 9), ForwardMethod.TUNNEL, 1)
                        .withTunnel(TunnelType.GRE, 0, TunnelChecksum.REMCSUM)).toString());
        assertEquals("-a --sctp-service 198.51.100.100:9 -r 10.0.0.1:9 -i -w 1",
                new Change.AddDestination(sctp, Destination.of(rs("10.0.0.1", 9), ForwardMethod.TUNNEL, 1)).toString());
        assertEquals("-d --sctp-service 198.51.100.100:9 -r 10.0.0.1:9",
                new Change.DeleteDestination(sctp, rs("10.0.0.1", 9)).toString());
    }
}
