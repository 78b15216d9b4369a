package org.lvsd.netlink;

import java.util.HexFormat;

/** Test helper: golden byte arrays written as hex with spaces. */
public final class Bytes {
    private Bytes() {
    }

    /** Parses "10 00 00 00 ..." into bytes. */
    public static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replaceAll("\\s+", ""));
    }
}
