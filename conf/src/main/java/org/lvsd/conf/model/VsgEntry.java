package org.lvsd.conf.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.net.InetAddress;
import java.util.Optional;

/** One {@code virtual_server_group} entry: an address range with a port, or a firewall mark. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({@JsonSubTypes.Type(value = VsgEntry.Range.class, name = "range"),
        @JsonSubTypes.Type(value = VsgEntry.Fwmark.class, name = "fwmark")})
public sealed interface VsgEntry {

    Where where();

    /**
     * {@code IP PORT}, {@code a.b.c.d-e PORT}, {@code FIRST-LAST PORT} or {@code NET/LEN PORT}:
     * every address from {@code first} to {@code last}.
     *
     * @param first lowest address
     * @param last highest address (equal to first for a single address)
     * @param port the service port (0 when none was given)
     * @param where origin
     */
    record Range(InetAddress first, InetAddress last, int port, Where where) implements VsgEntry {
    }

    /**
     * {@code fwmark N [inet|inet6]}.
     *
     * @param mark the firewall mark
     * @param family the family, when given
     * @param where origin
     */
    record Fwmark(int mark, Optional<AddressFamily> family, Where where) implements VsgEntry {
    }
}
