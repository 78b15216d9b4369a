package org.lvsd.vrrp.io;

import java.io.IOException;
import java.util.function.Consumer;
import org.lvsd.vrrp.unicast.ReceivedIp;
import org.lvsd.vrrp.wire.MacAddress;

/** Sends raw Ethernet frames on one interface and receives the VRRP adverts arriving there. */
public interface AdvertTransport extends AutoCloseable {

    /** The interface's own MAC: source of adverts, GARPs and NAs. */
    MacAddress interfaceMac();

    /** Writes one whole Ethernet frame. */
    void send(byte[] frame) throws IOException;

    /**
     * Starts delivering received VRRP messages (never our own frames) to {@code handler} on the
     * transport's receive thread; the handler must hand them to the state machine's thread.
     */
    void start(Consumer<ReceivedIp> handler);

    @Override
    void close();
}
