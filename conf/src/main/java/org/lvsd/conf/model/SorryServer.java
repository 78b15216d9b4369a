package org.lvsd.conf.model;

import java.net.InetAddress;

/**
 * {@code sorry_server IP [PORT]} with {@code sorry_server_inhibit} and {@code sorry_server_lvs_method}.
 *
 * @param address the server
 * @param port its port (default the virtual server's)
 * @param inhibit add it at weight 0
 * @param method its forwarding method (default the virtual server's)
 * @param where origin
 */
public record SorryServer(InetAddress address, int port, boolean inhibit, ForwardingMethod method, Where where) {
}
