package org.lvsd.vrrp.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyFifoTest {

    @TempDir
    Path dir;

    @Test
    void createsTheFifoAndDropsLinesWhileNobodyReads() {
        Path path = dir.resolve("notify");
        try (NotifyFifo fifo = new NotifyFifo(path)) {
            assertFalse(fifo.write("INSTANCE \"VI_1\" BACKUP 100"));
            assertTrue(Files.exists(path));
            assertFalse(Files.isRegularFile(path));
            assertFalse(fifo.write("INSTANCE \"VI_1\" MASTER 100"));
        }
    }

    @Test
    void readerGetsLinesInOrderAndAReaderThatLeftIsSurvived() throws IOException {
        Path path = dir.resolve("notify");
        try (NotifyFifo fifo = new NotifyFifo(path)) {
            assertFalse(fifo.write("dropped before any reader"));
            try (Reader r = new Reader(path)) {
                assertTrue(fifo.write("INSTANCE \"VI_1\" BACKUP 100"));
                assertTrue(fifo.write("INSTANCE \"VI_1\" MASTER 100"));
                assertEquals("INSTANCE \"VI_1\" BACKUP 100\nINSTANCE \"VI_1\" MASTER 100\n", r.readAvailable());
            }
            assertFalse(fifo.write("INSTANCE \"VI_1\" FAULT 100"));
            try (Reader r = new Reader(path)) {
                assertTrue(fifo.write("GROUP \"G1\" STOP 0"));
                assertEquals("GROUP \"G1\" STOP 0\n", r.readAvailable());
            }
        }
    }

    /** Opens the FIFO read-write: never blocks on open, and reads only what is queued. */
    private static final class Reader implements AutoCloseable {
        private final RandomAccessFile file;
        private final FileInputStream in;

        Reader(Path path) throws IOException {
            file = new RandomAccessFile(path.toFile(), "rw");
            in = new FileInputStream(file.getFD());
        }

        String readAvailable() throws IOException {
            byte[] buf = new byte[in.available()];
            int n = in.read(buf);
            return new String(buf, 0, n, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
