package org.lvsd.conf.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.net.InetAddress;

/** What a {@code virtual_server} is declared as: {@code IP [PORT]}, {@code fwmark N} or {@code group NAME}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({@JsonSubTypes.Type(value = VsAddress.IpPort.class, name = "ip"),
        @JsonSubTypes.Type(value = VsAddress.Fwmark.class, name = "fwmark"),
        @JsonSubTypes.Type(value = VsAddress.Group.class, name = "group")})
public sealed interface VsAddress {

    /**
     * {@code virtual_server IP [PORT]}.
     *
     * @param address the VIP
     * @param port the port, 0 when none was given
     */
    record IpPort(InetAddress address, int port) implements VsAddress {
    }

    /**
     * {@code virtual_server fwmark N}.
     *
     * @param mark the firewall mark
     */
    record Fwmark(int mark) implements VsAddress {
    }

    /**
     * {@code virtual_server group NAME}.
     *
     * @param name the {@code virtual_server_group}
     */
    record Group(String name) implements VsAddress {
    }
}
