package org.lvsd.ipvs.userspace.dr;

/** Golden frames written as the numbers a packet dump shows. */
final class Bytes {
    private Bytes() {
    }

    /** Each value's low byte: {@code bytes(0x86, 0xDD)} is {@code {(byte) 0x86, (byte) 0xDD}}. */
    static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }
}
