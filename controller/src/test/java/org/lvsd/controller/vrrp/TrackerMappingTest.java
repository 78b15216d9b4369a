package org.lvsd.controller.vrrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.controller.vrrp.InstanceMappingTest.load;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lvsd.conf.model.KeepalivedConfig;
import org.lvsd.vrrp.track.TrackerKind;
import org.lvsd.vrrp.track.TrackerSpec;

class TrackerMappingTest {

    private static final String SCRIPTS = """
            vrrp_script chk_a {
                script "/bin/true"
                weight -20
            }
            vrrp_script chk_b {
                script "/bin/true"
                weight 10 reverse
            }
            vrrp_track_file tf {
                file "/tmp/tf"
                weight 3
            }
            """;

    private static final String INSTANCES = """
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 1
                priority 150
                track_interface {
                    eth1 weight -30
                    eth2
                }
                track_script {
                    chk_a
                    chk_b weight -5
                }
                track_file {
                    tf
                }
                virtual_ipaddress {
                    198.51.100.100
                }
            }
            vrrp_instance VI_2 {
                interface eth1
                virtual_router_id 2
                virtual_ipaddress {
                    198.51.100.101
                }
            }
            """;

    @Test
    void instanceInterfaceFirstThenTrackersWithScriptAndReferenceWeights() {
        KeepalivedConfig c = load(SCRIPTS + INSTANCES);
        assertEquals(List.of(
                TrackerSpec.iface("eth0", 0),
                new TrackerSpec("eth1", TrackerKind.INTERFACE, -30, false),
                TrackerSpec.iface("eth2", 0),
                TrackerSpec.script("chk_a", -20, false),
                TrackerSpec.script("chk_b", -5, false),
                TrackerSpec.file("tf", 3, false)), TrackerMapping.trackers(c.instances().get("VI_1"), c));
    }

    @Test
    void syncGroupZeroesWeightsAndAddsItsTrackers() {
        KeepalivedConfig c = load(SCRIPTS + INSTANCES + """
                vrrp_sync_group G {
                    group {
                        VI_1
                        VI_2
                    }
                    track_script {
                        chk_b
                    }
                }
                """);
        assertEquals(List.of(
                TrackerSpec.iface("eth0", 0),
                TrackerSpec.iface("eth1", 0),
                TrackerSpec.iface("eth2", 0),
                TrackerSpec.script("chk_a", 0, false),
                TrackerSpec.script("chk_b", 0, false),
                TrackerSpec.file("tf", 0, false)), TrackerMapping.trackers(c.instances().get("VI_1"), c));
        assertEquals(List.of(TrackerSpec.iface("eth1", 0), TrackerSpec.script("chk_b", 0, true)),
                TrackerMapping.trackers(c.instances().get("VI_2"), c));
    }

    @Test
    void syncGroupTrackingWeightKeepsWeights() {
        KeepalivedConfig c = load(SCRIPTS + INSTANCES + """
                vrrp_sync_group G {
                    group {
                        VI_1
                        VI_2
                    }
                    sync_group_tracking_weight
                }
                """);
        assertEquals(List.of(
                TrackerSpec.iface("eth0", 0),
                new TrackerSpec("eth1", TrackerKind.INTERFACE, -30, false),
                TrackerSpec.iface("eth2", 0),
                TrackerSpec.script("chk_a", -20, false),
                TrackerSpec.script("chk_b", -5, false),
                TrackerSpec.file("tf", 3, false)), TrackerMapping.trackers(c.instances().get("VI_1"), c));
    }
}
