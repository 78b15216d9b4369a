package org.lvsd.controller.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lvsd.conf.model.HostPort;
import org.lvsd.ipvs.Errno;
import org.lvsd.ipvs.IpvsException;

class MetricsServerTest {

    private final FakeSources sources = new FakeSources();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private MetricsServer server;

    @BeforeEach
    void start() throws IOException {
        server = MetricsServer.start(new HostPort("127.0.0.1", 0), sources.metrics());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + path);
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Exposition scrape() throws IOException, InterruptedException {
        HttpResponse<String> r = get("/metrics");
        assertEquals(200, r.statusCode());
        assertEquals(MetricsServer.CONTENT_TYPE, r.headers().firstValue("Content-Type").orElseThrow());
        return Exposition.parse(r.body());
    }

    private static Map<String, Double> series(Object... keyValue) {
        Map<String, Double> out = new TreeMap<>();
        for (int i = 0; i < keyValue.length; i += 2) {
            out.put((String) keyValue[i], ((Number) keyValue[i + 1]).doubleValue());
        }
        return out;
    }

    @Test
    void exposesExactlyTheDocumentedFamiliesWithTheirTypes() throws Exception {
        Map<String, String> lvsd = new TreeMap<>();
        scrape().types().forEach((name, type) -> {
            if (name.startsWith("lvsd_")) {
                lvsd.put(name, type);
            }
        });
        assertEquals(MetricNames.ALL, lvsd);
    }

    @Test
    void vrrpStateUsesTheKeepalivedExporterEncodingAndNoStateLabel() throws Exception {
        Exposition e = scrape();
        String vi1 = "{iname=\"VI_1\",interface=\"eth0\",vrid=\"51\"}";
        String vi2 = "{iname=\"VI_2\",interface=\"eth1\",vrid=\"52\"}";
        assertEquals(series("lvsd_vrrp_state" + vi1, 2, "lvsd_vrrp_state" + vi2, 3), e.family("lvsd_vrrp_state"));
        assertEquals(series("lvsd_vrrp_effective_priority" + vi1, 150, "lvsd_vrrp_effective_priority" + vi2, 0),
                e.family("lvsd_vrrp_effective_priority"));
        assertEquals(series("lvsd_vrrp_last_transition_timestamp_seconds" + vi1, 1.7952480005E9),
                e.family("lvsd_vrrp_last_transition_timestamp_seconds"));
        assertEquals(40.0, e.samples().get("lvsd_vrrp_advertisements_received_total" + vi1));
        assertEquals(1200.0, e.samples().get("lvsd_vrrp_advertisements_sent_total" + vi1));
        assertEquals(2.0, e.samples().get("lvsd_vrrp_become_master_total" + vi1));
        assertEquals(1.0, e.samples().get("lvsd_vrrp_release_master_total" + vi1));
        assertEquals(1.0, e.samples().get("lvsd_vrrp_priority_zero_received_total" + vi1));
        assertEquals(3.0, e.samples().get("lvsd_vrrp_priority_zero_sent_total" + vi1));
        assertEquals(5.0, e.samples().get("lvsd_vrrp_gratuitous_arp_sent_total" + vi1));
        assertEquals(7.0, e.samples().get("lvsd_vrrp_address_list_errors_total" + vi1));
        assertEquals(3.0, e.samples().get("lvsd_vrrp_packet_length_errors_total" + vi1));
        assertEquals(4.0, e.samples().get("lvsd_vrrp_authentication_failure_total" + vi1));
        assertEquals(0.0, e.samples().get("lvsd_vrrp_authentication_invalid_total" + vi1));
        assertEquals(1.0, e.samples().get("lvsd_vrrp_advertisements_rejected_total"
                + "{iname=\"VI_1\",interface=\"eth0\",reason=\"truncated\",vrid=\"51\"}"));
        assertEquals(32, e.family("lvsd_vrrp_advertisements_rejected_total").size());
        e.samples().keySet().stream().filter(k -> k.startsWith("lvsd_"))
                .forEach(k -> assertFalse(k.contains("state="), k));
    }

