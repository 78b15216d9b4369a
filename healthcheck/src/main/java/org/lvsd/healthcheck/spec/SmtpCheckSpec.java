package org.lvsd.healthcheck.spec;

import java.util.Objects;

/** SMTP_CHECK (RFC 5321): a 220 greeting, {@code HELO helo_name} answered 250, then QUIT. */
public record SmtpCheckSpec(CheckTiming timing, ConnectOptions connect, String heloName)
        implements CheckerSpec {

    public SmtpCheckSpec {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(heloName, "heloName");
        if (heloName.isBlank() || heloName.chars().anyMatch(c -> c < ' ')) {
            throw new IllegalArgumentException("bad helo_name: " + heloName);
        }
    }

    @Override
    public String kind() {
        return "SMTP_CHECK";
    }
}
