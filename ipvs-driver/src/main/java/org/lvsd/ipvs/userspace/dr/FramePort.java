package org.lvsd.ipvs.userspace.dr;

import java.io.IOException;

/** Raw Ethernet frames in and out of one interface. One thread receives; sends may come from it. */
public interface FramePort extends AutoCloseable {
    /** The next frame, or null when none arrived within the port's read timeout. */
    byte[] receive() throws IOException;

    /** Sends a complete frame. */
    void send(byte[] frame) throws IOException;

    /** The interface's own MAC address. */
    byte[] mac();

    @Override
    void close();
}
