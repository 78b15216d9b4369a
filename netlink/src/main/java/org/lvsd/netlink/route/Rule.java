package org.lvsd.netlink.route;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A policy routing rule ({@code ip rule}), as requested or as the kernel reports it.
 *
 * @param family       {@link Family#INET} or {@link Family#INET6}
 * @param source       {@code FRA_SRC} with {@code src_len} ({@code from PREFIX}); empty = from all
 * @param sourceLength {@code src_len}
 * @param destination  {@code FRA_DST} with {@code dst_len} ({@code to PREFIX})
 * @param destinationLength {@code dst_len}
 * @param action       {@code action}
 * @param table        {@code FRA_TABLE} (and {@code table} below 256) for {@link RuleAction#TO_TABLE}, else 0
 * @param priority     {@code FRA_PRIORITY} ({@code pref N}); empty lets the kernel choose
 * @param fwmark       {@code FRA_FWMARK} (u32)
 * @param fwmask       {@code FRA_FWMASK} (u32), only with a mark
 * @param iifName      {@code FRA_IIFNAME} ({@code iif IF})
 * @param oifName      {@code FRA_OIFNAME} ({@code oif IF})
 * @param invert       {@code FIB_RULE_INVERT} ({@code not})
 */
public record Rule(int family, Optional<InetAddress> source, int sourceLength, Optional<InetAddress> destination,
        int destinationLength, RuleAction action, int table, OptionalInt priority, OptionalLong fwmark,
        OptionalLong fwmask, Optional<String> iifName, Optional<String> oifName, boolean invert) {

    /** Checks families and prefix lengths. */
    public Rule {
        Objects.requireNonNull(action, "action");
        if (family != Family.INET && family != Family.INET6) {
            throw new IllegalArgumentException("rule family must be inet or inet6: " + family);
        }
        checkPrefix(family, source, sourceLength, "from");
        checkPrefix(family, destination, destinationLength, "to");
        if (action == RuleAction.TO_TABLE && table <= 0) {
            throw new IllegalArgumentException("a lookup rule needs a table");
        }
        if (fwmask.isPresent() && fwmark.isEmpty()) {
            throw new IllegalArgumentException("fwmask without fwmark");
        }
        for (OptionalLong v : new OptionalLong[] {fwmark, fwmask}) {
            if (v.isPresent() && (v.getAsLong() < 0 || v.getAsLong() > 0xffff_ffffL)) {
                throw new IllegalArgumentException("fwmark / mask out of u32 range: " + v.getAsLong());
            }
        }
    }

    private static void checkPrefix(int family, Optional<InetAddress> a, int length, String what) {
        int max = family == Family.INET ? 32 : 128;
        if (a.isEmpty() ? length != 0 : Family.of(a.get()) != family || length < 0 || length > max) {
            throw new IllegalArgumentException("rule " + what + " " + a.map(InetAddress::getHostAddress).orElse("all")
                    + "/" + length + " is not " + (family == Family.INET ? "IPv4" : "IPv6"));
        }
    }

    /** {@code ip rule add lookup TABLE} in {@code family}, matching everything until narrowed. */
    public static Rule lookup(int family, int table) {
        return new Rule(family, Optional.empty(), 0, Optional.empty(), 0, RuleAction.TO_TABLE, table,
                OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(),
                false);
    }

    /** A rule without table doing {@code action} (blackhole, unreachable, prohibit). */
    public static Rule reject(int family, RuleAction action) {
        return new Rule(family, Optional.empty(), 0, Optional.empty(), 0, action, 0, OptionalInt.empty(),
                OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), false);
    }

    /** The same matching {@code from PREFIX}. */
    public Rule from(InetAddress prefix, int length) {
        return new Rule(family, Optional.of(prefix), length, destination, destinationLength, action, table, priority,
                fwmark, fwmask, iifName, oifName, invert);
    }

    /** The same matching {@code to PREFIX}. */
    public Rule to(InetAddress prefix, int length) {
        return new Rule(family, source, sourceLength, Optional.of(prefix), length, action, table, priority, fwmark,
                fwmask, iifName, oifName, invert);
    }

    /** The same at preference {@code pref}. */
    public Rule withPriority(int pref) {
        return new Rule(family, source, sourceLength, destination, destinationLength, action, table,
                OptionalInt.of(pref), fwmark, fwmask, iifName, oifName, invert);
    }

    /** The same matching {@code fwmark MARK[/MASK]}. */
    public Rule withFwmark(long mark, OptionalLong mask) {
        return new Rule(family, source, sourceLength, destination, destinationLength, action, table, priority,
                OptionalLong.of(mark), mask, iifName, oifName, invert);
    }

    /** The same matching {@code iif IF}. */
    public Rule withIif(String name) {
        return new Rule(family, source, sourceLength, destination, destinationLength, action, table, priority, fwmark,
                fwmask, Optional.of(name), oifName, invert);
    }

    /** The same matching {@code oif IF}. */
    public Rule withOif(String name) {
        return new Rule(family, source, sourceLength, destination, destinationLength, action, table, priority, fwmark,
                fwmask, iifName, Optional.of(name), invert);
    }

    /** The same with the match inverted ({@code not}). */
    public Rule inverted() {
        return new Rule(family, source, sourceLength, destination, destinationLength, action, table, priority, fwmark,
                fwmask, iifName, oifName, true);
    }

    /** "from 198.51.100.0/24 lookup 100 pref 1000", for messages. */
    public String describe() {
        StringBuilder b = new StringBuilder(invert ? "not " : "");
        b.append("from ").append(source.map(a -> a.getHostAddress() + "/" + sourceLength).orElse("all"));
        destination.ifPresent(d -> b.append(" to ").append(d.getHostAddress()).append('/').append(destinationLength));
        fwmark.ifPresent(m -> b.append(" fwmark 0x").append(Long.toHexString(m)));
        fwmask.ifPresent(m -> b.append("/0x").append(Long.toHexString(m)));
        iifName.ifPresent(i -> b.append(" iif ").append(i));
        oifName.ifPresent(o -> b.append(" oif ").append(o));
        b.append(action == RuleAction.TO_TABLE ? " lookup " + table : " " + action.name().toLowerCase(java.util.Locale.ROOT));
        priority.ifPresent(p -> b.append(" pref ").append(Integer.toUnsignedString(p)));
        return b.toString();
    }
}
