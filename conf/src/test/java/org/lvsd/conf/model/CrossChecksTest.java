package org.lvsd.conf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CrossChecksTest {

    private static String instance(String name, String body) {
        return "vrrp_instance " + name + " {\n" + body + "\nvirtual_ipaddress { 192.0.2.10 }\n}\n";
    }

    @Test
    void sameVridIsAllowedWithDisjointUnicastPeers() {
        String text = instance("A", "virtual_router_id 5\nunicast_peer { 192.0.2.1 }")
                + instance("B", "virtual_router_id 5\nunicast_peer { 192.0.2.2 }");
        assertEquals(List.of(), TestConfigs.messages(text));
    }

    @Test
    void sameVridWithSharedUnicastPeerIsAnError() {
        String text = instance("A", "virtual_router_id 5\nunicast_peer { 192.0.2.1 }")
                + instance("B", "virtual_router_id 5\nunicast_peer { 192.0.2.1 192.0.2.3 }");
        assertEquals(List.of("lvsd.conf:6: (B) virtual_router_id 5 is already used by A at lvsd.conf:1"),
                TestConfigs.messages(text));
    }

    @Test
    void sameVridIsAllowedOnOtherInterfacesFamiliesOrGroups() {
        String text = instance("A", "interface eth0\nvirtual_router_id 5")
                + instance("B", "interface eth1\nvirtual_router_id 5")
                + instance("C", "interface eth0\nvirtual_router_id 5\nmcast_dst_ip 224.0.0.100")
                + "vrrp_instance D {\ninterface eth0\nvirtual_router_id 5\nvirtual_ipaddress { 2001:db8::1 }\n}\n";
        assertEquals(List.of(), TestConfigs.messages(text));
    }

    @Test
    void instanceInTwoSyncGroupsIsAnError() {
        String text = instance("A", "interface eth0\nvirtual_router_id 5")
                + "vrrp_sync_group G1 {\ngroup { A }\n}\nvrrp_sync_group G2 {\ngroup { A }\n}\n";
        assertEquals(List.of("lvsd.conf:9: vrrp_sync_group G2: instance 'A' is already in sync group G1"),
                TestConfigs.messages(text));
    }

    @Test
    void memberTrackingWeightsAreWarnedUnlessTheGroupAllowsThem() {
        String members = "vrrp_script s {\nscript /bin/true\nweight 10\n}\n"
                + instance("A", "interface eth0\nvirtual_router_id 5\ntrack_script { s }");
        assertEquals(List.of("lvsd.conf:5: warning: (A) tracking weights are ignored in sync group G unless "
                + "sync_group_tracking_weight is set"), TestConfigs.messages(members + "vrrp_sync_group G {\ngroup { A }\n}"));
        assertEquals(List.of(), TestConfigs.messages(members
                + "vrrp_sync_group G {\ngroup { A }\nsync_group_tracking_weight\n}"));
    }

    @Test
    void undefinedReferencesInSyncGroupsAndSyncDaemonAreErrors() {
        String text = instance("A", "interface eth0\nvirtual_router_id 5")
                + "vrrp_sync_group G {\ngroup { A }\ntrack_script { nope }\n}\n"
                + "global_defs {\nlvs_sync_daemon eth1 VI_X\n}\n";
        assertEquals(List.of("lvsd.conf:8: track_script 'nope' is not defined",
                "lvsd.conf:11: lvs_sync_daemon: vrrp_instance 'VI_X' is not defined"), TestConfigs.messages(text));
    }

    @Test
    void aBrokenInstanceIsNotReportedAgainAsAnUnknownMember() {
        String text = "vrrp_instance A {\ninterface eth0\n}\nvrrp_sync_group G {\ngroup { A }\n}\n";
        assertEquals(List.of("lvsd.conf:1: (A) missing virtual_router_id"),
                TestConfigs.load(text).diagnostics().stream().filter(org.lvsd.conf.Diagnostic::isError)
                        .map(Object::toString).toList());
    }

    @Test
    void duplicateNamesAreReportedWithBothLines() {
        String text = "vrrp_script s {\nscript /bin/true\n}\nvrrp_script s {\nscript /bin/false\n}\n";
        assertEquals(List.of("lvsd.conf:4: vrrp_script 's' is already defined at lvsd.conf:1"),
                TestConfigs.messages(text));
    }

    @Test
    void legacyVrrpTrackFileIsATrackFile() {
        String text = "vrrp_track_file tf {\nfile /run/x\n}\n"
                + instance("A", "interface eth0\nvirtual_router_id 5\ntrack_file { tf }");
        assertEquals(List.of("lvsd.conf:1: warning: vrrp_track_file is deprecated, use track_file"),
                TestConfigs.messages(text));
        assertEquals("/run/x", TestConfigs.model(text).trackFiles().get("tf").file());
    }
}
