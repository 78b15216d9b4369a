package org.lvsd.netlink.route;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A link-layer address ({@code IFLA_ADDRESS}, {@code NDA_LLADDR}); 6 bytes for Ethernet.
 *
 * @param bytes the address bytes; do not modify
 */
public record HardwareAddress(byte[] bytes) {

    /** Copies the bytes. */
    public HardwareAddress {
        bytes = bytes.clone();
    }

    /** Parses "02:51:00:00:00:01". */
    public static HardwareAddress parse(String text) {
        return new HardwareAddress(HexFormat.ofDelimiter(":").parseHex(text));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HardwareAddress h && Arrays.equals(h.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Lower-case, colon-separated hex, as ip(8) prints it. */
    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").formatHex(bytes);
    }
}
