package org.lvsd.controller.daemon;

/** One keepalived.conf text, run unchanged by lvsd and keepalived: VRRP instance VI_1 on eth0. */
final class VrrpConf {

    private VrrpConf() {
    }

    static String instance(int version, String advertInt, int priority, String vipWithPrefix) {
        return String.join("\n",
                "global_defs {",
                "    router_id lvsdit",
                "}",
                "vrrp_instance VI_1 {",
                "    state BACKUP",
                "    interface eth0",
                "    version " + version,
                "    virtual_router_id 51",
                "    priority " + priority,
                "    advert_int " + advertInt,
                "    virtual_ipaddress {",
                "        " + vipWithPrefix,
                "    }",
                "}", "");
    }
}
