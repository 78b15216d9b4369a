package org.lvsd.conf.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * E-mail alert settings of {@code global_defs}; stored for the notifier.
 *
 * @param notificationEmail recipients
 * @param from sender address
 * @param server SMTP server (port default 25)
 * @param heloName HELO name
 * @param connectTimeout connect timeout (default 30 s)
 * @param alert global {@code smtp_alert}
 * @param alertVrrp {@code smtp_alert_vrrp}, empty to follow {@code smtp_alert}
 * @param alertChecker {@code smtp_alert_checker}, empty to follow {@code smtp_alert}
 * @param noEmailFaults {@code no_email_faults}
 */
public record Smtp(List<String> notificationEmail, Optional<String> from, Optional<HostPort> server,
        Optional<String> heloName, Duration connectTimeout, boolean alert, Optional<Boolean> alertVrrp,
        Optional<Boolean> alertChecker, boolean noEmailFaults) {

    public Smtp {
        notificationEmail = List.copyOf(notificationEmail);
    }
}
