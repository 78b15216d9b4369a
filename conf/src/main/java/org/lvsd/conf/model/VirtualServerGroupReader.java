package org.lvsd.conf.model;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code virtual_server_group NAME { ... }}: {@code IP PORT}, last-octet ranges
 * {@code a.b.c.d-e PORT}, full ranges {@code FIRST-LAST PORT}, CIDR {@code NET/LEN PORT}, and
 * {@code fwmark N [inet|inet6]}.
 */
final class VirtualServerGroupReader {

    private VirtualServerGroupReader() {
    }

    static VirtualServerGroup read(Stmt block, Diags d) {
        List<VsgEntry> entries = new ArrayList<>();
        for (EntryLine line : EntryLine.of(block)) {
            entry(line, d).ifPresent(entries::add);
        }
        return new VirtualServerGroup(block.arg(0), entries, block.where());
    }

    private static Optional<VsgEntry> entry(EntryLine line, Diags d) {
        List<String> w = line.words();
        if (w.get(0).equals("fwmark")) {
            if (w.size() < 2) {
                d.error(line.where(), "virtual_server_group: fwmark needs a number");
                return Optional.empty();
            }
            Optional<Integer> mark = Values.integer(line.stmt("fwmark", 1, 2), 0, 1, Integer.MAX_VALUE, d);
            Optional<AddressFamily> fam = Optional.empty();
            if (w.size() > 2) {
                fam = family(w.get(2));
                if (fam.isEmpty()) {
                    d.error(line.where(), "virtual_server_group: fwmark family expects inet|inet6, got '" + w.get(2) + "'");
                    return Optional.empty();
                }
            }
            Optional<AddressFamily> f = fam;
            return mark.map(m -> new VsgEntry.Fwmark(m, f, line.where()));
        }
        Optional<InetAddress[]> range = range(w.get(0));
        if (range.isEmpty()) {
            d.error(line.where(), "virtual_server_group expects ADDRESS[-LAST|/LEN] PORT or fwmark N, got '"
                    + w.get(0) + "'");
            return Optional.empty();
        }
        int port = 0;
        if (w.size() > 1) {
            Optional<Integer> p = Values.port(line.stmt("virtual_server_group", 1, 2), 0, d);
            if (p.isEmpty()) {
                return Optional.empty();
            }
            port = p.get();
        }
        if (w.size() > 2) {
            d.warning(line.where(), "virtual_server_group: extra words ignored: '"
                    + String.join(" ", w.subList(2, w.size())) + "'");
        }
        return Optional.of(new VsgEntry.Range(range.get()[0], range.get()[1], port, line.where()));
    }

    static Optional<AddressFamily> family(String w) {
        return switch (w) {
            case "inet" -> Optional.of(AddressFamily.INET);
            case "inet6" -> Optional.of(AddressFamily.INET6);
            default -> Optional.empty();
        };
    }

    /** First and last address of {@code a}, {@code a-e}, {@code a-b} or {@code a/len}. */
    static Optional<InetAddress[]> range(String text) {
        if (text.contains("/")) {
            return IpPrefix.parse(text).map(VirtualServerGroupReader::cidr);
        }
        int dash = text.indexOf('-');
        if (dash < 0) {
            return IpAddresses.parse(text).map(a -> new InetAddress[] {a, a});
        }
        Optional<InetAddress> first = IpAddresses.parse(text.substring(0, dash));
        String tail = text.substring(dash + 1);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        Optional<InetAddress> last = IpAddresses.parse(tail).or(() -> lastPart(first.get(), tail));
        if (last.isEmpty() || AddressFamily.of(last.get()) != AddressFamily.of(first.get())
                || number(last.get()).compareTo(number(first.get())) < 0) {
            return Optional.empty();
        }
        return Optional.of(new InetAddress[] {first.get(), last.get()});
    }

    /** {@code 192.168.1.3-10}: the last octet (IPv4) or last group (IPv6, hex) replaced. */
    private static Optional<InetAddress> lastPart(InetAddress first, String tail) {
        boolean v4 = AddressFamily.of(first) == AddressFamily.INET;
        if (!tail.matches(v4 ? "\\d{1,3}" : "[0-9a-fA-F]{1,4}")) {
            return Optional.empty();
        }
        int v = Integer.parseInt(tail, v4 ? 10 : 16);
        if (v4 && v > 255) {
            return Optional.empty();
        }
        byte[] b = first.getAddress();
        if (v4) {
            b[3] = (byte) v;
        } else {
            b[14] = (byte) (v >> 8);
            b[15] = (byte) v;
        }
        return Optional.of(address(b));
    }

    private static InetAddress[] cidr(IpPrefix p) {
        int bits = p.address().getAddress().length * 8;
        BigInteger n = number(p.address());
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - p.length()).subtract(BigInteger.ONE);
        BigInteger net = n.andNot(hostMask);
        return new InetAddress[] {toAddress(net, bits / 8), toAddress(net.or(hostMask), bits / 8)};
    }

    static BigInteger number(InetAddress a) {
        return new BigInteger(1, a.getAddress());
    }

    private static InetAddress toAddress(BigInteger n, int len) {
        byte[] raw = n.toByteArray();
        byte[] b = new byte[len];
        int copy = Math.min(raw.length, len);
        System.arraycopy(raw, raw.length - copy, b, len - copy, copy);
        return address(b);
    }

    private static InetAddress address(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address of " + b.length + " bytes", e);
        }
    }
}
