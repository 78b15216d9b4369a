package org.lvsd.ipvs.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsd.ipvs.ApplyResult;
import org.lvsd.ipvs.ChangeFailure;
import org.lvsd.ipvs.ConnectionEntry;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.Errno;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.ipvs.Protocol;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.TableChange;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.netlink.NetlinkException;
import org.lvsd.netlink.genl.GenlFamily;
import org.lvsd.netlink.socket.NetlinkSocket;

/** The driver's logic against a scripted kernel: pipelining, errors in ipvsadm words, re-reading after failures. */
class KernelIpvsDriverTest {
    final FakeKernel kernel = new FakeKernel();

    KernelIpvsDriver driver(Path procConn) throws IpvsException {
        return new KernelIpvsDriver(new NetlinkSocket(kernel, Duration.ofMillis(50), 1),
                new GenlFamily(FakeKernel.FAMILY, "IPVS", 1, 0, 6, List.of()), procConn);
    }

    static VirtualService svc(int lastOctet) throws Exception {
        return VirtualService.of(ServiceKey.tcp(InetAddress.getByAddress(new byte[] {(byte) 198, 51, 100,
            (byte) lastOctet}), 80), "rr");
    }

    static List<VirtualService> services(List<ServiceEntry> table) {
        return table.stream().map(ServiceEntry::service).toList();
    }

    static final int GET_SERVICE = IpvsCommand.GET_SERVICE.value();
    static final int GET_DEST = IpvsCommand.GET_DEST.value();
    static final int NEW_SERVICE = IpvsCommand.NEW_SERVICE.value();
    static final int NEW_DEST = IpvsCommand.NEW_DEST.value();

    @Test
    void startsFromTheKernelsTable() throws Exception {
        kernel.services.put(svc(100).key(), svc(100));
        KernelIpvsDriver d = driver(Path.of("/nonexistent"));
        assertEquals(List.of(svc(100)), services(d.view()));
        assertEquals(List.of(GET_SERVICE, GET_DEST), kernel.commands);
    }

    @Test
    void refusedChangeNamesTheServiceAndErrnoAndRereadsTheTable() throws Exception {
        KernelIpvsDriver d = driver(Path.of("/nonexistent"));
        kernel.services.put(svc(100).key(), svc(100)); // added behind the driver's back
        kernel.commands.clear();
        IpvsException e = assertThrows(IpvsException.class, () -> d.addService(svc(100)));
        assertEquals(Errno.EEXIST, e.reason());
        assertEquals("add service TCP 198.51.100.100:80: EEXIST (File exists)", e.getMessage());
        assertEquals(List.of(NEW_SERVICE, GET_SERVICE, GET_DEST), kernel.commands);
        assertEquals(List.of(svc(100)), services(d.view()));
    }

    @Test
    void acknowledgedChangesUpdateTheViewWithoutRereading() throws Exception {
        KernelIpvsDriver d = driver(Path.of("/nonexistent"));
        kernel.commands.clear();
        d.addService(svc(1));
        d.addService(svc(2));
        d.deleteService(svc(1).key());
        assertEquals(List.of(NEW_SERVICE, NEW_SERVICE, IpvsCommand.DEL_SERVICE.value()), kernel.commands);
        assertEquals(List.of(svc(2)), services(d.view()));
        d.flush();
        assertEquals(List.of(), d.view());
    }

