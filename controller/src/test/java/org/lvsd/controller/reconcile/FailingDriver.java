package org.lvsd.controller.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lvsd.ipvs.ApplyResult;
import org.lvsd.ipvs.ConnectionEntry;
import org.lvsd.ipvs.Destination;
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

/**
 * A driver that passes everything to another one and records every batch given to
 * {@link #apply}, except that {@code list()} can be made to fail, and a batch can be made to fail
 * after its first change as a lost netlink conversation does (the caller cannot tell what took effect).
 */
final class FailingDriver implements IpvsDriver {

    /** Every batch {@link #apply} was called with, in call order. */
    final List<List<TableChange>> batches = new ArrayList<>();
    private final IpvsDriver inner;
    /** How many of the next list() calls succeed before they start failing; negative = never fail. */
    private int listsBeforeFailure = -1;
    private Optional<IpvsException> lostBatch = Optional.empty();

    FailingDriver(IpvsDriver inner) {
        this.inner = inner;
    }

    void failListAfter(int successes) {
        listsBeforeFailure = successes;
    }

    /** The next batch applies its first change and then throws {@code e}. */
    void loseNextBatch(IpvsException e) {
        lostBatch = Optional.of(e);
    }

    @Override
    public ApplyResult apply(List<TableChange> changes) throws IpvsException {
        batches.add(List.copyOf(changes));
        if (lostBatch.isPresent()) {
            IpvsException e = lostBatch.get();
            lostBatch = Optional.empty();
            changes.get(0).applyTo(inner);
            throw e;
        }
        return IpvsDriver.super.apply(changes);
    }

    @Override
    public List<ServiceEntry> list() throws IpvsException {
        if (listsBeforeFailure == 0) {
            throw new IpvsException(Errno.EPERM, "generic netlink IPVS: operation not permitted");
        }
        if (listsBeforeFailure > 0) {
            listsBeforeFailure--;
        }
        return inner.list();
    }

    @Override
    public void addService(VirtualService service) throws IpvsException {
        inner.addService(service);
    }

    @Override
    public void editService(VirtualService service) throws IpvsException {
        inner.editService(service);
    }

    @Override
    public void deleteService(ServiceKey key) throws IpvsException {
        inner.deleteService(key);
    }

    @Override
    public void addDestination(ServiceKey key, Destination destination) throws IpvsException {
        inner.addDestination(key, destination);
    }

    @Override
    public void editDestination(ServiceKey key, Destination destination) throws IpvsException {
        inner.editDestination(key, destination);
    }

    @Override
    public void deleteDestination(ServiceKey key, RealServer server) throws IpvsException {
        inner.deleteDestination(key, server);
    }

    @Override
    public void flush() throws IpvsException {
        inner.flush();
    }

    @Override
    public void zero() throws IpvsException {
        inner.zero();
    }

    @Override
    public void zero(ServiceKey key) throws IpvsException {
        inner.zero(key);
    }

    @Override
    public List<ConnectionEntry> connections() throws IpvsException {
        return inner.connections();
    }

    @Override
    public Timeouts getTimeouts() throws IpvsException {
        return inner.getTimeouts();
    }

    @Override
    public void setTimeouts(Timeouts timeouts) throws IpvsException {
        inner.setTimeouts(timeouts);
    }

    @Override
    public IpvsInfo info() throws IpvsException {
        return inner.info();
    }
}
