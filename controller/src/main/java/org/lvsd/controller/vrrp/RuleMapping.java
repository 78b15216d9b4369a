package org.lvsd.controller.vrrp;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.lvsd.conf.model.IpPrefix;
import org.lvsd.conf.model.VirtualRule;
import org.lvsd.conf.model.VrrpInstance;
import org.lvsd.conf.model.Where;
import org.lvsd.netlink.route.Family;
import org.lvsd.netlink.route.Rule;
import org.lvsd.netlink.route.RuleAction;

/**
 * {@code virtual_rules} entries (keepalived.conf(5), {@code ip rule} syntax) to policy routing
 * rules installed while MASTER. Mapped: {@code not}, {@code from PREFIX|all}, {@code to
 * PREFIX|all}, {@code fwmark MARK[/MASK]}, {@code iif} / {@code dev NAME}, {@code oif NAME},
 * {@code table} / {@code lookup ID}, {@code priority} / {@code pref} / {@code preference N}, the
 * actions {@code blackhole}, {@code unreachable}, {@code prohibit}, and {@code no_track}
 * (accepted; interfaces of rules are not tracked). The family comes from the prefixes, else from
 * the instance. Other words ({@code goto}, {@code tos}, {@code uidrange}, ...) are refused with
 * the entry's place.
 */
public final class RuleMapping {

    private RuleMapping() {
    }

    /** The instance's virtual rules; an entry lvsd cannot install is an IllegalArgumentException. */
    public static List<Rule> rules(VrrpInstance vi) {
        int family = InstanceMapping.family(vi) == org.lvsd.vrrp.codec.AddressFamily.INET ? Family.INET : Family.INET6;
        return vi.virtualRules().stream().map(r -> rule(r, family)).toList();
    }

    static Rule rule(VirtualRule r, int instanceFamily) {
        List<String> w = r.words();
        Where where = r.where();
        Optional<IpPrefix> from = Optional.empty();
        Optional<IpPrefix> to = Optional.empty();
        Optional<RuleAction> action = Optional.empty();
        Integer table = null;
        Integer pref = null;
        Long mark = null;
        OptionalLong mask = OptionalLong.empty();
        String iif = null;
        String oif = null;
        boolean not = false;
        for (int i = 0; i < w.size(); i++) {
            String k = w.get(i);
            String v = i + 1 < w.size() ? w.get(i + 1) : null;
            switch (k) {
                case "not" -> not = true;
                case "no_track" -> { }
                case "blackhole", "unreachable", "prohibit" -> action = Optional.of(RuleAction.valueOf(
                        k.toUpperCase(java.util.Locale.ROOT)));
                case "from", "to", "fwmark", "iif", "dev", "oif", "table", "lookup", "priority", "pref",
                     "preference" -> {
                    if (v == null) {
                        throw error(r, k + " needs a value");
                    }
                    i++;
                    switch (k) {
                        case "from" -> from = prefix(v, r);
                        case "to" -> to = prefix(v, r);
                        case "fwmark" -> {
                            int slash = v.indexOf('/');
                            mark = RouteTables.number(slash < 0 ? v : v.substring(0, slash), "virtual_rules: fwmark",
                                    where);
                            if (slash >= 0) {
                                mask = OptionalLong.of(RouteTables.number(v.substring(slash + 1),
                                        "virtual_rules: fwmark mask", where));
                            }
                        }
                        case "iif", "dev" -> iif = v;
                        case "oif" -> oif = v;
                        case "table", "lookup" -> table = RouteTables.id(v, "virtual_rules", where);
                        default -> {
                            long p = RouteTables.number(v, "virtual_rules: " + k, where);
                            if (p < 0 || p > 0xffff_ffffL) {
                                throw error(r, k + " " + v + " out of range");
                            }
                            pref = (int) p;
                        }
                    }
                }
                default -> throw error(r, "'" + k + "' is not supported by lvsd");
            }
        }
        if (action.isPresent() == (table != null)) {
            throw error(r, "needs exactly one of table ID or blackhole / unreachable / prohibit");
        }
        Optional<IpPrefix> to0 = to;
        int family = from.or(() -> to0).map(p -> p.family() == org.lvsd.conf.model.AddressFamily.INET
                ? Family.INET : Family.INET6).orElse(instanceFamily);
        try {
            Rule rule = table != null ? Rule.lookup(family, table) : Rule.reject(family, action.get());
            if (from.isPresent()) {
                rule = rule.from(from.get().address(), from.get().length());
            }
            if (to.isPresent()) {
                rule = rule.to(to.get().address(), to.get().length());
            }
            if (pref != null) {
                rule = rule.withPriority(pref);
            }
            if (mark != null) {
                rule = rule.withFwmark(mark, mask);
            }
            if (iif != null) {
                rule = rule.withIif(iif);
            }
            if (oif != null) {
                rule = rule.withOif(oif);
            }
            return not ? rule.inverted() : rule;
        } catch (IllegalArgumentException e) {
            throw error(r, e.getMessage());
        }
    }

    private static Optional<IpPrefix> prefix(String v, VirtualRule r) {
        if (v.equals("all") || v.equals("default")) {
            return Optional.empty();
        }
        return Optional.of(IpPrefix.parse(v).orElseThrow(() -> error(r, "expects PREFIX or all, got '" + v + "'")));
    }

    private static IllegalArgumentException error(VirtualRule r, String what) {
        return new IllegalArgumentException("virtual_rules: " + what + " in '" + String.join(" ", r.words()) + "' ("
                + r.where() + ")");
    }
}
