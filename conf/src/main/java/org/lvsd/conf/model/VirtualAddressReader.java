package org.lvsd.conf.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code virtual_ipaddress} and {@code virtual_ipaddress_excluded} blocks. A word that
 * is an address where an option was expected starts the next entry, so several addresses may
 * share a line.
 */
final class VirtualAddressReader {

    private static final Set<String> SCOPES = Set.of("site", "link", "host", "nowhere", "global");

    private VirtualAddressReader() {
    }

    static List<VirtualAddress> read(Stmt block, Diags d) {
        List<VirtualAddress> out = new ArrayList<>();
        for (EntryLine line : EntryLine.of(block)) {
            List<String> w = line.words();
            int i = 0;
            while (i < w.size()) {
                Optional<IpPrefix> addr = IpPrefix.parse(w.get(i));
                if (addr.isEmpty()) {
                    d.error(line.where(), block.keyword() + " expects ADDRESS[/PREFIX], got '" + w.get(i) + "'");
                    break;
                }
                Entry e = new Entry(addr.get());
                i = e.options(w, i + 1, line, block.keyword(), d);
                out.add(e.build(line.where()));
            }
        }
        return out;
    }

    /** The options of one entry as they are read. */
    private static final class Entry {
        private final IpPrefix address;
        private Optional<String> brd = Optional.empty();
        private Optional<String> dev = Optional.empty();
        private Optional<String> scope = Optional.empty();
        private Optional<String> label = Optional.empty();
        private Optional<IpPrefix> peer = Optional.empty();
        private Optional<String> lft = Optional.empty();
        private boolean home;
        private boolean nodad;
        private boolean mngtmpaddr;
        private boolean noprefixroute;
        private boolean autojoin;
        private boolean noTrack;
        private boolean useVmac;

        Entry(IpPrefix address) {
            this.address = address;
        }

        /** Reads options from word {@code i}; returns the index of the next entry's address. */
        int options(List<String> w, int i, EntryLine line, String kw, Diags d) {
            while (i < w.size()) {
                String opt = w.get(i);
                switch (opt) {
                    case "home" -> home = true;
                    case "-nodad", "nodad" -> nodad = true;
                    case "mngtmpaddr" -> mngtmpaddr = true;
                    case "noprefixroute" -> noprefixroute = true;
                    case "autojoin" -> autojoin = true;
                    case "no_track" -> noTrack = true;
                    case "use_vmac" -> useVmac = true;
                    case "brd", "broadcast", "dev", "scope", "label", "peer", "preferred_lft" -> {
                        if (i + 1 >= w.size()) {
                            d.error(line.where(), kw + ": missing value after '" + opt + "'");
                            return w.size();
                        }
                        value(opt, w.get(++i), line, kw, d);
                    }
                    default -> {
                        if (IpPrefix.parse(opt).isPresent()) {
                            return i;
                        }
                        d.error(line.where(), kw + ": unknown option '" + opt + "' after " + address);
                    }
                }
                i++;
            }
            return i;
        }

        private void value(String opt, String v, EntryLine line, String kw, Diags d) {
            switch (opt) {
                case "brd", "broadcast" -> {
                    if (!v.equals("+") && !v.equals("-") && IpAddresses.parse(v).isEmpty()) {
                        d.error(line.where(), kw + ": brd expects an address, + or -, got '" + v + "'");
                    }
                    brd = Optional.of(v);
                }
                case "dev" -> dev = Optional.of(v);
                case "scope" -> {
                    if (!SCOPES.contains(v) && Values.parseLong(v).filter(n -> n >= 0 && n <= 255).isEmpty()) {
                        d.error(line.where(), kw + ": scope expects site|link|host|nowhere|global, got '" + v + "'");
                    }
                    scope = Optional.of(v);
                }
                case "label" -> label = Optional.of(v);
                case "peer" -> {
                    peer = IpPrefix.parse(v);
                    if (peer.isEmpty()) {
                        d.error(line.where(), kw + ": peer expects ADDRESS[/PREFIX], got '" + v + "'");
                    }
                }
                default -> {
                    if (!v.equals("forever") && Values.parseLong(v).filter(n -> n >= 0).isEmpty()) {
                        d.error(line.where(), kw + ": preferred_lft expects seconds or forever, got '" + v + "'");
                    }
                    lft = Optional.of(v);
                }
            }
        }

        VirtualAddress build(Where where) {
            return new VirtualAddress(address, brd, dev, scope, label, peer, lft, home, nodad, mngtmpaddr,
                    noprefixroute, autojoin, noTrack, useVmac, where);
        }
    }
}
