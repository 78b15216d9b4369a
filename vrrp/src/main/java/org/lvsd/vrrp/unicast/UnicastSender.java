package org.lvsd.vrrp.unicast;

import java.io.IOException;
import java.net.InetAddress;

/** Sends VRRP messages as IP datagrams from one source address ({@link RawVrrpSocket} in production). */
public interface UnicastSender {

    /** The source address of every datagram ({@code unicast_src_ip}). */
    InetAddress source();

    /** The TTL / hop limit of every datagram ({@code unicast_ttl}). */
    int ttl();

    /** Sends one VRRP message (without IP header) to {@code destination}. */
    void send(byte[] vrrp, InetAddress destination) throws IOException;
}
