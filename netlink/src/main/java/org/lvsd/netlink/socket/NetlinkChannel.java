package org.lvsd.netlink.socket;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import org.lvsd.netlink.NetlinkException;

/**
 * A datagram transport to the kernel: the seam between {@link NetlinkSocket}'s request logic and
 * the system calls, so the logic can be tested against a scripted kernel.
 */
public interface NetlinkChannel extends AutoCloseable {

    /** The port id the kernel assigned ({@code nl_pid} after bind). */
    int portId();

    /** Sends one datagram (one or more whole messages) to the kernel. */
    void send(byte[] datagram) throws NetlinkException;

    /** Receives one datagram, or empty when none arrives within {@code timeout}. */
    Optional<ByteBuffer> receive(Duration timeout) throws NetlinkException;

    /** Joins a multicast group ({@code NETLINK_ADD_MEMBERSHIP}). */
    void joinGroup(int group) throws NetlinkException;

    /** Leaves a multicast group ({@code NETLINK_DROP_MEMBERSHIP}). */
    void leaveGroup(int group) throws NetlinkException;

    /** Closes the channel; idempotent. */
    @Override
    void close();
}
