package org.lvsd.ipvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The numeric values of ip_vs.h and errno, both ways. */
class KernelValuesTest {

    @Test
    void serviceFlagBits() {
        assertEquals(0x3d, ServiceFlag.toBits(Set.of(ServiceFlag.PERSISTENT, ServiceFlag.ONE_PACKET, ServiceFlag.SCHED1,
                ServiceFlag.SCHED2, ServiceFlag.SCHED3)));
        assertEquals(Set.of(ServiceFlag.PERSISTENT, ServiceFlag.HASHED), ServiceFlag.fromBits(0x3 | 0x40));
    }

    @Test
    void forwardingMethodsFromConnectionFlags() {
        assertEquals(ForwardMethod.MASQ, ForwardMethod.ofFlag(0x0100));
        assertEquals(ForwardMethod.LOCAL, ForwardMethod.ofFlag(1));
        assertEquals(ForwardMethod.TUNNEL, ForwardMethod.ofFlag(2));
        assertEquals(ForwardMethod.ROUTE, ForwardMethod.ofFlag(0x0080 | 3));
        assertThrows(IllegalArgumentException.class, () -> ForwardMethod.ofFlag(4));
    }

    @Test
    void tunnelValues() {
        assertEquals(TunnelType.GRE, TunnelType.of(2));
        assertEquals(TunnelChecksum.REMCSUM, TunnelChecksum.of(2));
        assertThrows(IllegalArgumentException.class, () -> TunnelType.of(3));
        assertThrows(IllegalArgumentException.class, () -> TunnelChecksum.of(3));
    }

    @Test
    void errnoNumbers() {
        assertEquals(Optional.of(Errno.ESRCH), Errno.of(3));
        assertEquals(Optional.of(Errno.EEXIST), Errno.of(17));
        assertEquals(Optional.empty(), Errno.of(4));
    }
}
