package org.lvsd.vrrp.wire;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.HexFormat;

/** A 48-bit Ethernet address, held in the low 48 bits of {@code value}. */
public record MacAddress(long value) {

    public static final MacAddress BROADCAST = new MacAddress(0xffff_ffff_ffffL);

    public MacAddress {
        if ((value & ~0xffff_ffff_ffffL) != 0) {
            throw new IllegalArgumentException("MAC address wider than 48 bits: " + Long.toHexString(value));
        }
    }

    /** Parses "02:51:00:00:00:02". */
    public static MacAddress parse(String text) {
        String[] parts = text.split(":");
        if (parts.length != 6) {
            throw new IllegalArgumentException("not a MAC address: " + text);
        }
        long v = 0;
        for (String p : parts) {
            if (p.length() != 2) {
                throw new IllegalArgumentException("not a MAC address: " + text);
            }
            v = (v << 8) | HexFormat.fromHexDigits(p);
        }
        return new MacAddress(v);
    }

    public static MacAddress of(byte[] bytes) {
        if (bytes.length != 6) {
            throw new IllegalArgumentException("MAC address needs 6 bytes, got " + bytes.length);
        }
        long v = 0;
        for (byte b : bytes) {
            v = (v << 8) | (b & 0xff);
        }
        return new MacAddress(v);
    }

    /** RFC 1112 §6.4: 01:00:5e followed by the low 23 bits of the group. */
    public static MacAddress ipv4Multicast(Inet4Address group) {
        byte[] a = group.getAddress();
        return new MacAddress(0x0100_5e00_0000L | ((a[1] & 0x7fL) << 16) | ((a[2] & 0xffL) << 8) | (a[3] & 0xffL));
    }

    /** RFC 2464 §7: 33:33 followed by the low 32 bits of the group. */
    public static MacAddress ipv6Multicast(Inet6Address group) {
        byte[] a = group.getAddress();
        return new MacAddress(0x3333_0000_0000L | ((a[12] & 0xffL) << 24) | ((a[13] & 0xffL) << 16)
                | ((a[14] & 0xffL) << 8) | (a[15] & 0xffL));
    }

    public byte[] bytes() {
        byte[] out = new byte[6];
        for (int i = 0; i < 6; i++) {
            out[i] = (byte) (value >>> (40 - 8 * i));
        }
        return out;
    }

    @Override
    public String toString() {
        byte[] b = bytes();
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(HexFormat.of().toHexDigits(b[i]));
        }
        return sb.toString();
    }
}
