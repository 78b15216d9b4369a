package org.lvsd.ipvs.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.ipvs.format.Golden.ip;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceFlag;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.TableChange;
import org.lvsd.ipvs.TunnelChecksum;
import org.lvsd.ipvs.TunnelType;
import org.lvsd.ipvs.VirtualService;

class IpvsadmCommandTest {
    private static final ServiceKey SCTP = ServiceKey.sctp(ip("198.51.100.100"), 9);
    private static final RealServer RS = new RealServer(ip("10.0.0.1"), 9);

    private static final VirtualService FWMARK_V6 = new VirtualService(ServiceKey.fwmark(7, AddressFamily.INET6), "rr",
            Set.of(ServiceFlag.SCHED1, ServiceFlag.SCHED3), 0, 128, "").withPersistence(300, 64);
    private static final VirtualService SIP = new VirtualService(ServiceKey.udp(ip("2001:db8::1"), 5060), "mh",
            Set.of(ServiceFlag.SCHED2, ServiceFlag.ONE_PACKET), 0, 128, "sip").withPersistence(60, 128);
    private static final VirtualService WEB_PERSISTENT = VirtualService.of(ServiceKey.tcp(ip("198.51.100.100"), 443),
            "wlc").withPersistence(600, 0xffffff00);

    @Test
    void servicesAreWrittenWithTheSaveFormatsOptions() {
        assertEquals("-A -f 7 -6 -s rr -p 300 -M 64 -b flag-1,flag-3", IpvsadmCommand.of(
                new TableChange.AddService(FWMARK_V6.withFlags(ServiceFlag.HASHED))));
        assertEquals("-D -f 7 -6", IpvsadmCommand.of(new TableChange.DeleteService(FWMARK_V6.key())));
        assertEquals("-E -u [2001:db8::1]:5060 -s mh -p 60 --pe sip -o -b mh-port",
                IpvsadmCommand.of(new TableChange.EditService(SIP)));
        assertEquals("-A -t 198.51.100.100:443 -s wlc -p 600 -M 255.255.255.0",
                IpvsadmCommand.of(new TableChange.AddService(WEB_PERSISTENT)));
        assertEquals("-C", IpvsadmCommand.of(new TableChange.Flush()));
    }

    @Test
    void aMarkAboveTwoToTheThirtyFirstIsUnsignedAsIpvsadmParsesIt() {
        assertEquals("-D -f 4294967295", IpvsadmCommand.of(new TableChange.DeleteService(
                ServiceKey.fwmark(-1, AddressFamily.INET))));
    }

    @Test
    void destinationsCarryThresholdsAndTunnelOptionsThatDifferFromTheDefaults() {
        assertEquals("-a --sctp-service 198.51.100.100:9 -r 10.0.0.1:9 -m -w 3 -x 10",
                IpvsadmCommand.of(new TableChange.AddDestination(SCTP, Destination.of(RS, ForwardMethod.MASQ, 3)
                        .withThresholds(10, 0))));
        assertEquals("-e --sctp-service 198.51.100.100:9 -r 10.0.0.1:9 -i -w 1 --tun-type gre --tun-remcsum",
                IpvsadmCommand.of(new TableChange.EditDestination(SCTP, Destination.of(RS, ForwardMethod.TUNNEL, 1)
                        .withTunnel(TunnelType.GRE, 0, TunnelChecksum.REMCSUM))));
        assertEquals("-a --sctp-service 198.51.100.100:9 -r 10.0.0.1:9 -i -w 1",
                IpvsadmCommand.of(new TableChange.AddDestination(SCTP, Destination.of(RS, ForwardMethod.TUNNEL, 1))));
        assertEquals("-d --sctp-service 198.51.100.100:9 -r 10.0.0.1:9",
                IpvsadmCommand.of(new TableChange.DeleteDestination(SCTP, RS)));
    }

    @Test
    void everyCommandIsRestoreInputThatMakesTheSameChange() throws Exception {
        ServiceKey web = ServiceKey.tcp(ip("198.51.100.100"), 80);
        RealServer v6 = new RealServer(ip("2001:db8::21"), 5060);
        List<TableChange> changes = List.of(
                new TableChange.Flush(),
                new TableChange.AddService(FWMARK_V6),
                new TableChange.EditService(SIP),
                new TableChange.AddService(WEB_PERSISTENT),
                new TableChange.AddService(VirtualService.of(web, "sh").withFlags(ServiceFlag.SCHED1,
                        ServiceFlag.SCHED2)),
                new TableChange.DeleteService(ServiceKey.fwmark(-2, AddressFamily.INET)),
                new TableChange.AddDestination(web, Destination.of(new RealServer(ip("198.51.100.21"), 8080),
                        ForwardMethod.MASQ, 5).withThresholds(100, 50)),
                new TableChange.EditDestination(web, Destination.of(new RealServer(ip("198.51.100.22"), 80),
                        ForwardMethod.TUNNEL, 2).withTunnel(TunnelType.GUE, 6080, TunnelChecksum.CSUM)),
                new TableChange.AddDestination(SIP.key(), Destination.of(v6, ForwardMethod.ROUTE, 0)),
                new TableChange.DeleteDestination(SCTP, RS));
        StringBuilder text = new StringBuilder();
        List<RestoreCommand> expected = new ArrayList<>();
        for (TableChange c : changes) {
            text.append(IpvsadmCommand.of(c)).append('\n');
            expected.add(new RestoreCommand.Change(expected.size() + 1, c));
        }
        assertEquals(expected, RestoreParser.parse(text.toString()));
    }
}
