package org.lvsd.conf.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code virtual_server ... { ... }} with keepalived's defaults and traps applied.
 *
 * @param address what it is declared as
 * @param scheduler {@code lvs_sched} (default wlc, warned)
 * @param method {@code lvs_method} (default NAT, warned)
 * @param protocol {@code protocol} (default UDP, warned; empty for fwmark services)
 * @param persistenceTimeout {@code persistence_timeout} (360 s when given bare)
 * @param persistenceGranularity {@code persistence_granularity}
 * @param persistenceEngine {@code persistence_engine}
 * @param ipFamily {@code ip_family}
 * @param checkDefaults check settings given here, defaults for the real servers
 * @param omega {@code omega}
 * @param quorum {@code quorum} (1)
 * @param hysteresis {@code hysteresis} (0)
 * @param quorumUp {@code quorum_up}
 * @param quorumDown {@code quorum_down}
 * @param sorryServer {@code sorry_server}
 * @param inhibitOnFailure {@code inhibit_on_failure}
 * @param haSuspend {@code ha_suspend}
 * @param virtualhost {@code virtualhost}
 * @param smtpAlert {@code smtp_alert} (default global smtp_alert_checker, else smtp_alert)
 * @param realServers its real servers
 * @param where origin
 */
public record VirtualServer(VsAddress address, Scheduler scheduler, ForwardingMethod method,
        Optional<Protocol> protocol, Optional<Duration> persistenceTimeout, Optional<String> persistenceGranularity,
        Optional<String> persistenceEngine, Optional<AddressFamily> ipFamily, CheckDefaults checkDefaults,
        boolean omega, int quorum, int hysteresis, Optional<Command> quorumUp, Optional<Command> quorumDown,
        Optional<SorryServer> sorryServer, boolean inhibitOnFailure, boolean haSuspend,
        Optional<String> virtualhost, boolean smtpAlert, List<RealServer> realServers, Where where) {

    public VirtualServer {
        realServers = List.copyOf(realServers);
    }
}
