package org.lvsd.ipvs.userspace.dr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.lvsd.ipvs.userspace.dr.Bytes.bytes;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A TPACKET_V2 ring of four 128-byte slots laid out byte by byte as an x86-64 kernel fills it. */
class FrameRingTest {
    private static final int SLOT = 128;
    /**
     * Slot 0's tpacket2_hdr: status TP_STATUS_USER, len 20, snaplen 20, mac 66, net 80, sec,
     * nsec, vlan tci and tpid 0, padding.
     */
    private static final byte[] HEADER = bytes(
            1, 0, 0, 0, 20, 0, 0, 0, 20, 0, 0, 0, 66, 0, 80, 0,
            0, (byte) 0xf1, 0x53, 0x65, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private ByteBuffer ring;

    /** A header like {@link #HEADER} with other status, lengths and frame offset. */
    private static byte[] header(int status, int length, int snaplen, int mac) {
        ByteBuffer h = ByteBuffer.wrap(HEADER.clone()).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, status).putInt(4, length).putInt(8, snaplen).putShort(12, (short) mac);
        return h.array();
    }

    private static byte[] frame(int fill, int length) {
        byte[] f = new byte[length];
        Arrays.fill(f, (byte) fill);
        return f;
    }

    @BeforeEach
    void fabricate() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "the golden bytes are little-endian");
        ring = ByteBuffer.allocateDirect(4 * SLOT);
        ring.put(0, HEADER).put(66, frame(0xa1, 20));
        ring.put(SLOT, header(1, 1500, 40, 66)).put(SLOT + 66, frame(0xb2, 40)); // truncated
        ring.put(2 * SLOT, header(5, 8, 8, 48)).put(2 * SLOT + 48, frame(0xc3, 8)); // USER | LOSING
        ring.put(3 * SLOT, header(0, 8, 8, 48)); // still the kernel's
    }

    private static List<byte[]> copies(FrameRing frames, int max, List<Integer> offsets) throws IOException {
        List<byte[]> seen = new ArrayList<>();
        frames.walk(max, f -> {
            assertEquals(ByteOrder.BIG_ENDIAN, f.order());
            byte[] b = new byte[f.limit()];
            f.get(0, b);
            seen.add(b);
            offsets.add(frames.frameOffset());
        });
        return seen;
    }

    @Test
    void handsTheWholeFramesOfTheReadySlotsAndCountsTheTruncated() throws IOException {
        FrameRing frames = new FrameRing(ring, SLOT, 4);
        assertTrue(frames.ready());
        List<Integer> offsets = new ArrayList<>();
        List<byte[]> seen = copies(frames, 10, offsets);
        assertEquals(2, seen.size());
        assertArrayEquals(frame(0xa1, 20), seen.get(0));
        assertArrayEquals(frame(0xc3, 8), seen.get(1));
        assertEquals(List.of(66, 2 * SLOT + 48), offsets);
        assertEquals(1, frames.truncated());
    }

    @Test
    void releaseHandsTheWalkedSlotsBackAndTheNextWalkStartsAfterThem() throws IOException {
        FrameRing frames = new FrameRing(ring, SLOT, 4);
        assertEquals(1, copies(frames, 1, new ArrayList<>()).size());
        frames.release();
        ByteBuffer le = ring.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, le.getInt(0), "slot 0 back to TP_STATUS_KERNEL");
        assertEquals(1, le.getInt(SLOT), "slot 1 not walked yet");
        assertEquals(1, copies(frames, 5, new ArrayList<>()).size(), "slot 1 truncated, slot 2 handed, slot 3 not ready");
        frames.release();
        assertFalse(frames.ready());
        le.putInt(3 * SLOT, 1);
        le.putInt(0, 1);
        List<Integer> offsets = new ArrayList<>();
        assertEquals(2, copies(frames, 5, offsets).size());
        assertEquals(List.of(3 * SLOT + 48, 66), offsets, "wrapped around to slot 0");
    }

    @Test
    void aFrameOutsideItsSlotIsAnError() {
        ring.put(0, header(1, 100, 100, 66));
        FrameRing frames = new FrameRing(ring, SLOT, 4);
        IOException e = assertThrows(IOException.class, () -> frames.walk(4, f -> { }));
        assertEquals("receive ring: the frame of slot 0 lies outside it", e.getMessage());
    }
}
