/**
 * Pure mapping from the parsed keepalived.conf model ({@code org.lvsd.conf.model}) to what the
 * other modules consume.
 *
 * <ul>
 *   <li>Health side: one {@link org.lvsd.healthcheck.spec.VirtualServerSpec} per
 *       {@code virtual_server} (keepalived.conf(5) "virtual_server", "real_server" and the checker
 *       blocks), its real servers with weight, {@code inhibit_on_failure}, {@code notify_up} /
 *       {@code notify_down} and lvsd's {@code slow_start}, each checker with the model's resolved
 *       defaults.</li>
 *   <li>IPVS side: the {@link org.lvsd.ipvs.VirtualService}s a virtual server stands for (one per
 *       address and port of a {@code virtual_server_group} range, one per group {@code fwmark}),
 *       with the scheduler and its flags, persistence ({@code persistence_timeout},
 *       {@code persistence_granularity} as ipvsadm(8)'s {@code -M} netmask or IPv6 prefix length,
 *       {@code persistence_engine}), and each real server's {@link org.lvsd.ipvs.Destination}
 *       ({@code lvs_method} NAT = ipvsadm {@code -m}, DR = {@code -g}, TUN = {@code -i} with
 *       {@code --tun-type}, {@code --tun-port} and the checksum option; {@code uthreshold} /
 *       {@code lthreshold} = {@code -x} / {@code -y}).</li>
 * </ul>
 *
 * <p>Anything that cannot be mapped is a {@link org.lvsd.conf.Diagnostic} naming the config's
 * {@code file:line}: errors make the mapped configuration unusable, warnings name features that
 * are left out (for example {@code PING_CHECK}, which has no checker yet).
 */
package org.lvsd.controller.mapping;
