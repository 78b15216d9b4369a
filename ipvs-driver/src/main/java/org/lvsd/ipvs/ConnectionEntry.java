package org.lvsd.ipvs;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One line of the connection table (/proc/net/ip_vs_conn, ipvsadm -Lc).
 *
 * @param protocol protocol ({@link Protocol#IP} for fwmark templates)
 * @param clientAddress client address (masked network for templates)
 * @param clientPort client port (0 for templates)
 * @param virtualAddress virtual address (the mark as an IPv4 address for fwmark templates)
 * @param virtualPort virtual port
 * @param destAddress real server address
 * @param destPort real server port
 * @param state protocol state name ("ESTABLISHED", "SYN_RECV", "UDP", "NONE" for templates)
 * @param expiresSeconds whole seconds until expiry
 * @param template true for persistence templates
 * @param peName persistence engine name, empty for none
 * @param peData persistence engine data, empty for none
 */
public record ConnectionEntry(Protocol protocol, InetAddress clientAddress, int clientPort,
                              InetAddress virtualAddress, int virtualPort, InetAddress destAddress, int destPort,
                              String state, long expiresSeconds, boolean template, String peName, String peData) {
    public ConnectionEntry {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(virtualAddress, "virtualAddress");
        Objects.requireNonNull(destAddress, "destAddress");
        Objects.requireNonNull(state, "state");
        peName = peName == null ? "" : peName;
        peData = peData == null ? "" : peData;
    }
}
