package org.lvsd.controller.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.lvsd.controller.reconcile.Drain;
import org.lvsd.healthcheck.decision.PoolStatus;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.ipvs.AddressText;
import org.lvsd.ipvs.ConnectionEntry;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.IpvsInfo;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.Stats;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.vrrp.fsm.Transition;
import org.lvsd.vrrp.fsm.VrrpState;

/** A handler with a fixed table and status that records drains and enables. */
public final class FakeHandler implements ControlHandler {

    public static final String VS = "TCP 198.51.100.100:80";

    public final List<String> calls = new CopyOnWriteArrayList<>();
    public volatile CountDownLatch reloadGate = new CountDownLatch(0);
    public volatile String reloadError;

    @Override
    public IpvsTable table() {
        return new IpvsTable(IpvsInfo.KERNEL_DEFAULT, List.of(new ServiceEntry(
                VirtualService.of(ServiceKey.tcp(ip("198.51.100.100"), 80), "wlc"), Stats.ZERO,
                List.of(new DestinationEntry(Destination.of(new RealServer(ip("198.51.100.21"), 80),
                        ForwardMethod.ROUTE, 3), 4, 9, 0, Stats.totals(100, 2000, 0, 300000, 0))))));
    }

    @Override
    public List<ConnectionEntry> connections() throws ControlException {
        throw new ControlException("connection listing needs the kernel driver");
    }

    @Override
    public StatusReport status() {
        return new StatusReport(
                List.of(new InstanceStatus("VI_1", VrrpState.MASTER, 150, List.of(ip("198.51.100.100")),
                        List.of(new TimedTransition(Instant.parse("2026-11-21T08:00:00Z"),
                                new Transition("VI_1", VrrpState.BACKUP, VrrpState.MASTER, 150,
                                        "no advert for 3.6 s"))))),
                List.of(new PoolStatus(VS, true, false, 3, List.of(
                        new PoolStatus.Server(rs("198.51.100.21"), true, 3, "all checkers up"),
                        new PoolStatus.Server(rs("198.51.100.22"), false, 0, "connection refused")))),
                List.of(Drain.in(VS, rs("198.51.100.22"))));
    }

    @Override
    public String drain(String virtualServer, RealServerId server) throws ControlException {
        calls.add("drain " + virtualServer + " / " + server);
        if (!virtualServer.equals(VS)) {
            throw new ControlException("no virtual server '" + virtualServer + "'");
        }
        return "drained " + AddressText.withPort(server.address(), server.port()) + " in " + virtualServer;
    }

    @Override
    public String enable(String virtualServer, RealServerId server) {
        calls.add("enable " + virtualServer + " / " + AddressText.withPort(server.address(), server.port()));
        return "enabled " + AddressText.withPort(server.address(), server.port()) + " in " + virtualServer;
    }

    @Override
    public String reload() throws ControlException {
        try {
            if (!reloadGate.await(10, TimeUnit.SECONDS)) {
                throw new ControlException("gate timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlException("interrupted");
        }
        if (reloadError != null) {
            throw new ControlException(reloadError);
        }
        return "reloaded /etc/lvsd/lvsd.conf";
    }

    @Override
    public String flush() {
        calls.add("flush");
        return "flushed";
    }

    @Override
    public String diff(java.nio.file.Path configFile) {
        calls.add("diff " + configFile);
        return "VRRP instance VI_1: unchanged";
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static RealServerId rs(String ip) {
        return new RealServerId(ip(ip), 80);
    }
}
