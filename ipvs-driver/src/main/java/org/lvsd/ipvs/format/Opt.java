package org.lvsd.ipvs.format;

/**
 * The ipvsadm options a restore line may carry, in ipvsadm's OPTC_* order (the order its
 * command/option checks report in), with the names its messages use.
 */
enum Opt {
    NUMERIC("numeric"),
    SERVICE("service-address"),
    SCHEDULER("scheduler"),
    PERSISTENT("persistent"),
    NETMASK("netmask"),
    SERVER("real-server"),
    FORWARD("forwarding-method"),
    WEIGHT("weight"),
    UTHRESHOLD("u-threshold"),
    LTHRESHOLD("l-threshold"),
    ONEPACKET("ops"),
    PERSISTENCE_ENGINE("pe"),
    SCHED_FLAGS("sched-flags"),
    TUN_TYPE("tun-type"),
    TUN_PORT("tun-port"),
    TUN_NOCSUM("tun-nocsum"),
    TUN_CSUM("tun-csum"),
    TUN_REMCSUM("tun-remcsum");

    private final String label;

    Opt(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
