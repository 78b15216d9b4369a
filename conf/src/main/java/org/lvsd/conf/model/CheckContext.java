package org.lvsd.conf.model;

import java.net.InetAddress;
import java.util.Optional;

/**
 * What a checker inherits from its real server.
 *
 * @param address the real server's address
 * @param port the real server's port
 * @param defaults check settings of the real server over the virtual server's
 * @param virtualhost the real server's (or virtual server's) virtualhost
 * @param logAllFailures global {@code checker_log_all_failures}
 * @param smtpHelo global {@code smtp_helo_name}
 */
record CheckContext(InetAddress address, int port, CheckDefaults defaults, Optional<String> virtualhost,
        boolean logAllFailures, Optional<String> smtpHelo) {
}
