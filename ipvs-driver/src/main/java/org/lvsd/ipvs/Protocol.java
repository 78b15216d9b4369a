package org.lvsd.ipvs;

/**
 * Transport protocols of IPVS. {@link #IP} only appears on persistence templates of firewall-mark
 * services (the kernel builds those with IPPROTO_IP); services use TCP, UDP or SCTP.
 */
public enum Protocol {
    IP(0, "IP", null),
    TCP(6, "TCP", "-t"),
    UDP(17, "UDP", "-u"),
    SCTP(132, "SCTP", "--sctp-service");

    private final int number;
    private final String label;
    private final String option;

    Protocol(int number, String label, String option) {
        this.number = number;
        this.label = label;
        this.option = option;
    }

    /** The IPPROTO_* number. */
    public int number() {
        return number;
    }

    /** The name ipvsadm prints ("TCP", "UDP", "SCTP"; "IP" for fwmark templates). */
    public String label() {
        return label;
    }

    /** The ipvsadm service option ("-t", "-u", "--sctp-service"); null for {@link #IP}. */
    public String option() {
        return option;
    }
}
