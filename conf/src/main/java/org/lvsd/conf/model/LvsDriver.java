package org.lvsd.conf.model;

/** lvsd extension {@code lvs_driver}: where the IPVS table is programmed. */
public enum LvsDriver {
    /** The kernel's IPVS through generic netlink. */
    KERNEL,
    /** The bundled userspace forwarder. */
    USERSPACE,
    /** Kernel when IPVS is available, else userspace. */
    AUTO
}