    @Test
    void realServersPoolsAndChecksCarryTheirLabels() throws Exception {
        Exposition e = scrape();
        String rs1 = "{protocol=\"tcp\",real_server=\"198.51.100.21:80\",virtual_server=\"198.51.100.100:80\"}";
        String rs2 = "{protocol=\"tcp\",real_server=\"198.51.100.22:80\",virtual_server=\"198.51.100.100:80\"}";
        assertEquals(series("lvsd_real_server_up" + rs1, 1, "lvsd_real_server_up" + rs2, 0),
                e.family("lvsd_real_server_up"));
        assertEquals(series("lvsd_real_server_weight" + rs1, 3, "lvsd_real_server_weight" + rs2, 0),
                e.family("lvsd_real_server_weight"));
        assertEquals(series("lvsd_real_server_configured_weight" + rs1, 3, "lvsd_real_server_configured_weight" + rs2,
                2), e.family("lvsd_real_server_configured_weight"));
        assertEquals(series("lvsd_real_server_up_down_total" + rs1, 1, "lvsd_real_server_up_down_total" + rs2, 0),
                e.family("lvsd_real_server_up_down_total"));
        assertEquals(series("lvsd_real_server_last_change_timestamp_seconds" + rs1, 1.79524794E9),
                e.family("lvsd_real_server_last_change_timestamp_seconds"));
        assertEquals(series("lvsd_healthcheck_duration_seconds{check=\"http\",protocol=\"tcp\","
                        + "real_server=\"198.51.100.21:80\",virtual_server=\"198.51.100.100:80\"}", 0.012),
                e.family("lvsd_healthcheck_duration_seconds"));
        assertEquals(series(
                "lvsd_healthcheck_failures_total{check=\"http\",protocol=\"tcp\",real_server=\"198.51.100.21:80\","
                        + "reason=\"status\",virtual_server=\"198.51.100.100:80\"}", 2,
                "lvsd_healthcheck_failures_total{check=\"tcp\",protocol=\"tcp\",real_server=\"198.51.100.22:80\","
                        + "reason=\"refused\",virtual_server=\"198.51.100.100:80\"}", 5,
                "lvsd_healthcheck_failures_total{check=\"tcp\",protocol=\"tcp\",real_server=\"198.51.100.22:80\","
                        + "reason=\"timeout\",virtual_server=\"198.51.100.100:80\"}", 1),
                e.family("lvsd_healthcheck_failures_total"));
        String vs = "{protocol=\"tcp\",virtual_server=\"198.51.100.100:80\"}";
        assertEquals(series("lvsd_virtual_server_alive_real_servers" + vs, 1),
                e.family("lvsd_virtual_server_alive_real_servers"));
        assertEquals(series("lvsd_virtual_server_quorum_up" + vs, 1), e.family("lvsd_virtual_server_quorum_up"));
    }

