package org.lvsd.netlink;

/** The {@code nlmsg_flags} bits of {@code include/uapi/linux/netlink.h}. */
public final class NlMsgFlags {
    /** It is a request message. */
    public static final int REQUEST = 0x01;
    /** Multipart message, terminated by {@code NLMSG_DONE}. */
    public static final int MULTI = 0x02;
    /** Reply with an ack, with zero or an error code. */
    public static final int ACK = 0x04;
    /** Echo this request. */
    public static final int ECHO = 0x08;
    /** Dump was inconsistent due to a sequence change. */
    public static final int DUMP_INTR = 0x10;
    /** Dump was filtered as requested. */
    public static final int DUMP_FILTERED = 0x20;

    /** GET modifier: specify tree root. */
    public static final int ROOT = 0x100;
    /** GET modifier: return all matching. */
    public static final int MATCH = 0x200;
    /** GET modifier: atomic GET. */
    public static final int ATOMIC = 0x400;
    /** GET modifier: {@code ROOT | MATCH}. */
    public static final int DUMP = ROOT | MATCH;

    /** NEW modifier: override existing. */
    public static final int REPLACE = 0x100;
    /** NEW modifier: do not touch, if it exists. */
    public static final int EXCL = 0x200;
    /** NEW modifier: create, if it does not exist. */
    public static final int CREATE = 0x400;
    /** NEW modifier: add to end of list. */
    public static final int APPEND = 0x800;

    /** ACK flag: the request was capped (not echoed in full). */
    public static final int CAPPED = 0x100;
    /** ACK flag: extended ACK TLVs were included. */
    public static final int ACK_TLVS = 0x200;

    private NlMsgFlags() {
    }
}
