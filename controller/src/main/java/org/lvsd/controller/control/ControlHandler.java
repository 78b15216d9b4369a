package org.lvsd.controller.control;

import java.util.List;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.ipvs.ConnectionEntry;

/**
 * What the daemon does for the control socket. Called on the socket's worker threads, several at
 * a time; a {@link ControlException} becomes an {@code ERR} answer with its message.
 */
public interface ControlHandler {

    /** The IPVS table for {@code list} ({@code IpvsDriver.info()} and {@code list()}). */
    IpvsTable table() throws ControlException;

    /** The connection entries for {@code list -c} ({@code IpvsDriver.connections()}). */
    List<ConnectionEntry> connections() throws ControlException;

    /** A snapshot for {@code status}. */
    StatusReport status() throws ControlException;

    /**
     * Drains {@code server} in {@code virtualServer} (weight 0, kept across reloads until enabled).
     *
     * @return one line for the operator, e.g. {@code drained 198.51.100.21:80 in TCP 198.51.100.100:80}
     */
    String drain(String virtualServer, RealServerId server) throws ControlException;

    /** Undoes a drain; returns one line for the operator. */
    String enable(String virtualServer, RealServerId server) throws ControlException;

    /** Reloads the configuration as SIGHUP does; returns one line for the operator. */
    String reload() throws ControlException;

    /**
     * Empties the driver's whole table, as {@code ipvsadm -C} would (lvsd's services come back at
     * the next reconcile, counted as repairs); returns one line for the operator.
     */
    String flush() throws ControlException;

    /** What reloading {@code configFile} would change, one line per change (see {@code lvsd -t --diff}). */
    String diff(java.nio.file.Path configFile) throws ControlException;
}
