package org.lvsd.conf.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link KeepalivedConfig} from the parsed statement tree. Never throws: problems
 * become diagnostics, and the model is returned only when none of them is an error.
 * {@code global_defs} is read first wherever it appears, since its values are defaults for
 * the rest.
 */
public final class ModelBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(ModelBuilder.class);

    private final Diags d = new Diags();
    private final List<Stmt> globals = new ArrayList<>();
    private final List<Stmt> others = new ArrayList<>();

    private ModelBuilder() {
    }

    /** Builds the model from the root node of the tree contract. */
    public static BuildResult build(ImmutableNode root) {
        ModelBuilder b = new ModelBuilder();
        Optional<KeepalivedConfig> config;
        try {
            config = b.run(root);
        } catch (RuntimeException e) {
            LOG.error("internal error while building the configuration model", e);
            b.d.error(new Where("(model)", 0), "internal error while building the model: " + e);
            config = Optional.empty();
        }
        BuildResult r = new BuildResult(b.d.hasErrors() ? Optional.empty() : config, b.d.list());
        LOG.debug("configuration model built: {} diagnostics, usable={}", r.diagnostics().size(),
                r.config().isPresent());
        return r;
    }

    private Optional<KeepalivedConfig> run(ImmutableNode root) {
        BlockWalker.walk(Block.ROOT, root.getChildren(), d, s -> {
            if (!s.block()) {
                d.error(s.where(), "'" + s.keyword() + "' expects a { block }");
            } else if (s.keyword().equals("global_defs")) {
                globals.add(s);
            } else {
                others.add(s);
            }
        });
        GlobalDefsReader gr = new GlobalDefsReader(d);
        globals.forEach(gr::read);
        GlobalDefs global = gr.result();
        Map<String, VrrpScript> scripts = new LinkedHashMap<>();
        Map<String, TrackFile> trackFiles = new LinkedHashMap<>();
        Map<String, SyncGroup> groups = new LinkedHashMap<>();
        Map<String, VrrpInstance> instances = new LinkedHashMap<>();
        Map<String, VirtualServerGroup> vsGroups = new LinkedHashMap<>();
        List<VirtualServer> servers = new ArrayList<>();
        Map<String, Where> seen = new LinkedHashMap<>();
        for (Stmt s : others) {
            switch (s.keyword()) {
                case "vrrp_script" -> named(s, seen, scripts, x -> ScriptReader.vrrpScript(x, d));
                case "track_file", "vrrp_track_file" -> named(s, seen, trackFiles, x -> ScriptReader.trackFile(x, d));
                case "vrrp_sync_group" -> named(s, seen, groups, x -> SyncGroupReader.read(x, d));
                case "vrrp_instance" -> named(s, seen, instances,
                        x -> InstanceResolver.resolve(VrrpInstanceReader.read(x, d), global, d));
                case "virtual_server_group" -> named(s, seen, vsGroups,
                        x -> Optional.of(VirtualServerGroupReader.read(x, d)));
                default -> VirtualServerReader.read(s, global, d).ifPresent(v -> {
                    Where first = seen.putIfAbsent("virtual_server " + serviceKey(v), v.where());
                    if (first == null) {
                        servers.add(v);
                    } else {
                        d.warning(v.where(), s.text() + " is already defined at " + first + ", ignored");
                    }
                });
            }
        }
        KeepalivedConfig c = new KeepalivedConfig(global, scripts, trackFiles, groups, instances, vsGroups, servers);
        new CrossChecks(c, seen.keySet(), d).run();
        return Optional.of(c);
    }

    /** What identifies an IPVS service: its address (or mark or group) and protocol. */
    private static String serviceKey(VirtualServer v) {
        String addr;
        if (v.address() instanceof VsAddress.IpPort ip) {
            addr = IpAddresses.format(ip.address()) + " " + ip.port();
        } else if (v.address() instanceof VsAddress.Fwmark f) {
            addr = "fwmark " + f.mark();
        } else {
            addr = "group " + ((VsAddress.Group) v.address()).name();
        }
        return addr + v.protocol().map(p -> " " + p).orElse("");
    }

    /** Reads a named block, reporting a second definition of the same kind and name. */
    private <T> void named(Stmt s, Map<String, Where> seen, Map<String, T> into, Function<Stmt, Optional<T>> reader) {
        String kind = s.keyword().equals("vrrp_track_file") ? "track_file" : s.keyword();
        String key = kind + " " + s.arg(0);
        Where first = seen.putIfAbsent(key, s.where());
        if (first != null) {
            d.error(s.where(), kind + " '" + s.arg(0) + "' is already defined at " + first);
            return;
        }
        if (s.keyword().equals("vrrp_track_file")) {
            d.warning(s.where(), "vrrp_track_file is deprecated, use track_file");
        }
        reader.apply(s).ifPresent(v -> into.put(s.arg(0), v));
    }
}
