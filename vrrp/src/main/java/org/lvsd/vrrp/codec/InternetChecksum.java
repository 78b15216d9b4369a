package org.lvsd.vrrp.codec;

/**
 * The 16-bit one's complement Internet checksum (RFC 1071), accumulated over any number of
 * byte ranges as if they were one contiguous message (an odd-length range continues in the
 * next one).
 */
public final class InternetChecksum {

    private long sum;
    private boolean odd;

    public InternetChecksum add(byte[] bytes) {
        return add(bytes, 0, bytes.length);
    }

    public InternetChecksum add(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            int b = bytes[i] & 0xff;
            sum += odd ? b : b << 8;
            odd = !odd;
        }
        return this;
    }

    /** The one's complement of the folded sum: the value to put in a checksum field. */
    public int value() {
        long s = sum;
        while ((s >>> 16) != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) (~s & 0xffff);
    }

    /** Checksum of one byte range. */
    public static int of(byte[] bytes, int offset, int length) {
        return new InternetChecksum().add(bytes, offset, length).value();
    }
}
