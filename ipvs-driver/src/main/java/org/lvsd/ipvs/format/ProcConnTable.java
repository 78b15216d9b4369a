package org.lvsd.ipvs.format;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lvsd.ipvs.AddressText;
import org.lvsd.ipvs.ConnectionEntry;
import org.lvsd.ipvs.Protocol;

/**
 * The kernel's {@code /proc/net/ip_vs_conn} text (ip_vs_conn_seq_show in ip_vs_conn.c), which is
 * what {@code ipvsadm -Lc} reads: a header line, then per entry
 * {@code "%-3s %08X %04X %08X %04X %08X %04X %-11s %7lu%s"} for IPv4 (addresses and ports in hex),
 * with IPv6 addresses as full {@code %pI6} text, and an optional {@code " pe_name pe_data"} tail.
 *
 * <p>The file does not flag persistence templates; {@link #parse} takes an entry with client port
 * 0 in state NONE or ASSURED (the template states) for a template.
 */
public final class ProcConnTable {
    /** The header line, without its newline. */
    public static final String HEADER =
            "Pro FromIP   FPrt ToIP     TPrt DestIP   DPrt State       Expires PEName PEData";

    private ProcConnTable() {
    }

    /** Renders entries as the kernel prints them. */
    public static String render(List<ConnectionEntry> entries) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (ConnectionEntry e : entries) {
            String pe = e.peName().isEmpty() ? "" : " " + e.peName() + " " + e.peData();
            out.append(String.format(Locale.ROOT, "%-3s %s %04X %s %04X %s %04X %-11s %7d%s", e.protocol().label(),
                    hex(e.clientAddress()), e.clientPort(), hex(e.virtualAddress()), e.virtualPort(),
                    hex(e.destAddress()), e.destPort(), e.state(), e.expiresSeconds(), pe)).append('\n');
        }
        return out.toString();
    }

    /** Parses the file's text; the header line is skipped. */
    public static List<ConnectionEntry> parse(String text) {
        List<ConnectionEntry> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("Pro ")) {
                continue;
            }
            String[] f = line.trim().split(" +");
            if (f.length < 9) {
                throw new IllegalArgumentException("not an ip_vs_conn line: " + line);
            }
            Protocol protocol = protocol(f[0]);
            int cport = Integer.parseInt(f[2], 16);
            String state = f[7];
            boolean template = cport == 0 && (state.equals("NONE") || state.equals("ASSURED"));
            out.add(new ConnectionEntry(protocol, address(f[1]), cport, address(f[3]), Integer.parseInt(f[4], 16),
                    address(f[5]), Integer.parseInt(f[6], 16), state, Long.parseLong(f[8]), template,
                    f.length > 9 ? f[9] : "", f.length > 10 ? f[10] : ""));
        }
        return out;
    }

    private static Protocol protocol(String label) {
        for (Protocol p : Protocol.values()) {
            if (p.label().equals(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown protocol " + label);
    }

    /** IPv4 as 8 upper-case hex digits; IPv6 as eight 4-digit lower-case groups (%pI6). */
    private static String hex(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return String.format(Locale.ROOT, "%02X%02X%02X%02X", b[0], b[1], b[2], b[3]);
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            if (i > 0) {
                s.append(':');
            }
            s.append(String.format(Locale.ROOT, "%02x%02x", b[i], b[i + 1]));
        }
        return s.toString();
    }

    private static InetAddress address(String text) {
        try {
            if (text.indexOf(':') >= 0) {
                return AddressText.parse(text).orElseThrow(() -> new IllegalArgumentException("bad address " + text));
            }
            long v = Long.parseLong(text, 16);
            return InetAddress.getByAddress(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8),
                (byte) v});
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("bad address " + text, e);
        }
    }
}
