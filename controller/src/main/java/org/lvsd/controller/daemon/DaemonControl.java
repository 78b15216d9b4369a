package org.lvsd.controller.daemon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.lvsd.conf.model.KeepalivedConfig;
import org.lvsd.controller.control.ControlException;
import org.lvsd.controller.control.ControlHandler;
import org.lvsd.controller.control.IpvsTable;
import org.lvsd.controller.control.StatusReport;
import org.lvsd.controller.lvs.LvsStack;
import org.lvsd.controller.mapping.MappedVirtualServer;
import org.lvsd.controller.reconcile.ConfigDiff;
import org.lvsd.controller.reconcile.Drain;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.ipvs.AddressText;
import org.lvsd.ipvs.ConnectionEntry;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.ipvs.IpvsInfo;
import org.lvsd.ipvs.TableChange;
import org.lvsd.ipvs.format.IpvsadmCommand;

/**
 * The control socket's requests against the running daemon: the table and connections from the
 * driver, status from the VRRP instances and the health checks, drains kept by the LVS runtime
 * (so they survive reloads), reload through the {@link Reloader}, flush straight on the driver
 * (the periodic reconcile repairs it), and the diff a reload of another file would make.
 */
final class DaemonControl implements ControlHandler {

    private final VrrpSide vrrp;
    private final LvsHalf lvs;
    private final Reloader reloader;

    DaemonControl(VrrpSide vrrp, LvsHalf lvs, Reloader reloader) {
        this.vrrp = vrrp;
        this.lvs = lvs;
        this.reloader = reloader;
    }

    @Override
    public IpvsTable table() throws ControlException {
        Optional<LvsStack> s = lvs.stack();
        if (s.isEmpty()) {
            return new IpvsTable(IpvsInfo.KERNEL_DEFAULT, List.of());
        }
        try {
            return new IpvsTable(s.get().driver().info(), s.get().driver().list());
        } catch (IpvsException e) {
            throw new ControlException("listing the IPVS table failed: " + e.getMessage());
        }
    }

    @Override
    public List<ConnectionEntry> connections() throws ControlException {
        Optional<LvsStack> s = lvs.stack();
        if (s.isEmpty()) {
            return List.of();
        }
        try {
            return s.get().driver().connections();
        } catch (IpvsException e) {
            throw new ControlException("listing connections failed: " + e.getMessage());
        }
    }

    @Override
    public StatusReport status() {
        Optional<LvsStack> s = lvs.stack();
        List<Drain> drains = new ArrayList<>(s.map(x -> x.runtime().drains()).orElse(java.util.Set.of()));
        drains.sort(Comparator.comparing((Drain d) -> d.virtualServer().orElse(""))
                .thenComparing(d -> AddressText.withPort(d.server().address(), d.server().port())));
        return new StatusReport(vrrp.status(), s.map(x -> x.runtime().status()).orElse(List.of()), drains);
    }

    @Override
    public String drain(String virtualServer, RealServerId server) throws ControlException {
        LvsStack s = realServerIn(virtualServer, server);
        s.runtime().drain(Drain.in(virtualServer, server));
        return "drained " + text(server) + " in " + virtualServer + ": weight 0, kept across reloads until enabled";
    }

    @Override
    public String enable(String virtualServer, RealServerId server) throws ControlException {
        LvsStack s = realServerIn(virtualServer, server);
        Drain d = Drain.in(virtualServer, server);
        if (!s.runtime().drains().contains(d)) {
            return text(server) + " in " + virtualServer + " was not drained";
        }
        s.runtime().enable(d);
        return "enabled " + text(server) + " in " + virtualServer;
    }

    private LvsStack realServerIn(String virtualServer, RealServerId server) throws ControlException {
        LvsStack s = lvs.stack().orElseThrow(() -> new ControlException("no virtual_server is configured"));
        List<MappedVirtualServer> all = s.runtime().config().virtualServers();
        MappedVirtualServer vs = all.stream().filter(v -> v.id().equals(virtualServer)).findFirst()
                .orElseThrow(() -> new ControlException("no virtual server '" + virtualServer + "'; configured: "
                        + String.join(", ", all.stream().map(MappedVirtualServer::id).toList())));
        if (!vs.destinations().containsKey(server)) {
            throw new ControlException("no real server " + text(server) + " in " + virtualServer);
        }
        return s;
    }

    @Override
    public String reload() throws ControlException {
        Reloader.Result r = reloader.reload();
        if (!r.ok()) {
            throw new ControlException(r.message());
        }
        return r.message();
    }

    @Override
    public String flush() throws ControlException {
        LvsStack s = lvs.stack().orElseThrow(() -> new ControlException("no virtual_server is configured"));
        try {
            s.driver().flush();
        } catch (IpvsException e) {
            throw new ControlException("flush failed: " + e.getMessage());
        }
        java.time.Duration every = reloader.running().config().orElseThrow().global().lvsd().reconcileInterval();
        return "flushed the IPVS table; lvsd's services return at its next reconcile (lvs_reconcile_interval "
                + java.math.BigDecimal.valueOf(every.toMillis(), 3).stripTrailingZeros().toPlainString() + " s)";
    }

    @Override
    public String diff(Path configFile) throws ControlException {
        LoadedConfig next = LoadedConfig.load(configFile, reloader.parseOptions());
        if (next.hasErrors()) {
            throw new ControlException(configFile + ": " + next.errors().size() + " error(s)"
                    + (next.errors().isEmpty() ? "" : ", first: " + next.errors().get(0)));
        }
        KeepalivedConfig cfg = next.config().orElseThrow();
        ReloadPlan plan;
        try {
            plan = vrrp.plan(cfg);
        } catch (StartupException e) {
            throw new ControlException(e.getMessage());
        }
        LoadedConfig running = reloader.running();
        List<String> out = new ArrayList<>(plan.lines());
        List<TableChange> changes = ConfigDiff.between(running.mapped(), next.mapped());
        if (changes.isEmpty()) {
            out.add("virtual servers: no change");
        } else {
            out.add("virtual servers (ipvsadm commands on the configured table):");
            changes.forEach(c -> out.add("  " + IpvsadmCommand.of(c)));
        }
        Reloader.restartOnly(running.config().orElseThrow().global(), cfg.global())
                .forEach(s -> out.add(s + " changed: takes effect when lvsd restarts"));
        return String.join("\n", out) + "\n";
    }

    private static String text(RealServerId server) {
        return AddressText.withPort(server.address(), server.port());
    }
}
