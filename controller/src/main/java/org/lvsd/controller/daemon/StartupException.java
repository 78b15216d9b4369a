package org.lvsd.controller.daemon;

/**
 * The daemon cannot start: one line naming the instance, its interface and where it is
 * configured, e.g. {@code VI_1 (interface eth9, /etc/lvsd/lvsd.conf:12): no Ethernet interface eth9}.
 */
public final class StartupException extends Exception {

    private static final long serialVersionUID = 1L;

    StartupException(String problem) {
        super(problem);
    }

    StartupException(String instance, String iface, Object where, String problem) {
        super(instance + " (interface " + iface + ", " + where + "): " + problem);
    }
}
