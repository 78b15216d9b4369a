package org.lvsd.conf.model;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * {@code real_server IP [PORT] { ... }} with the virtual server's settings inherited.
 *
 * @param address the server
 * @param port its port (default the virtual server's)
 * @param weight {@code weight} (default 1, 0 allowed)
 * @param method forwarding method (default the virtual server's)
 * @param notifyUp {@code notify_up}
 * @param notifyDown {@code notify_down}
 * @param upperThreshold {@code uthreshold} (0 = none)
 * @param lowerThreshold {@code lthreshold} (0 = none)
 * @param inhibitOnFailure {@code inhibit_on_failure}
 * @param virtualhost {@code virtualhost}
 * @param smtpAlert {@code smtp_alert} (default the virtual server's)
 * @param checkDefaults check settings for its checkers, the virtual server's included
 * @param checkers its checkers; none means always up
 * @param where origin
 */
public record RealServer(InetAddress address, int port, int weight, ForwardingMethod method,
        Optional<Command> notifyUp, Optional<Command> notifyDown, int upperThreshold, int lowerThreshold,
        boolean inhibitOnFailure, Optional<String> virtualhost, boolean smtpAlert, CheckDefaults checkDefaults,
        List<Checker> checkers, Where where) {

    public RealServer {
        checkers = List.copyOf(checkers);
    }
}
