package org.lvsd.ipvs;

import java.util.ArrayList;
import java.util.List;

/**
 * Programs an IPVS table, kernel or userspace, with ipvsadm's semantics. Every mutating call
 * either applies completely or throws {@link IpvsException} with the kernel's errno.
 */
public interface IpvsDriver {

    /** ipvsadm -A. EEXIST if present, ENOENT for an unknown scheduler or persistence engine. */
    void addService(VirtualService service) throws IpvsException;

    /** ipvsadm -E. ESRCH if absent, ENOENT for an unknown scheduler or persistence engine. */
    void editService(VirtualService service) throws IpvsException;

    /** ipvsadm -D. ESRCH if absent. */
    void deleteService(ServiceKey key) throws IpvsException;

    /** ipvsadm -a. ESRCH without the service, EEXIST if present, ERANGE for bad weight/thresholds. */
    void addDestination(ServiceKey key, Destination destination) throws IpvsException;

    /** ipvsadm -e. ESRCH without the service, ENOENT without the destination. */
    void editDestination(ServiceKey key, Destination destination) throws IpvsException;

    /** ipvsadm -d. ESRCH without the service, ENOENT without the destination. */
    void deleteDestination(ServiceKey key, RealServer server) throws IpvsException;

    /** ipvsadm -C: removes every service. */
    void flush() throws IpvsException;

    /**
     * Applies the changes in order as one batch and reports each refused one; a refusal never
     * stops the changes after it. This default makes them one by one with their single calls;
     * a driver that can batch (the kernel's, in one pipelined netlink conversation) overrides it.
     *
     * @throws IpvsException only when the driver cannot tell which changes took effect (the
     *     transport failed); a refused change is reported in the result instead
     */
    default ApplyResult apply(List<TableChange> changes) throws IpvsException {
        List<ChangeFailure> failures = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            TableChange change = changes.get(i);
            try {
                change.applyTo(this);
            } catch (IpvsException e) {
                failures.add(new ChangeFailure(i, change, e));
            }
        }
        return new ApplyResult(changes, failures);
    }

    /** ipvsadm -Z: zeroes the counters of every service and destination. */
    void zero() throws IpvsException;

    /** ipvsadm -Z -t ...: zeroes one service and its destinations. ESRCH if absent. */
    void zero(ServiceKey key) throws IpvsException;

    /** ipvsadm -L: every service with its destinations, counters and statistics, unsorted. */
    List<ServiceEntry> list() throws IpvsException;

    /** ipvsadm -Lc: connection entries including persistence templates. */
    List<ConnectionEntry> connections() throws IpvsException;

    /** ipvsadm -L --timeout. */
    Timeouts getTimeouts() throws IpvsException;

    /** ipvsadm --set; zero fields are left unchanged, negative ones are EINVAL. */
    void setTimeouts(Timeouts timeouts) throws IpvsException;

    /** Version and connection table size. */
    IpvsInfo info() throws IpvsException;
}
