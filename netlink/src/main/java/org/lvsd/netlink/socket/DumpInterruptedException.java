package org.lvsd.netlink.socket;

import java.util.Optional;
import org.lvsd.netlink.Errno;
import org.lvsd.netlink.NetlinkException;

/**
 * A dump stayed inconsistent ({@code NLM_F_DUMP_INTR}: the kernel's object list changed while it
 * was being dumped) on every attempt. Carries {@link Errno#EINTR}.
 */
public class DumpInterruptedException extends NetlinkException {

    /**
     * @param operation the dump's description
     * @param requestType the dump request's {@code nlmsg_type}
     * @param attempts how many times the dump was tried
     */
    public DumpInterruptedException(String operation, int requestType, int attempts) {
        super(operation + ": dump interrupted " + attempts + " times", requestType, Errno.EINTR.code(), Optional.empty());
    }
}
