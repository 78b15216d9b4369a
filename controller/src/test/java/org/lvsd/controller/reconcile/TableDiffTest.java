package org.lvsd.controller.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.controller.reconcile.Tables.DNS;
import static org.lvsd.controller.reconcile.Tables.WEB;
import static org.lvsd.controller.reconcile.Tables.desired;
import static org.lvsd.controller.reconcile.Tables.listed;
import static org.lvsd.controller.reconcile.Tables.route;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.ServiceFlag;
import org.lvsd.ipvs.TableChange;
import org.lvsd.ipvs.TunnelChecksum;
import org.lvsd.ipvs.TunnelType;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.ipvs.format.IpvsadmCommand;

class TableDiffTest {

    private static final VirtualService WEB_RR = VirtualService.of(WEB, "rr");
    private static final VirtualService DNS_WLC = VirtualService.of(DNS, "wlc");

    private static List<String> text(List<TableChange> changes) {
        return changes.stream().map(IpvsadmCommand::of).toList();
    }

    @Test
    void fromAnEmptyTableEachServiceIsAddedBeforeItsDestinations() {
        DesiredTable want = new DesiredTable(List.of(
                desired(WEB_RR, route("198.51.100.21", 80, 1), route("198.51.100.22", 80, 2)),
                desired(DNS_WLC, route("198.51.100.21", 53, 1))));
        assertEquals(List.of(
                "-A -t 198.51.100.100:80 -s rr",
                "-a -t 198.51.100.100:80 -r 198.51.100.21:80 -g -w 1",
                "-a -t 198.51.100.100:80 -r 198.51.100.22:80 -g -w 2",
                "-A -u 198.51.100.100:53 -s wlc",
                "-a -u 198.51.100.100:53 -r 198.51.100.21:53 -g -w 1"),
                text(TableDiff.between(want, List.of())));
    }

    @Test
    void aMatchingTableNeedsNothingEvenWithTheKernelsHashedFlag() {
        DesiredTable want = new DesiredTable(List.of(desired(WEB_RR, route("198.51.100.21", 80, 1))));
        assertEquals(List.of(), TableDiff.between(want,
                List.of(listed(WEB_RR.withFlags(ServiceFlag.HASHED), route("198.51.100.21", 80, 1)))));
    }

    @Test
    void weightMethodAndThresholdChangesAreDestinationEdits() {
        DesiredTable want = new DesiredTable(List.of(desired(WEB_RR, route("198.51.100.21", 80, 0),
                route("198.51.100.22", 80, 1).withThresholds(100, 10),
                route("198.51.100.23", 80, 1).withTunnel(TunnelType.GUE, 6080, TunnelChecksum.CSUM))));
        List<TableChange> changes = TableDiff.between(want, List.of(listed(WEB_RR, route("198.51.100.21", 80, 1),
                route("198.51.100.22", 80, 1), route("198.51.100.23", 80, 1))));
        assertEquals(List.of(
                "-e -t 198.51.100.100:80 -r 198.51.100.21:80 -g -w 0",
                "-e -t 198.51.100.100:80 -r 198.51.100.22:80 -g -w 1 -x 100 -y 10",
                "-e -t 198.51.100.100:80 -r 198.51.100.23:80 -i -w 1 --tun-type gue --tun-port 6080 --tun-csum"),
                text(changes));
    }

    @Test
    void schedulerFlagsAndPersistenceChangesAreServiceEdits() {
        VirtualService sh = new VirtualService(WEB, "sh", Set.of(ServiceFlag.SCHED1, ServiceFlag.SCHED2), 0,
                0xffffffff, "");
        VirtualService persistent = VirtualService.of(DNS, "wlc").withPersistence(600, 0xffffff00);
        DesiredTable want = new DesiredTable(List.of(desired(sh), desired(persistent)));
        assertEquals(List.of(
                "-E -t 198.51.100.100:80 -s sh -b sh-fallback,sh-port",
                "-E -u 198.51.100.100:53 -s wlc -p 600 -M 255.255.255.0"),
                text(TableDiff.between(want, List.of(listed(WEB_RR), listed(DNS_WLC.withPersistence(600,
                        0xffffffff))))));
    }

    @Test
    void unwantedDestinationsAreDeletedBeforeNewOnesAreAdded() {
        DesiredTable want = new DesiredTable(List.of(desired(WEB_RR, route("198.51.100.23", 80, 1),
                route("198.51.100.21", 80, 1))));
        assertEquals(List.of(
                "-d -t 198.51.100.100:80 -r 198.51.100.22:80",
                "-a -t 198.51.100.100:80 -r 198.51.100.23:80 -g -w 1"),
                text(TableDiff.between(want, List.of(listed(WEB_RR, route("198.51.100.21", 80, 1),
                        route("198.51.100.22", 80, 1))))));
    }

    @Test
    void ownedServicesLeaveDestinationsFirstAndForeignOnesAreNeverTouched() {
        VirtualService foreign = VirtualService.of(Tables.WEB, "rr");
        DesiredTable want = new DesiredTable(List.of(desired(DNS_WLC)));
        List<org.lvsd.ipvs.ServiceEntry> actual = List.of(listed(foreign, route("10.0.0.1", 80, 1)),
                listed(DNS_WLC));
        assertEquals(List.of(), TableDiff.between(want, actual));
        assertEquals(List.of(
                "-d -t 198.51.100.100:80 -r 10.0.0.1:80",
                "-D -t 198.51.100.100:80"),
                text(TableDiff.between(want, actual, Set.of(WEB))));
    }
}
