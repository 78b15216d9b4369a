package org.lvsd.healthcheck.spec;

/**
 * One checker block of a real server. {@code equals} decides whether a checker survives a
 * reload with its state.
 */
public sealed interface CheckerSpec
        permits TcpCheckSpec, HttpCheckSpec, MiscCheckSpec, SmtpCheckSpec, DnsCheckSpec,
                UdpCheckSpec, FileCheckSpec, PingCheckSpec {

    /** The keepalived block name, for example {@code "TCP_CHECK"}. */
    String kind();

    CheckTiming timing();
}
