package org.lvsd.controller.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * packaging/grafana/lvsd.json and packaging/prometheus/lvsd-alerts.yml reference only series the
 * registry exposes, aggregate and label only by labels those series carry (plus Prometheus's own
 * {@code instance}), and the alert file has the expected rules, each with an expression.
 */
class PackagedDashboardAndAlertsTest {

    private static final Path DASHBOARD = Path.of("../packaging/grafana/lvsd.json");
    private static final Path ALERTS = Path.of("../packaging/prometheus/lvsd-alerts.yml");
    private static final Pattern METRIC = Pattern.compile("\\blvsd_[a-z_]+\\b");
    private static final Pattern BY = Pattern.compile("\\bby \\(([^)]*)\\)");
    private static final Pattern LEGEND = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");
    private static final Pattern LABEL_KEY = Pattern.compile("[{,]([a-z_]+)=\"");

    /** Label names per exposed metric name, from one scrape with the fake sources. */
    private final Map<String, Set<String>> exposed = exposedLabels();

    private static Map<String, Set<String>> exposedLabels() {
        Map<String, Set<String>> out = new HashMap<>();
        Exposition.parse(new FakeSources().metrics().scrape()).samples().keySet().forEach(series -> {
            int brace = series.indexOf('{');
            String name = brace < 0 ? series : series.substring(0, brace);
            Set<String> labels = out.computeIfAbsent(name, n -> new HashSet<>(Set.of("instance")));
            Matcher m = LABEL_KEY.matcher(series);
            while (m.find()) {
                labels.add(m.group(1));
            }
        });
        return out;
    }

    /** Checks one PromQL expression (and its legend) against the exposition; returns its metrics. */
    private Set<String> check(String where, String expr, String legend) {
        Set<String> metrics = new TreeSet<>();
        Matcher m = METRIC.matcher(expr);
        while (m.find()) {
            metrics.add(m.group());
        }
        assertFalse(metrics.isEmpty(), where + ": no lvsd metric in " + expr);
        Set<String> labels = new HashSet<>();
        for (String metric : metrics) {
            assertTrue(exposed.containsKey(metric), where + ": " + metric + " is not exposed");
            labels.addAll(exposed.get(metric));
        }
        List<String> used = new ArrayList<>();
        Matcher by = BY.matcher(expr);
        while (by.find()) {
            for (String l : by.group(1).split(",")) {
                used.add(l.strip());
            }
        }
        Matcher lf = LEGEND.matcher(legend);
        while (lf.find()) {
            used.add(lf.group(1));
        }
        for (String l : used) {
            assertTrue(labels.contains(l), where + ": label " + l + " is not on " + metrics);
        }
        return metrics;
    }

    @Test
    void dashboardQueriesUseExposedMetricsAndLabels() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        assertEquals("lvsd-directors", dashboard.get("uid").asText());
        Set<String> used = new TreeSet<>();
        int panels = 0;
        for (JsonNode panel : dashboard.get("panels")) {
            if (panel.get("type").asText().equals("row")) {
                continue;
            }
            panels++;
            String title = panel.get("title").asText();
            assertTrue(panel.get("targets").size() > 0, title + " has no query");
            for (JsonNode target : panel.get("targets")) {
                used.addAll(check(title, target.get("expr").asText(), target.get("legendFormat").asText()));
            }
        }
        assertEquals(16, panels);
        check("templating", dashboard.at("/templating/list/1/definition").asText(), "");
        assertTrue(used.containsAll(Set.of("lvsd_vrrp_state", "lvsd_vrrp_become_master_total",
                "lvsd_real_server_up", "lvsd_real_server_weight", "lvsd_healthcheck_duration_seconds",
                "lvsd_healthcheck_failures_total", "lvsd_ipvs_backend_connections_active",
                "lvsd_ipvs_backend_incoming_bytes_total", "lvsd_ipvs_reconcile_drift_total")), used.toString());
    }

    @Test
    void alertRulesUseExposedMetricsAndLabels() throws IOException {
        List<String> lines = Files.readAllLines(ALERTS);
        assertTrue(lines.contains("groups:"), "no top-level groups:");
        List<String> alerts = new ArrayList<>();
        Map<String, String> exprs = new HashMap<>();
        String current = null;
        for (String line : lines) {
            assertFalse(line.contains("\t"), "tab in YAML: " + line);
            String t = line.strip();
            if (t.startsWith("- alert: ")) {
                current = t.substring("- alert: ".length());
                alerts.add(current);
            } else if (t.startsWith("expr: ")) {
                assertFalse(exprs.containsKey(current), current + " has two expressions");
                exprs.put(current, t.substring("expr: ".length()));
            }
        }
        assertEquals(List.of("LvsdVrrpTwoMasters", "LvsdVrrpNoMaster", "LvsdRealServerDown", "LvsdQuorumLost",
                "LvsdReconcileFailing", "LvsdReloadFailed"), alerts);
        assertEquals(Set.copyOf(alerts), exprs.keySet());
        exprs.forEach((alert, expr) -> check(alert, expr, ""));
        assertEquals("count by (iname, vrid) (lvsd_vrrp_state == 2) > 1", exprs.get("LvsdVrrpTwoMasters"));
        assertEquals("max by (iname, vrid) (lvsd_vrrp_state == bool 2) == 0", exprs.get("LvsdVrrpNoMaster"));
    }
}
