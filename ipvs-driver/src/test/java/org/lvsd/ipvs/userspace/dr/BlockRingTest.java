package org.lvsd.ipvs.userspace.dr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A TPACKET_V3 ring of two 256-byte blocks laid out byte by byte as an x86-64 kernel fills it. */
class BlockRingTest {
    private static final int BLOCK = 256;
    /**
     * Block 0's descriptor (tpacket_block_desc): version 1, offset_to_priv 0, block_status
     * TP_STATUS_USER, num_pkts 3, offset_to_first_pkt 48, blk_len 240, seq_num 7, two timestamps.
     */
    private static final byte[] DESCRIPTOR = bytes(
            1, 0, 0, 0, 0, 0, 0, 0,
            1, 0, 0, 0, 3, 0, 0, 0, 48, 0, 0, 0, (byte) 240, 0, 0, 0,
            7, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    /** tpacket3_hdr: next offset, sec, nsec, snaplen, len, status, mac offset, net offset, then zeros to 48. */
    private static byte[] header(int next, int snaplen, int length, int mac) {
        ByteBuffer h = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(next).putInt(1_700_000_000).putInt(5).putInt(snaplen).putInt(length).putInt(1)
                .putShort((short) mac).putShort((short) (mac + 14));
        return h.array();
    }

    private ByteBuffer ring;

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    private static byte[] frame(int fill, int length) {
        byte[] f = new byte[length];
        java.util.Arrays.fill(f, (byte) fill);
        return f;
    }

    @BeforeEach
    void fabricate() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "the golden bytes are little-endian");
        ring = ByteBuffer.allocateDirect(2 * BLOCK);
        ring.put(0, DESCRIPTOR);
        // frame 1 at 48: header, data at +64 (20 bytes); frame 2 at 136: truncated; frame 3 at 184
        ring.put(48, header(88, 20, 20, 64)).put(48 + 64, frame(0xa1, 20));
        ring.put(136, header(48, 4, 1500, 48)).put(136 + 48, frame(0xb2, 4));
        ring.put(184, header(0, 8, 8, 48)).put(184 + 48, frame(0xc3, 8));
    }

    @Test
    void handsEachWholeFrameOfAReadyBlockAndCountsTheTruncated() throws IOException {
        BlockRing blocks = new BlockRing(ring, BLOCK, 2);
        List<byte[]> seen = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        assertTrue(blocks.ready());
        int handed = blocks.walk(f -> {
            assertEquals(ByteOrder.BIG_ENDIAN, f.order());
            byte[] b = new byte[f.limit()];
            f.get(0, b);
            seen.add(b);
            offsets.add(blocks.frameOffset());
        });
        assertEquals(2, handed);
        assertArrayEquals(frame(0xa1, 20), seen.get(0));
        assertArrayEquals(frame(0xc3, 8), seen.get(1));
        assertEquals(List.of(112, 232), offsets);
        assertEquals(1, blocks.truncated());
    }

    @Test
    void releaseHandsTheBlockBackAndMovesOnInOrder() throws IOException {
        BlockRing blocks = new BlockRing(ring, BLOCK, 2);
        blocks.release();
        assertEquals(0, ring.order(ByteOrder.LITTLE_ENDIAN).getInt(8), "block 0 back to TP_STATUS_KERNEL");
        assertFalse(blocks.ready(), "block 1 is still the kernel's");
        ring.putInt(BLOCK + 8, 1);
        ring.putInt(BLOCK + 12, 0);
        assertTrue(blocks.ready());
        assertEquals(0, blocks.walk(f -> { }));
        blocks.release();
        assertFalse(blocks.ready(), "wrapped around to block 0, handed back");
    }

    @Test
    void aFrameOutsideItsBlockIsAnError() {
        ring.put(184, header(0, 200, 200, 48));
        BlockRing blocks = new BlockRing(ring, BLOCK, 2);
        IOException e = assertThrows(IOException.class, () -> blocks.walk(f -> { }));
        assertEquals("receive ring: frame 2 of block 0 lies outside it", e.getMessage());
    }
}