    @Test
    void largeChangeSetsArePipelinedInFewDatagrams() throws Exception {
        KernelIpvsDriver d = driver(Path.of("/nonexistent"));
        List<TableChange> changes = new ArrayList<>();
        List<VirtualService> expected = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            changes.add(new TableChange.AddService(svc(i)));
            expected.add(svc(i));
        }
        int before = kernel.datagrams;
        assertEquals(new ApplyResult(changes, List.of()), d.apply(changes));
        // 128 requests in flight at a time, each window in one datagram: 2 sends, not 250
        assertEquals(2, kernel.datagrams - before);
        assertEquals(expected, services(d.view()));
        assertEquals(expected, List.copyOf(kernel.services.values()));
    }

    @Test
    void refusedChangesOfABatchAreReportedByIndexAndTheViewIsReread() throws Exception {
        KernelIpvsDriver d = driver(Path.of("/nonexistent"));
        ServiceKey missing = svc(9).key();
        List<TableChange> changes = List.of(new TableChange.AddService(svc(1)), new TableChange.AddService(svc(1)),
                new TableChange.AddDestination(missing, Destination.of(new RealServer(InetAddress.getByName(
                        "198.51.100.21"), 80), ForwardMethod.ROUTE, 1)), new TableChange.AddService(svc(2)));
        kernel.commands.clear();
        ApplyResult r = d.apply(changes);
        assertEquals(changes, r.changes());
        assertEquals(List.of(1, 2), r.failures().stream().map(ChangeFailure::index).toList());
        assertEquals(List.of(changes.get(1), changes.get(2)), r.failures().stream().map(ChangeFailure::change).toList());
        assertEquals(List.of(changes.get(0), changes.get(3)), r.applied());
        assertEquals("add service TCP 198.51.100.1:80: EEXIST (File exists)", r.failures().get(0).error().getMessage());
        assertEquals("add destination TCP 198.51.100.9:80 -> 198.51.100.21:80: ESRCH (No such process)",
                r.failures().get(1).error().getMessage());
        assertEquals(Errno.ESRCH, r.failures().get(1).error().reason());
        assertEquals(List.of(NEW_SERVICE, NEW_SERVICE, NEW_DEST, NEW_SERVICE, GET_SERVICE, GET_DEST, GET_DEST),
                kernel.commands);
        assertEquals(List.of(svc(1), svc(2)), services(d.view()));
    }

    @Test
    void aFlushInABatchIsOneFlushRequestAndEmptiesTheViewBeforeTheChangesAfterIt() throws Exception {
        KernelIpvsDriver d = driver(Path.of("/nonexistent"));
        kernel.commands.clear();
        List<TableChange> changes = List.of(new TableChange.AddService(svc(1)), new TableChange.Flush(),
                new TableChange.AddService(svc(2)));
        assertEquals(new ApplyResult(changes, List.of()), d.apply(changes));
        assertEquals(List.of(NEW_SERVICE, IpvsCommand.FLUSH.value(), NEW_SERVICE), kernel.commands);
        assertEquals(List.of(svc(2)), services(d.view()));
        assertEquals(List.of(svc(2)), List.copyOf(kernel.services.values()));
    }

    @Test
    void errnosTheModelLacksKeepTheirNameInTheMessage() {
        IpvsException e = KernelErrors.of(new NetlinkException("start sync daemon master on eth9 syncid 1", 0x22, 19,
                java.util.Optional.empty()));
        assertEquals(Errno.EINVAL, e.reason());
        assertEquals("start sync daemon master on eth9 syncid 1: ENODEV (No such device)", e.getMessage());
    }

    @Test
    void connectionsComeFromTheProcTable(@TempDir Path dir) throws Exception {
        Path proc = dir.resolve("ip_vs_conn");
        Files.writeString(proc, "Pro FromIP   FPrt ToIP     TPrt DestIP   DPrt State       Expires PEName PEData\n"
                + "TCP C6336402 D431 C6336464 0050 C6336415 0050 ESTABLISHED     899\n");
        List<ConnectionEntry> c = driver(proc).connections();
        assertEquals(List.of(new ConnectionEntry(Protocol.TCP, InetAddress.getByName("198.51.100.2"), 54321,
                InetAddress.getByName("198.51.100.100"), 80, InetAddress.getByName("198.51.100.21"), 80, "ESTABLISHED",
                899, false, "", "")), c);
        assertEquals(Errno.ENOENT, assertThrows(IpvsException.class, () -> driver(dir.resolve("absent")).connections())
                .reason());
    }
}
