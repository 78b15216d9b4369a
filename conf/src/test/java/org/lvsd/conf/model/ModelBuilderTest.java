package org.lvsd.conf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsd.conf.ConfigLoader;

class ModelBuilderTest {

    private static final String INSTANCE = " {\ninterface eth0\nvirtual_router_id %d\nvirtual_ipaddress { 192.0.2.%d }\n}\n";

    private static String instance(String name, int vrid) {
        return "vrrp_instance " + name + String.format(INSTANCE, vrid, vrid);
    }

    @Test
    void globalDefsApplyToInstancesDeclaredBeforeThem() {
        KeepalivedConfig c = TestConfigs.model(instance("A", 1) + "global_defs {\nvrrp_version 3\n}\n");
        assertEquals(3, c.instances().get("A").version());
    }

    @Test
    void instancesKeepFileOrder() {
        KeepalivedConfig c = TestConfigs.model(instance("Z", 3) + instance("A", 1) + instance("M", 2));
        assertEquals(List.of("Z", "A", "M"), List.copyOf(c.instances().keySet()));
    }

    @Test
    void unknownTopLevelKeywordIsWarnedAndSkipped() {
        assertEquals(List.of("lvsd.conf:1: warning: unknown keyword 'vrrp_instanse' ignored"),
                TestConfigs.messages("vrrp_instanse VI_1 {\ninterface eth0\n}\n"));
    }

    @Test
    void unknownKeywordInsideABlockIsWarnedAndTheRestIsRead() {
        String text = "vrrp_instance A {\ninterface eth0\npriorty 50\nvirtual_router_id 4\n"
                + "virtual_ipaddress { 192.0.2.1 }\n}\n";
        assertEquals(List.of("lvsd.conf:3: warning: unknown keyword 'priorty' ignored"), TestConfigs.messages(text));
        assertEquals(4, TestConfigs.model(text).instances().get("A").virtualRouterId());
    }

    @Test
    void emptyConfigurationIsValidAndEmpty() {
        KeepalivedConfig c = TestConfigs.model("");
        assertEquals(List.of(0, 0, 0), List.of(c.instances().size(), c.virtualServers().size(), c.scripts().size()));
    }

    @Test
    void tenThousandGeneratedInstancesBuildWithoutFalseDuplicates() {
        StringBuilder text = new StringBuilder();
        for (int n = 0; n < 10_000; n++) {
            text.append("vrrp_instance V").append(n).append(" {\ninterface eth").append(n / 255)
                    .append("\nvirtual_router_id ").append(n % 255 + 1).append("\nno_virtual_ipaddress\n}\n");
        }
        ConfigLoader.LoadResult r = TestConfigs.load(text.toString());
        assertEquals(List.of(), r.diagnostics());
        assertEquals(10_000, r.config().orElseThrow().instances().size());
    }

    @Test
    void legacyInstanceSyncDaemonInterfaceIsKeptWithADeprecationWarning() {
        String text = "vrrp_instance A {\ninterface eth0\nvirtual_router_id 4\nlvs_sync_daemon_interface eth1\n"
                + "no_virtual_ipaddress\n}\n";
        assertEquals(java.util.Optional.of("eth1"), TestConfigs.model(text).instances().get("A").lvsSyncDaemonInterface());
        assertEquals(List.of("lvsd.conf:4: warning: lvs_sync_daemon_interface is deprecated, use lvs_sync_daemon in "
                + "global_defs"), TestConfigs.messages(text));
    }
}
