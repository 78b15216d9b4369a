package org.lvsd.ipvs.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lvsd.ipvs.ApplyResult;
import org.lvsd.ipvs.ChangeFailure;
import org.lvsd.ipvs.ConnectionEntry;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.Errno;
import org.lvsd.ipvs.IpvsDriver;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.ipvs.IpvsInfo;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.TableChange;
import org.lvsd.ipvs.Timeouts;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.ipvs.format.ProcConnTable;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NetlinkException;
import org.lvsd.netlink.NlMessage;
import org.lvsd.netlink.NlRequest;
import org.lvsd.netlink.genl.GenlFamilies;
import org.lvsd.netlink.genl.GenlFamily;
import org.lvsd.netlink.socket.BatchFailure;
import org.lvsd.netlink.socket.BatchResult;
import org.lvsd.netlink.socket.NetlinkSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link IpvsDriver} on the kernel's IPVS, over generic netlink family "IPVS" resolved by name.
 * Large change sets go through {@link #apply}, which pipelines them with
 * {@link NetlinkSocket#batch} instead of one round trip each. The driver keeps a {@link #view()}
 * of the table: acknowledged changes update it, and after any refused change it reads the
 * kernel's table again, so the view never holds a change the kernel did not make.
 *
 * <p>Thread-safe: one conversation with the kernel at a time.
 */
public final class KernelIpvsDriver implements IpvsDriver, AutoCloseable {
    /** Where the kernel lists connections (what ipvsadm -Lc reads). */
    public static final Path PROC_CONN = Path.of("/proc/net/ip_vs_conn");
    private static final Logger LOG = LoggerFactory.getLogger(KernelIpvsDriver.class);

    private final NetlinkSocket socket;
    private final IpvsRequests requests;
    private final Path procConn;
    private final TableView view = new TableView();

    /**
     * A driver on an open generic netlink socket and a resolved family; reads the table once.
     *
     * @param socket a {@code NETLINK_GENERIC} socket, owned (closed) by the driver from now on
     * @param family the resolved "IPVS" family
     * @param procConn the connection table file ({@link #PROC_CONN})
     */
    public KernelIpvsDriver(NetlinkSocket socket, GenlFamily family, Path procConn) throws IpvsException {
        this.socket = socket;
        this.requests = new IpvsRequests(family.id());
        this.procConn = procConn;
        resync();
    }

    /**
     * Opens a generic netlink socket in the caller's network namespace and resolves "IPVS" (which
     * makes the kernel load ip_vs when it can).
     *
     * @throws IpvsException ENOENT when the kernel has no IPVS, or the socket's failure
     */
    public static KernelIpvsDriver open() throws IpvsException {
        NetlinkSocket s = null;
        try {
            s = NetlinkSocket.open(Netlink.NETLINK_GENERIC);
            GenlFamily family = new GenlFamilies(s).resolve(IpvsAttr.FAMILY).orElseThrow(() -> new IpvsException(
                    Errno.ENOENT, "the kernel has no generic netlink family " + IpvsAttr.FAMILY
                            + " (IPVS not built or its module not loadable)"));
            LOG.debug("IPVS family id {} version {}", family.id(), family.version());
            return new KernelIpvsDriver(s, family, PROC_CONN);
        } catch (NetlinkException e) {
            close(s);
            throw KernelErrors.of(e);
        } catch (IpvsException | RuntimeException e) {
            close(s);
            throw e;
        }
    }

    @Override
    public void addService(VirtualService service) throws IpvsException {
        change(new TableChange.AddService(service));
    }

    @Override
    public void editService(VirtualService service) throws IpvsException {
        change(new TableChange.EditService(service));
    }

    @Override
    public void deleteService(ServiceKey key) throws IpvsException {
        change(new TableChange.DeleteService(key));
    }

    @Override
    public void addDestination(ServiceKey key, Destination destination) throws IpvsException {
        change(new TableChange.AddDestination(key, destination));
    }

    @Override
    public void editDestination(ServiceKey key, Destination destination) throws IpvsException {
        change(new TableChange.EditDestination(key, destination));
    }

    @Override
    public void deleteDestination(ServiceKey key, RealServer server) throws IpvsException {
        change(new TableChange.DeleteDestination(key, server));
    }

    @Override
    public void flush() throws IpvsException {
        change(new TableChange.Flush());
    }

    @Override
    public void zero() throws IpvsException {
        command(requests.zeroAll());
    }

    @Override
    public void zero(ServiceKey key) throws IpvsException {
        command(requests.zero(key));
    }

    /**
     * Applies changes in order, pipelined: one request each, up to {@link NetlinkSocket#BATCH_WINDOW}
     * in flight, and every ack or error mapped back by sequence number to its change. Refused
     * changes are reported with their index; the others took effect. After any refusal the view is
     * read again from the kernel.
     *
     * @throws IpvsException when the socket fails or an answer does not come in time (the view is
     *     then read again too)
     */
    @Override
    public synchronized ApplyResult apply(List<TableChange> changes) throws IpvsException {
        List<NlRequest> batch = new ArrayList<>(changes.size());
        for (TableChange c : changes) {
            batch.add(requests.change(c));
        }
        BatchResult result;
        try {
            result = socket.batch(batch);
        } catch (NetlinkException e) {
            resyncAfter(e.getMessage());
            throw KernelErrors.of(e);
        }
        List<ChangeFailure> failures = new ArrayList<>();
        for (BatchFailure f : result.failures()) {
            failures.add(new ChangeFailure(f.index(), changes.get(f.index()), KernelErrors.of(f.error())));
        }
        failures.sort(Comparator.comparingInt(ChangeFailure::index));
        if (failures.isEmpty()) {
            changes.forEach(view::record);
        } else {
            resyncAfter(failures.size() + " of " + changes.size() + " changes refused, first: "
                    + failures.get(0).error().getMessage());
        }
        return new ApplyResult(changes, failures);
    }

    /** The table as the driver believes it is (settings only, counters zero). */
    public synchronized List<ServiceEntry> view() {
        return view.snapshot();
    }

    /** Reads the kernel's table into the view, e.g. to pick up changes made by others. */
    public synchronized void resync() throws IpvsException {
        view.reset(list());
    }

    @Override
    public synchronized List<ServiceEntry> list() throws IpvsException {
        try {
            List<ServiceEntry> out = new ArrayList<>();
            for (NlMessage m : socket.dump(requests.dumpServices())) {
                ServiceEntry s = IpvsReplies.service(m);
                out.add(new ServiceEntry(s.service(), s.stats(), destinations(s.service().key())));
            }
            return out;
        } catch (NetlinkException e) {
            throw KernelErrors.of(e);
        }
    }

    /** One service with its destinations (GET_SERVICE, then a GET_DEST dump); ESRCH when absent. */
    public synchronized ServiceEntry get(ServiceKey key) throws IpvsException {
        try {
            List<NlMessage> reply = socket.request(requests.getService(key));
            if (reply.size() != 1) {
                throw new IpvsException(Errno.EINVAL, "get service " + key + ": " + reply.size() + " answers");
            }
            ServiceEntry s = IpvsReplies.service(reply.get(0));
            return new ServiceEntry(s.service(), s.stats(), destinations(key));
        } catch (NetlinkException e) {
            throw KernelErrors.of(e);
        }
    }

    private List<DestinationEntry> destinations(ServiceKey key) throws NetlinkException {
        List<DestinationEntry> out = new ArrayList<>();
        for (NlMessage m : socket.dump(requests.dumpDests(key))) {
            out.add(IpvsReplies.destination(m, key.family()));
        }
        return out;
    }

    /** Reads {@code /proc/net/ip_vs_conn}; netlink has no connection listing. */
    @Override
    public List<ConnectionEntry> connections() throws IpvsException {
        try {
            return ProcConnTable.parse(Files.readString(procConn, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IpvsException(Errno.ENOENT, "read " + procConn + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Timeouts getTimeouts() throws IpvsException {
        return IpvsReplies.timeouts(single(requests.getConfig()));
    }

    @Override
    public void setTimeouts(Timeouts timeouts) throws IpvsException {
        command(requests.setConfig(timeouts));
    }

    @Override
    public synchronized IpvsInfo info() throws IpvsException {
        return IpvsReplies.info(single(requests.getInfo()));
    }

    /** Starts a connection-sync daemon (ipvsadm --start-daemon). */
    public void startDaemon(SyncDaemon daemon) throws IpvsException {
        command(requests.newDaemon(daemon));
    }

    /** Stops the sync daemon of this state (ipvsadm --stop-daemon). */
    public void stopDaemon(SyncState state) throws IpvsException {
        command(requests.delDaemon(state));
    }

    /** The running sync daemons (ipvsadm -L --daemon). */
    public synchronized List<SyncDaemon> daemons() throws IpvsException {
        try {
            List<SyncDaemon> out = new ArrayList<>();
            for (NlMessage m : socket.dump(requests.dumpDaemons())) {
                out.add(IpvsReplies.daemon(m));
            }
            return out;
        } catch (NetlinkException e) {
            throw KernelErrors.of(e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }

    private synchronized void change(TableChange c) throws IpvsException {
        try {
            socket.request(requests.change(c));
        } catch (NetlinkException e) {
            resyncAfter(e.getMessage());
            throw KernelErrors.of(e);
        }
        view.record(c);
    }

    private synchronized void command(NlRequest r) throws IpvsException {
        try {
            socket.request(r);
        } catch (NetlinkException e) {
            throw KernelErrors.of(e);
        }
    }

    private NlMessage single(NlRequest r) throws IpvsException {
        try {
            List<NlMessage> reply = socket.request(r);
            if (reply.size() != 1) {
                throw new IpvsException(Errno.EINVAL, r.description() + ": " + reply.size() + " answers");
            }
            return reply.get(0);
        } catch (NetlinkException e) {
            throw KernelErrors.of(e);
        }
    }

    /** Re-reads the table after a refusal; if that fails too the view is emptied, never left stale. */
    private void resyncAfter(String why) {
        LOG.warn("{}; reading the kernel's IPVS table again", why);
        try {
            resync();
        } catch (IpvsException e) {
            LOG.error("re-reading the IPVS table failed: {}", e.getMessage());
            view.clear();
        }
    }

    private static void close(NetlinkSocket s) {
        if (s != null) {
            s.close();
        }
    }
}
