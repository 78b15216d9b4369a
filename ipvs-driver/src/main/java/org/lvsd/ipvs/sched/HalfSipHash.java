package org.lvsd.ipvs.sched;

/**
 * The kernel's {@code hsiphash()} of one 32-bit word on 64-bit machines: SipHash-1-3 with a
 * 128-bit key of two 64-bit words, returning the low 32 bits (lib/siphash.c, HSIPHASH on
 * BITS_PER_LONG == 64). Used by mh for its permutations and lookups.
 */
final class HalfSipHash {
    private HalfSipHash() {
    }

    static int hash(int value, long k0, long k1) {
        long v0 = 0x736f6d6570736575L ^ k0;
        long v1 = 0x646f72616e646f6dL ^ k1;
        long v2 = 0x6c7967656e657261L ^ k0;
        long v3 = 0x7465646279746573L ^ k1;
        long b = (4L << 56) | (value & 0xffffffffL);
        v3 ^= b;
        long[] v = {v0, v1, v2, v3};
        round(v);
        v[0] ^= b;
        v[2] ^= 0xff;
        round(v);
        round(v);
        round(v);
        return (int) ((v[0] ^ v[1]) ^ (v[2] ^ v[3]));
    }

    private static void round(long[] v) {
        v[0] += v[1];
        v[1] = Long.rotateLeft(v[1], 13);
        v[1] ^= v[0];
        v[0] = Long.rotateLeft(v[0], 32);
        v[2] += v[3];
        v[3] = Long.rotateLeft(v[3], 16);
        v[3] ^= v[2];
        v[0] += v[3];
        v[3] = Long.rotateLeft(v[3], 21);
        v[3] ^= v[0];
        v[2] += v[1];
        v[1] = Long.rotateLeft(v[1], 17);
        v[1] ^= v[2];
        v[2] = Long.rotateLeft(v[2], 32);
    }
}
