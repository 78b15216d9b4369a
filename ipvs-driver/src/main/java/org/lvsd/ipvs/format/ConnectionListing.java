package org.lvsd.ipvs.format;

import static org.lvsd.ipvs.format.LargeNumber.padRight;

import java.net.InetAddress;
import java.util.List;
import org.lvsd.ipvs.AddressText;
import org.lvsd.ipvs.ConnectionEntry;

/**
 * The text of {@code ipvsadm -Lnc} (list_conn / print_conn), optionally with
 * {@code --persistent-conn} which adds the persistence engine columns. Entries are printed in the
 * given order (ipvsadm prints /proc/net/ip_vs_conn's hash order, unsorted).
 */
public final class ConnectionListing {
    private ConnectionListing() {
    }

    /** The listing; {@code persistentConn} selects the --persistent-conn variant. */
    public static String list(List<ConnectionEntry> entries, boolean persistentConn) {
        StringBuilder out = new StringBuilder("IPVS connection entries\n");
        if (persistentConn) {
            out.append(String.format("pro expire %-11s %-18s %-18s %-18s %-16s %s", "state", "source", "virtual",
                    "destination", "pe name", "pe_data")).append('\n');
        } else {
            out.append(String.format("pro expire %-11s %-18s %-18s %s", "state", "source", "virtual",
                    "destination")).append('\n');
        }
        for (ConnectionEntry e : entries) {
            out.append(line(e, persistentConn)).append('\n');
        }
        return out.toString();
    }

    private static String line(ConnectionEntry e, boolean persistentConn) {
        long minutes = e.expiresSeconds() / 60;
        long seconds = e.expiresSeconds() % 60;
        String expire = String.format("%02d:%02d", minutes, seconds);
        String cname = name(e.clientAddress(), e.clientPort());
        String vname = name(e.virtualAddress(), e.virtualPort());
        String dname = name(e.destAddress(), e.destPort());
        String common = padRight(e.protocol().label(), 3) + " " + padRight(expire, 6) + " " + padRight(e.state(), 11)
                + " " + padRight(cname, 18) + " " + padRight(vname, 18) + " ";
        if (persistentConn && !e.peName().isEmpty()) {
            return common + padRight(dname, 16) + " " + padRight(e.peName(), 18) + " " + e.peData();
        }
        return common + dname;
    }

    private static String name(InetAddress address, int port) {
        return AddressText.withPort(address, port);
    }
}
