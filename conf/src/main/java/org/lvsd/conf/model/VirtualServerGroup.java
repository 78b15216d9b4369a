package org.lvsd.conf.model;

import java.util.List;

/**
 * {@code virtual_server_group NAME { ... }}: services sharing one set of real servers.
 *
 * @param name the group's name
 * @param entries its entries in order
 * @param where origin
 */
public record VirtualServerGroup(String name, List<VsgEntry> entries, Where where) {

    public VirtualServerGroup {
        entries = List.copyOf(entries);
    }
}