    @Test
    void ipvsBackendsUseNodeExporterLabels() throws Exception {
        Exposition e = scrape();
        String web = "{local_address=\"198.51.100.100\",local_mark=\"\",local_port=\"80\",proto=\"TCP\","
                + "remote_address=\"198.51.100.21\",remote_port=\"80\"}";
        String fwm = "{local_address=\"\",local_mark=\"5\",local_port=\"0\",proto=\"FWM\","
                + "remote_address=\"198.51.100.22\",remote_port=\"0\"}";
        assertEquals(series("lvsd_ipvs_backend_connections_active" + web, 4,
                "lvsd_ipvs_backend_connections_active" + fwm, 0), e.family("lvsd_ipvs_backend_connections_active"));
        assertEquals(series("lvsd_ipvs_backend_connections_inactive" + web, 9,
                "lvsd_ipvs_backend_connections_inactive" + fwm, 1), e.family("lvsd_ipvs_backend_connections_inactive"));
        assertEquals(series("lvsd_ipvs_backend_weight" + web, 3, "lvsd_ipvs_backend_weight" + fwm, 1),
                e.family("lvsd_ipvs_backend_weight"));
        assertEquals(series("lvsd_ipvs_backend_connections_total" + web, 100,
                "lvsd_ipvs_backend_connections_total" + fwm, 7), e.family("lvsd_ipvs_backend_connections_total"));
        assertEquals(2000.0, e.samples().get("lvsd_ipvs_backend_incoming_packets_total" + web));
        assertEquals(9.0, e.samples().get("lvsd_ipvs_backend_outgoing_packets_total" + fwm));
        assertEquals(300000.0, e.samples().get("lvsd_ipvs_backend_incoming_bytes_total" + web));
        assertEquals(11.0, e.samples().get("lvsd_ipvs_backend_outgoing_bytes_total" + fwm));
    }

    @Test
    void reconcileAndReloadCounters() throws Exception {
        Exposition e = scrape();
        assertEquals(12.0, e.samples().get("lvsd_ipvs_reconcile_changes_total"));
        assertEquals(2.0, e.samples().get("lvsd_ipvs_reconcile_drift_total"));
        assertEquals(1.0, e.samples().get("lvsd_ipvs_reconcile_failures_total"));
        assertEquals(0.25, e.samples().get("lvsd_ipvs_reconcile_last_duration_seconds"));
        assertEquals(series("lvsd_reloads_total{result=\"failure\"}", 1, "lvsd_reloads_total{result=\"success\"}", 3),
                e.family("lvsd_reloads_total"));
    }

    @Test
    void seriesFollowTheSnapshotsAcrossScrapes() throws Exception {
        scrape();
        sources.instances = List.of(sources.instances.get(1));
        sources.pools = List.of();
        sources.reloads = new ReloadCounts(4, 1);
        Exposition e = scrape();
        assertEquals(series("lvsd_vrrp_state{iname=\"VI_2\",interface=\"eth1\",vrid=\"52\"}", 3),
                e.family("lvsd_vrrp_state"));
        assertEquals(Map.of(), e.family("lvsd_vrrp_last_transition_timestamp_seconds"));
        assertEquals(Map.of(), e.family("lvsd_real_server_up"));
        assertEquals(4.0, e.samples().get("lvsd_reloads_total{result=\"success\"}"));
    }

    @Test
    void failingIpvsListingKeepsThePreviousValuesAndTheRest() throws Exception {
        AtomicBoolean broken = new AtomicBoolean();
        LvsdMetrics metrics = new LvsdMetrics(() -> sources.instances, () -> sources.pools, () -> {
            if (broken.get()) {
                throw new IpvsException(Errno.EPERM, "list");
            }
            return sources.services;
        }, sources);
        metrics.scrape();
        broken.set(true);
        sources.instances = List.of(sources.instances.get(1));
        Exposition e = Exposition.parse(metrics.scrape());
        assertEquals(3.0, e.samples().get("lvsd_ipvs_backend_weight{local_address=\"198.51.100.100\",local_mark=\"\","
                + "local_port=\"80\",proto=\"TCP\",remote_address=\"198.51.100.21\",remote_port=\"80\"}"));
        assertEquals(series("lvsd_vrrp_state{iname=\"VI_2\",interface=\"eth1\",vrid=\"52\"}", 3),
                e.family("lvsd_vrrp_state"));
    }

    @Test
    void otherPathsAre404AndOtherMethods405() throws Exception {
        HttpResponse<String> r = get("/");
        assertEquals(404, r.statusCode());
        assertEquals("not found; metrics are at /metrics\n", r.body());
        assertEquals(404, get("/metrics/x").statusCode());
        URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + "/metrics");
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElseThrow());
        assertTrue(get("/metrics?x=1").body().contains("lvsd_vrrp_state"));
    }
}
