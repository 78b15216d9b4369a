package org.lvsd.ipvs.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.lvsd.ipvs.format.Golden.ip;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.Errno;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceFlag;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.TableChange;
import org.lvsd.ipvs.TestClock;
import org.lvsd.ipvs.Timeouts;
import org.lvsd.ipvs.TunnelChecksum;
import org.lvsd.ipvs.TunnelType;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.ipvs.table.InMemoryIpvsDriver;

class RestoreParserTest {
    private static final ServiceKey WEB = ServiceKey.tcp(ip("198.51.100.100"), 80);

    private static RestoreCommand one(String line) throws RestoreException {
        List<RestoreCommand> all = RestoreParser.parse(line);
        assertEquals(1, all.size());
        return all.get(0);
    }

    private static RestoreCommand change(int line, TableChange change) {
        return new RestoreCommand.Change(line, change);
    }

    private static void rejects(String text, String message) {
        RestoreException e = assertThrows(RestoreException.class, () -> RestoreParser.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void savedTableRestoresToTheSameSaveText() throws Exception {
        String saved = IpvsadmSave.save(Golden.table());
        InMemoryIpvsDriver driver = new InMemoryIpvsDriver(new TestClock());
        assertEquals(11, RestoreParser.apply(saved, driver));
        assertEquals(saved, IpvsadmSave.save(driver.list()));
    }

    @Test
    void addServiceWithPersistenceAndNetmask() throws Exception {
        assertEquals(change(1, new TableChange.AddService(new VirtualService(WEB, "rr", Set.of(ServiceFlag.PERSISTENT),
                300, 0xffffff00, ""))), one("-A -t 198.51.100.100:80 -s rr -p 300 -M 255.255.255.0"));
    }

    @Test
    void defaultsAreWlcWeightOneAndDirectRoutingWithTheServicePort() throws Exception {
        assertEquals(change(1, new TableChange.AddService(VirtualService.of(WEB, "wlc"))),
                one("ipvsadm -A -t 198.51.100.100:80"));
        assertEquals(change(1, new TableChange.AddDestination(WEB,
                Destination.of(new RealServer(ip("198.51.100.21"), 80), ForwardMethod.ROUTE, 1))),
                one("-a -t 198.51.100.100:80 -r 198.51.100.21:8080"));
    }

    @Test
    void masqueradingKeepsItsPortAndReadsThresholds() throws Exception {
        assertEquals(change(1, new TableChange.AddDestination(WEB,
                Destination.of(new RealServer(ip("198.51.100.21"), 8080), ForwardMethod.MASQ, 5)
                        .withThresholds(100, 50))),
                one("--add-server --tcp-service=198.51.100.100:80 -r 198.51.100.21:8080 -m -w 5 -x 100 -y 50"));
    }

    @Test
    void persistentWithoutValueUsesThreeHundredSeconds() throws Exception {
        ServiceKey all = ServiceKey.tcp(ip("198.51.100.100"), 0);
        assertEquals(change(1, new TableChange.AddService(VirtualService.of(all, "rr").withPersistence(300, 0xffffffff))),
                one("-A -t 198.51.100.100:0 -p -s rr"));
    }

    @Test
    void ipv6FwmarkUdpSctpAndSchedulerFlags() throws Exception {
        assertEquals(change(1, new TableChange.AddService(VirtualService.of(ServiceKey.tcp(ip("2001:db8::1"), 443), "mh")
                .withFlags(ServiceFlag.SCHED1, ServiceFlag.SCHED2).withPersistence(600, 64))),
                one("-A -t [2001:db8::1]:443 -s mh -b mh-fallback,mh-port -p 600 -M 64"));
        assertEquals(change(1, new TableChange.AddService(VirtualService.of(ServiceKey.fwmark(42, AddressFamily.INET6),
                "sh").withFlags(ServiceFlag.SCHED2))), one("-A -f 42 -6 -s sh -b sh-port"));
        assertEquals(change(1, new TableChange.AddService(VirtualService.of(ServiceKey.udp(ip("198.51.100.100"), 53),
                "rr").withFlags(ServiceFlag.ONE_PACKET))), one("-A -u 198.51.100.100:53 -s rr -o"));
        assertEquals(change(1, new TableChange.DeleteService(ServiceKey.sctp(ip("198.51.100.100"), 5060))),
                one("-D --sctp-service 198.51.100.100:5060"));
    }

    @Test
    void tunnelOptions() throws Exception {
        assertEquals(change(1, new TableChange.EditDestination(WEB, Destination.of(
                new RealServer(ip("198.51.100.24"), 80), ForwardMethod.TUNNEL, 1)
                .withTunnel(TunnelType.GUE, 6080, TunnelChecksum.REMCSUM))),
                one("-e -t 198.51.100.100:80 -r 198.51.100.24 -i --tun-type gue --tun-port 6080 --tun-remcsum"));
    }

    @Test
    void flushZeroAndTimeouts() throws Exception {
        assertEquals(List.of(change(1, new TableChange.Flush()), new RestoreCommand.Zero(3, Optional.empty()),
                new RestoreCommand.Zero(4, Optional.of(WEB)), new RestoreCommand.SetTimeouts(5, new Timeouts(900, 120, 0)),
                change(6, new TableChange.DeleteDestination(WEB, new RealServer(ip("198.51.100.21"), 80)))),
                RestoreParser.parse("-C\n\n-Z # all\n-Z -t 198.51.100.100:80\n--set 900 120 0\n"
                        + "-d -t 198.51.100.100:80 -r 198.51.100.21\n"));
    }

    @Test
    void ipvsadmsOwnErrorMessagesWithLineNumbers() {
        rejects("-C\n-A -t 198.51.100.100:80 -w 3", "line 2: Illegal 'weight' option with the 'add-service' command");
        rejects("-a -r 198.51.100.21", "line 1: You need to supply the 'service-address' option for the "
                + "'add-server' command");
        rejects("-a -t 198.51.100.100:80", "line 1: You need to supply the 'real-server' option for the "
                + "'add-server' command");
        rejects("-A -t 198.51.100.100", "line 1: Zero port specified for non-persistent service");
        rejects("-A -t 198.51.100.100:80 -o", "line 1: One-Packet Scheduling is only for UDP virtual services");
        rejects("-a -t 198.51.100.100:80 -r 198.51.100.21 -w 65536", "line 1: illegal weight specified");
        rejects("-A -t 198.51.100.300:80", "line 1: illegal virtual server address[:port] specified");
        rejects("-A -t 198.51.100.100:80 -s rr -s wrr", "line 1: multiple 'scheduler' options specified");
        rejects("-A -D -t 198.51.100.100:80", "line 1: multiple commands specified");
        rejects("-A -t 198.51.100.100:80 -b sh-port", "line 1: incompatible scheduler flag `sh-port'");
        rejects("-A -t 198.51.100.100:80 -b fast", "line 1: invalid scheduler flag `fast'");
        rejects("-A -t 198.51.100.100:80 -p 0", "line 1: invalid timeout value `0' specified");
        rejects("-A -f 0", "line 1: invalid fwmark value `0' specified");
        rejects("-A -t [2001:db8::1]:80 -p -M 129", "line 1: illegal ipv6 netmask specified");
        rejects("-A -6 -f 1", "line 1: -6 used before -f");
        rejects("-a -t 198.51.100.100:80 -r [2001:db8::21]:80 -g",
                "line 1: Different address family is allowed only for tunneling servers");
        rejects("-a -t 198.51.100.100:80 -r 198.51.100.21 -g --tun-type gre",
                "line 1: Tunnel options conflict with forward method");
        rejects("-a -t 198.51.100.100:80 -r 198.51.100.21 -i --tun-type gue",
                "line 1: You need to supply the 'tun-port' option for the 'gue' tunnel type");
        rejects("-a -t 198.51.100.100:80 -r 198.51.100.21 -i --tun-type gre --tun-remcsum",
                "line 1: Illegal 'tun-remcsum' option with the 'gre' tunnel type");
        rejects("-a -t 198.51.100.100:80 -r 198.51.100.21 -i --tun-type gue --tun-port 1 --tun-nocsum --tun-csum",
                "line 1: The option 'tun-csum' conflicts with the 'tun-nocsum' option in the 'gue' tunnel type");
        rejects("--set 900 120", "line 1: --set option requires 3 timeout values");
        rejects("-C extra", "line 1: unexpected argument extra");
        rejects("-t 198.51.100.100:80", "line 1: a line must start with a command (-A, -E, -D, -a, -e, -d, -C, -Z "
                + "or --set)");
        rejects("-A -t 198.51.100.100:80 --stats", "line 1: --stats: unknown option");
        rejects("-a -t 198.51.100.100:80 -r", "line 1: -r: missing argument");
    }

    @Test
    void driverRefusalsCarryTheLineAndTheErrno() {
        InMemoryIpvsDriver driver = new InMemoryIpvsDriver(new TestClock());
        RestoreException e = assertThrows(RestoreException.class, () -> RestoreParser.apply(
                "-A -t 198.51.100.100:80 -s rr\n-A -t 198.51.100.100:80 -s wrr\n", driver));
        assertEquals("line 2: Service already exists (EEXIST: TCP 198.51.100.100:80: service already exists)", e.getMessage());
        assertEquals(2, e.line());
        assertEquals(Errno.EEXIST, assertInstanceOf(IpvsException.class, e.getCause()).reason());
    }
}
