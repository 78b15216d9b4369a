package org.lvsd.controller.vrrp;

import java.util.Locale;

import org.lvsd.conf.model.Where;
import org.lvsd.netlink.route.Route;

/**
 * Routing table names of {@code virtual_routes} / {@code virtual_rules} ({@code table ID}): the
 * kernel's reserved names ({@code rtnetlink.h} {@code RT_TABLE_*}: main 254, local 255, default
 * 253) or a number 1..4294967295. Other names would need {@code /etc/iproute2/rt_tables}, which
 * lvsd does not read: they are refused with the place they were written.
 */
final class RouteTables {

    /** {@code RT_TABLE_DEFAULT}. */
    static final int TABLE_DEFAULT = 253;

    private RouteTables() {
    }

    static int id(String name, String block, Where where) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "main":
                return Route.TABLE_MAIN;
            case "local":
                return Route.TABLE_LOCAL;
            case "default":
                return TABLE_DEFAULT;
            default:
                break;
        }
        long id = number(name, block + ": table", where);
        if (id < 1 || id > 0xffff_ffffL) {
            throw new IllegalArgumentException(block + ": table " + name + " out of range 1..4294967295 (" + where + ")");
        }
        return (int) id;
    }

    /** A decimal or 0x-hexadecimal number, as ip(8) reads them. */
    static long number(String text, String what, Where where) {
        try {
            return Long.decode(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " expects a number, got '" + text + "' (" + where + ")");
        }
    }
}
