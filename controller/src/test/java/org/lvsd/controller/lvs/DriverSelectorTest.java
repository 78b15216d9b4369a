package org.lvsd.controller.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.lvsd.conf.model.LvsDriver;
import org.lvsd.ipvs.Errno;
import org.lvsd.ipvs.IpvsDriver;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.ipvs.table.InMemoryIpvsDriver;
import org.lvsd.ipvs.userspace.UserspaceIpvsDriver;

class DriverSelectorTest {

    private final IpvsDriver kernelDriver = new InMemoryIpvsDriver(Clock.systemUTC());
    private final DriverSelector withKernel = new DriverSelector(() -> kernelDriver, Clock.systemUTC());
    private final DriverSelector withoutKernel = new DriverSelector(() -> {
        throw new IpvsException(Errno.ENOENT, "the kernel has no generic netlink family IPVS");
    }, Clock.systemUTC());

    @Test
    void autoPrefersTheKernelWhenItsIpvsFamilyResolves() throws Exception {
        assertSame(kernelDriver, withKernel.open(LvsDriver.AUTO));
    }

    @Test
    void autoFallsBackToTheForwarderWithoutKernelIpvs() throws Exception {
        try (UserspaceIpvsDriver d = assertInstanceOf(UserspaceIpvsDriver.class, withoutKernel.open(LvsDriver.AUTO))) {
            assertEquals(0, d.list().size());
        }
    }

    @Test
    void kernelIsRequiredWhenAskedFor() {
        IpvsException e = assertThrows(IpvsException.class, () -> withoutKernel.open(LvsDriver.KERNEL));
        assertEquals(Errno.ENOENT, e.reason());
    }

    @Test
    void userspaceIsTakenEvenWhenTheKernelHasIpvs() throws Exception {
        try (UserspaceIpvsDriver d = assertInstanceOf(UserspaceIpvsDriver.class, withKernel.open(LvsDriver.USERSPACE))) {
            assertEquals(0, d.list().size());
        }
    }

    @Test
    void otherKernelErrorsAreNotHidden() {
        DriverSelector broken = new DriverSelector(() -> {
            throw new IpvsException(Errno.EPERM, "netlink socket: EPERM");
        }, Clock.systemUTC());
        IpvsException e = assertThrows(IpvsException.class, () -> broken.open(LvsDriver.AUTO));
        assertEquals(Errno.EPERM, e.reason());
    }
}
