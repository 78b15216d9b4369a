package org.lvsd.healthcheck.spec;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * DNS_CHECK (RFC 1035): one UDP query for {@code name} of {@code type}; the answer's RCODE
 * must be NOERROR. keepalived's defaults are type SOA and name ".".
 */
public record DnsCheckSpec(CheckTiming timing, ConnectOptions connect, String type, String name)
        implements CheckerSpec {

    /** The record types keepalived accepts. */
    public static final Set<String> TYPES = Set.of("A", "NS", "CNAME", "SOA", "MX", "TXT", "AAAA");

    public DnsCheckSpec {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(name, "name");
        type = type.toUpperCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unsupported DNS type " + type);
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty DNS name");
        }
    }

    @Override
    public String kind() {
        return "DNS_CHECK";
    }
}
