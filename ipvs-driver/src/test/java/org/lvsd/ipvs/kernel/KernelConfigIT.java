package org.lvsd.ipvs.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.lvsd.ipvs.kernel.KernelServicesIT.ip;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.Errno;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.ipvs.IpvsInfo;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.Timeouts;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.ipvs.format.IpvsadmListing;

/** GET_INFO, GET/SET_CONFIG, ZERO, FLUSH and the sync daemon commands against the real kernel. */
class KernelConfigIT extends WithKernelLab {

    @Test
    void infoIsVersion121WithTheConfiguredTableSize() throws Exception {
        assertEquals(IpvsInfo.KERNEL_DEFAULT, lab.driver.info());
    }

    @Test
    void timeoutsSetReadBackAndMatchIpvsadm() throws Exception {
        assertEquals(Timeouts.DEFAULT, lab.driver.getTimeouts());
        lab.driver.setTimeouts(new Timeouts(1800, 60, 0));
        Timeouts now = lab.driver.getTimeouts();
        assertEquals(new Timeouts(1800, 60, 300), now);
        assertEquals(IpvsadmListing.timeouts(now), lab.ipvsadm("-L", "--timeout"));
        assertEquals(Errno.EINVAL, assertThrows(IpvsException.class,
                () -> lab.driver.setTimeouts(new Timeouts(-1, 0, 0))).reason());
        lab.driver.setTimeouts(Timeouts.DEFAULT);
    }

    @Test
    void zeroAllAndOneServiceAndFlush() throws Exception {
        ServiceKey key = ServiceKey.tcp(ip("198.51.100.100"), 80);
        lab.driver.addService(VirtualService.of(key, "rr"));
        lab.driver.zero();
        lab.driver.zero(key);
        assertEquals(Errno.ESRCH, assertThrows(IpvsException.class,
                () -> lab.driver.zero(ServiceKey.tcp(ip("198.51.100.100"), 81))).reason());
        lab.driver.flush();
        assertEquals(List.of(), lab.driver.list());
        assertEquals(List.of(), lab.driver.view());
    }

    @Test
    void syncDaemonsStartListAndStop() throws Exception {
        SyncDaemon master = new SyncDaemon(SyncState.MASTER, KernelLab.IFACE, 7, 1400, Optional.of(ip("239.0.0.81")), 8850, 2);
        SyncDaemon backup = new SyncDaemon(SyncState.BACKUP, KernelLab.IFACE, 9, 1400, Optional.of(ip("ff02::12")), 8851, 1);
        lab.driver.startDaemon(master);
        lab.driver.startDaemon(backup);
        assertEquals(List.of(master, backup), lab.driver.daemons());
        assertEquals("master sync daemon (mcast=lvsd0, syncid=7, maxlen=1400, group=239.0.0.81, port=8850, ttl=2)\n"
                + "backup sync daemon (mcast=lvsd0, syncid=9, maxlen=1400, group=ff02::12, port=8851, ttl=1)\n",
                lab.ipvsadm("-L", "--daemon"));
        IpvsException again = assertThrows(IpvsException.class, () -> lab.driver.startDaemon(master));
        assertEquals(Errno.EEXIST, again.reason());
        lab.driver.stopDaemon(SyncState.MASTER);
        lab.driver.stopDaemon(SyncState.BACKUP);
        assertEquals(List.of(), lab.driver.daemons());
    }

    @Test
    void syncDaemonWithKernelDefaultsReportsThem() throws Exception {
        lab.driver.startDaemon(SyncDaemon.of(SyncState.MASTER, KernelLab.IFACE, 3));
        try {
            SyncDaemon d = lab.driver.daemons().get(0);
            assertEquals(new SyncDaemon(SyncState.MASTER, KernelLab.IFACE, 3, d.syncMaxlen(), Optional.of(ip("224.0.0.81")),
                    8848, 1), d);
        } finally {
            lab.driver.stopDaemon(SyncState.MASTER);
        }
    }
}
