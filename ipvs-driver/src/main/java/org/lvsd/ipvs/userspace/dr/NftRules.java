package org.lvsd.ipvs.userspace.dr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.AddressText;
import org.lvsd.ipvs.ServiceKey;

/**
 * An nftables table of the forwarder's own ({@code inet lvsd_dr}, for both families) whose
 * input-hook rules drop the director's local delivery of a direct-routed service: the VIP is on
 * the director's interface, and its stack would otherwise answer the clients' packets (a RST for
 * TCP). A rule matches {@code ip daddr} or {@code ip6 daddr} by the service's family; nftables
 * finds an IPv6 datagram's TCP or UDP header past any extension headers, so the stack drops such
 * datagrams to the service too, which the packet path leaves to it. Frames are taken before
 * netfilter, so the packet path still sees them. Driven through the {@code nft} command.
 *
 * <p>Forwarders before the IPv6 packet path kept their rules in an {@code ip lvsd_dr} table; one
 * that ended without removing it (a crash) left it behind, and its rules would keep dropping the
 * director's local delivery of services no longer served. Such a table is deleted at start.
 */
final class NftRules implements AutoCloseable {
    private static final String FAMILY = "inet";
    private static final String TABLE = "lvsd_dr";
    /** The table of forwarders that served only IPv4, with the same name. */
    private static final String OLD_TABLE = "table ip " + TABLE;
    private static final Pattern HANDLE = Pattern.compile("# handle (\\d+)");

    private final Map<ServiceKey, Integer> handles = new HashMap<>();

    /**
     * Creates the table and its input chain (emptied if a previous run left it), and deletes the
     * IPv4-only table of an older forwarder if one is left.
     */
    NftRules() throws IOException {
        if (nft("list", "tables").lines().anyMatch(OLD_TABLE::equals)) {
            nft("delete", "table", "ip", TABLE);
        }
        nft("add", "table", FAMILY, TABLE);
        nft("flush", "table", FAMILY, TABLE);
        nft("add", "chain", FAMILY, TABLE, "input",
                "{ type filter hook input priority -150 ; policy accept ; }");
    }

    /** Drops local delivery of the service's packets; idempotent. */
    void drop(ServiceKey key) throws IOException {
        if (handles.containsKey(key)) {
            return;
        }
        String proto = key.protocol().label().toLowerCase(java.util.Locale.ROOT);
        String match = key.family() == AddressFamily.INET6 ? "ip6" : "ip";
        String out = nft("-a", "-e", "add", "rule", FAMILY, TABLE, "input", match, "daddr",
                AddressText.format(key.address()), proto, "dport", Integer.toString(key.port()), "drop");
        Matcher m = HANDLE.matcher(out);
        if (!m.find()) {
            throw new IOException("nft printed no rule handle: " + out);
        }
        handles.put(key, Integer.parseInt(m.group(1)));
    }

    /** Removes the service's rule, if any. */
    void allow(ServiceKey key) throws IOException {
        Integer handle = handles.remove(key);
        if (handle != null) {
            nft("delete", "rule", FAMILY, TABLE, "input", "handle", handle.toString());
        }
    }

    /** Deletes the table with every rule. */
    @Override
    public void close() throws IOException {
        handles.clear();
        nft("delete", "table", FAMILY, TABLE);
    }

    private static String nft(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("nft"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("nft timed out: " + cmd);
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + ": " + text.trim());
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + cmd, e);
        }
    }
}
