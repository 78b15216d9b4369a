package org.lvsd.ipvs.userspace;

import io.netty.channel.unix.Socket;
import java.io.IOException;

/**
 * The two IP-level socket options of the TCP path, set through Netty's generic setsockopt: Netty's
 * own setters for them are not public outside its channels. Values from ip(7) and linux/in.h; both
 * are SOL_IP options that the kernel honours on IPv6 sockets too.
 */
final class IpOptions {
    private static final int SOL_IP = 0;
    private static final int IP_FREEBIND = 15;
    private static final int IP_TRANSPARENT = 19;

    private IpOptions() {
    }

    /** IP_FREEBIND: bind an address that is not (yet) on any interface. */
    static void freebind(Socket s) throws IOException {
        s.setIntOpt(SOL_IP, IP_FREEBIND, 1);
    }

    /** IP_TRANSPARENT: bind a foreign address (the client's), needs CAP_NET_ADMIN. */
    static void transparent(Socket s) throws IOException {
        s.setIntOpt(SOL_IP, IP_TRANSPARENT, 1);
    }
}
