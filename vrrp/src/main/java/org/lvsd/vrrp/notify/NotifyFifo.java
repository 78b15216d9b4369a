package org.lvsd.vrrp.notify;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lvsd.vrrp.sys.LibC;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code notify_fifo} / {@code vrrp_notify_fifo}: one line per event, in call order. The FIFO
 * is created (mode 0600) when missing and opened write-only and non-blocking, so no call ever
 * waits: without a reader (ENXIO) or with a full pipe (EAGAIN) the line is dropped and logged; a
 * reader that went away (EPIPE) is dropped and the FIFO re-opened for the next line. Lines are
 * shorter than PIPE_BUF, so each is written whole. Thread-safe; shared by every instance.
 */
public final class NotifyFifo implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyFifo.class);
    private static final int MODE = 0600;

    private final Path path;
    private int fd = -1;
    private boolean readerMissingLogged;

    public NotifyFifo(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** Writes {@code line} and a newline; returns whether a reader got it. */
    public synchronized boolean write(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; attempt < 2; attempt++) {
            if (fd < 0 && !open()) {
                return false;
            }
            try {
                LibC.INSTANCE.write(fd, bytes, new NativeLong(bytes.length));
                return true;
            } catch (LastErrorException e) {
                if (e.getErrorCode() == LibC.EAGAIN) {
                    LOG.warn("notify FIFO {} full, line dropped: {}", path, line);
                    return false;
                }
                if (e.getErrorCode() == LibC.EPIPE) {
                    LOG.info("notify FIFO {}: the reader went away, re-opening", path);
                } else {
                    LOG.warn("notify FIFO {}: write failed ({}), re-opening", path, e.getMessage());
                }
                closeFd();
            }
        }
        return false;
    }

    private boolean open() {
        try {
            if (!Files.exists(path)) {
                LibC.INSTANCE.mkfifo(path.toString(), MODE);
            }
            fd = LibC.INSTANCE.open(path.toString(), LibC.O_WRONLY | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
            readerMissingLogged = false;
            return true;
        } catch (LastErrorException e) {
            if (e.getErrorCode() != LibC.ENXIO) {
                LOG.error("notify FIFO {} cannot be opened: {}", path, e.getMessage());
            } else if (!readerMissingLogged) {
                LOG.warn("notify FIFO {} has no reader: lines dropped until one opens it", path);
                readerMissingLogged = true;
            }
            return false;
        }
    }

    private void closeFd() {
        if (fd >= 0) {
            try {
                LibC.INSTANCE.close(fd);
            } catch (LastErrorException e) {
                LOG.debug("closing notify FIFO {}: {}", path, e.getMessage());
            }
            fd = -1;
        }
    }

    @Override
    public synchronized void close() {
        closeFd();
    }
}
