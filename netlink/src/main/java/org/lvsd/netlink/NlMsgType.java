package org.lvsd.netlink;

/** Control message types of {@code include/uapi/linux/netlink.h}, below {@link #MIN_TYPE}. */
public final class NlMsgType {
    /** Nothing. */
    public static final int NOOP = 0x1;
    /** Error, or ACK when the error code is 0. */
    public static final int ERROR = 0x2;
    /** End of a dump. */
    public static final int DONE = 0x3;
    /** Data lost. */
    public static final int OVERRUN = 0x4;
    /** Types below this are reserved for control messages. */
    public static final int MIN_TYPE = 0x10;

    private NlMsgType() {
    }
}
