package org.lvsd.controller.daemon;

import java.util.List;

/**
 * The keepalived.conf of the service ITs: lvsd with {@code lvs_driver userspace}, VRRP instance
 * VI_1 (BACKUP, priority 150) holding 198.51.100.100/24 on eth0, and a NAT virtual server on
 * VIP:80 scheduling rr over the given real servers, each TCP_CHECK'd with connect_timeout 1,
 * retry 1, delay_before_retry 1 (delay_loop 1).
 */
final class NatServiceConf {

    private NatServiceConf() {
    }

    /**
     * @param globalDefs extra {@code global_defs} lines, after router_id and lvs_driver
     * @param realServers "ADDRESS PORT" of each real server, in order
     */
    static String text(List<String> globalDefs, List<String> realServers) {
        StringBuilder defs = new StringBuilder();
        for (String line : globalDefs) {
            defs.append("    ").append(line).append('\n');
        }
        StringBuilder servers = new StringBuilder();
        for (String rs : realServers) {
            servers.append("    real_server ").append(rs).append(" {\n").append("""
                            TCP_CHECK {
                                connect_timeout 1
                                retry 1
                                delay_before_retry 1
                            }
                        }
                    """);
        }
        return """
                global_defs {
                    router_id lvsdit
                    lvs_driver userspace
                %s}
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    priority 150
                    advert_int 1
                    virtual_ipaddress {
                        198.51.100.100/24
                    }
                }
                virtual_server 198.51.100.100 80 {
                    delay_loop 1
                    lvs_sched rr
                    lvs_method NAT
                    protocol TCP
                %s}
                """.formatted(defs, servers);
    }
}
