package org.lvsd.ipvs.userspace.dr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The sendmmsg argument, byte by byte (x86-64: little-endian, 64-byte mmsghdr, 16-byte iovec). */
class SendBatchTest {
    private static byte[] le(long... words) {
        ByteBuffer b = ByteBuffer.allocate(8 * words.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long w : words) {
            b.putLong(w);
        }
        return b.array();
    }

    @Test
    void messagesPointAtTheirIovecsAndIovecsAtTheFrames() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "the golden bytes are little-endian");
        ByteBuffer memory = ByteBuffer.allocateDirect(SendBatch.bytes(2));
        assertEquals(160, memory.capacity());
        SendBatch batch = new SendBatch(memory, 0x7f00_0000_1000L, 2);
        assertTrue(batch.add(0x7f00_0040_0070L, 60));
        assertTrue(batch.add(0x7f00_0050_0000L, 1514));
        assertFalse(batch.add(0x7f00_0060_0000L, 60), "full at its capacity");
        assertEquals(2, batch.size());
        byte[] all = new byte[160];
        memory.get(0, all);
        // msghdr: name, namelen, iov, iovlen, control, controllen, flags; then msg_len
        assertArrayEquals(le(0, 0, 0x7f00_0000_1080L, 1, 0, 0, 0, 0), Arrays.copyOfRange(all, 0, 64));
        assertArrayEquals(le(0, 0, 0x7f00_0000_1090L, 1, 0, 0, 0, 0), Arrays.copyOfRange(all, 64, 128));
        assertArrayEquals(le(0x7f00_0040_0070L, 60, 0x7f00_0050_0000L, 1514), Arrays.copyOfRange(all, 128, 160));
        assertEquals(64, SendBatch.offset(1));
        batch.clear();
        assertEquals(0, batch.size());
        assertTrue(batch.add(0x10, 42));
        assertEquals(0x10, memory.order(ByteOrder.LITTLE_ENDIAN).getLong(128));
    }
}
