package org.lvsd.netlink;

/** Malformed netlink data: a length, type or attribute that the ABI does not allow. */
public class NetlinkProtocolException extends RuntimeException {

    /** A protocol violation described by {@code message}. */
    public NetlinkProtocolException(String message) {
        super(message);
    }
}
