package org.lvsd.ipvs.kernel;

import org.lvsd.ipvs.Errno;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.netlink.NetlinkException;

/**
 * Turns netlink failures into {@link IpvsException}s. The message is the netlink one: the request's
 * description in ipvsadm's words, the errno's name and text, and the kernel's extended-ack text when
 * it sent one, e.g. "add service TCP 198.51.100.100:80: EEXIST (File exists)".
 */
final class KernelErrors {
    private KernelErrors() {
    }

    /**
     * The exception for a netlink failure. {@link IpvsException#reason()} is the errno of the same
     * number; codes that {@link Errno} lacks (e.g. ETIMEDOUT of a socket, ENODEV of a sync daemon's
     * interface) become {@link Errno#EINVAL}, and the exact one stays in the message and the cause.
     */
    static IpvsException of(NetlinkException e) {
        return new IpvsException(Errno.of(e.code()).orElse(Errno.EINVAL), e.getMessage(), e);
    }
}
