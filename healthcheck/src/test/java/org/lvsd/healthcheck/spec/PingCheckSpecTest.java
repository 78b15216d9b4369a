package org.lvsd.healthcheck.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PingCheckSpecTest {

    @Test
    void kindIsKeepalivedsBlockNameAndEqualSpecsSurviveReload() {
        CheckTiming timing = CheckTiming.keepalivedDefaults();
        PingCheckSpec a = new PingCheckSpec(timing, ConnectOptions.none());
        assertEquals("PING_CHECK", a.kind());
        assertEquals(a, new PingCheckSpec(timing, ConnectOptions.none()));
    }

    @Test
    void bindtoIsRefusedBecauseTheSocketIsShared() {
        ConnectOptions bound = new ConnectOptions(Optional.empty(), OptionalInt.empty(),
                Optional.of(InetAddress.getLoopbackAddress()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PingCheckSpec(CheckTiming.keepalivedDefaults(), bound));
        assertEquals("PING_CHECK does not support bindto", e.getMessage());
    }
}
