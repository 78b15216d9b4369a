package org.lvsd.controller.lvs;

import java.nio.file.Path;
import java.time.Duration;

import org.lvsd.conf.ConfigLoader;
import org.lvsd.conf.ConfigLoader.LoadResult;
import org.lvsd.conf.model.KeepalivedConfig;
import org.lvsd.conf.syntax.ParseOptions;
import org.lvsd.controller.logging.LogSetup;
import org.lvsd.controller.mapping.ConfigMapper;
import org.lvsd.controller.mapping.MappedConfig;
import org.lvsd.healthcheck.check.NettyCheckerFactory;
import org.lvsd.ipvs.IpvsDriver;

/**
 * The daemon's LVS half wired as {@code Daemon} wires it (configuration loaded and mapped, the
 * driver {@code lvs_driver} selects, {@link LvsStack} with its Netty checkers), but with the
 * periodic reconcile every {@code INTERVAL} instead of {@code PeriodicReconcile.DEFAULT_INTERVAL}
 * (no configuration keyword sets it yet), so {@link KernelDriftIT} sees drift repaired in seconds.
 * Logs to the console as {@code lvsd -l} does; stops (the stack's stop policy) when its standard
 * input ends.
 *
 * <p>Usage: {@code ShortReconcileLvs CONF INTERVAL} (ISO-8601 duration, e.g. PT2S).
 */
final class ShortReconcileLvs {

    private ShortReconcileLvs() {
    }

    public static void main(String[] args) throws Exception {
        LogSetup.configure(false, false);
        LoadResult loaded = ConfigLoader.load(Path.of(args[0]), ParseOptions.defaults());
        if (loaded.hasErrors() || loaded.config().isEmpty()) {
            System.err.println("ShortReconcileLvs: " + loaded.diagnostics());
            System.exit(1);
        }
        KeepalivedConfig config = loaded.config().get();
        MappedConfig mapped = ConfigMapper.map(config);
        IpvsDriver driver = DriverSelector.system().open(config.global().lvsd().driver());
        try (LvsStack stack = LvsStack.create(config.global(), driver, false, Duration.parse(args[1]),
                NettyCheckerFactory::new)) {
            stack.apply(mapped);
            System.err.println("ShortReconcileLvs: started, periodic reconcile every " + args[1]);
            while (System.in.read() >= 0) {
                // runs until the test closes our standard input
            }
        }
        System.exit(0);
    }
}
