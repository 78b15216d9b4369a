package org.lvsd.controller.lvs;

import java.time.Clock;

import org.lvsd.conf.model.LvsDriver;
import org.lvsd.ipvs.Errno;
import org.lvsd.ipvs.IpvsDriver;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.ipvs.kernel.KernelIpvsDriver;
import org.lvsd.ipvs.userspace.ForwarderOptions;
import org.lvsd.ipvs.userspace.UserspaceIpvsDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the IPVS driver {@code lvs_driver} asks for: {@code kernel} (generic netlink family
 * "IPVS"), {@code userspace} (lvsd's forwarder), or {@code auto}: the kernel when its IPVS family
 * resolves, the forwarder otherwise.
 */
public final class DriverSelector {

    private static final Logger LOG = LoggerFactory.getLogger(DriverSelector.class);

    /** Opens the kernel's IPVS; a seam so the choice can be tested without a kernel. */
    @FunctionalInterface
    public interface KernelOpener {
        IpvsDriver open() throws IpvsException;
    }

    private final KernelOpener kernel;
    private final Clock clock;

    public DriverSelector(KernelOpener kernel, Clock clock) {
        this.kernel = kernel;
        this.clock = clock;
    }

    /** The selector lvsd runs with: the real kernel driver and the real forwarder. */
    public static DriverSelector system() {
        return new DriverSelector(KernelIpvsDriver::open, Clock.systemUTC());
    }

    /**
     * @throws IpvsException when {@code kernel} is required and the kernel has no IPVS (or the
     *         netlink socket fails)
     */
    public IpvsDriver open(LvsDriver setting) throws IpvsException {
        return switch (setting) {
            case KERNEL -> kernel.open();
            case USERSPACE -> userspace("lvs_driver userspace");
            case AUTO -> auto();
        };
    }

    private IpvsDriver auto() throws IpvsException {
        try {
            IpvsDriver driver = kernel.open();
            LOG.info("IPVS: kernel (lvs_driver auto: the IPVS family resolved)");
            return driver;
        } catch (IpvsException e) {
            if (e.reason() != Errno.ENOENT) {
                throw e;
            }
            return userspace("lvs_driver auto: " + e.getMessage());
        }
    }

    private IpvsDriver userspace(String why) {
        LOG.info("IPVS: userspace forwarder ({})", why);
        return new UserspaceIpvsDriver(clock, ForwarderOptions.DEFAULT);
    }
}
