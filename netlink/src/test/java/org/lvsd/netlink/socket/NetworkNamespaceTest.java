package org.lvsd.netlink.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lvsd.netlink.Errno;
import org.lvsd.netlink.NetlinkException;

class NetworkNamespaceTest {

    @Test
    void missingNamespaceFileFailsWithEnoentBeforeRunningAction() {
        Path missing = Path.of("/run/netns/lvsdtest-nl-does-not-exist");
        NetlinkException e = assertThrows(NetlinkException.class,
                () -> NetworkNamespace.call(missing, () -> {
                    throw new AssertionError("action must not run");
                }));
        assertTrue(e.is(Errno.ENOENT));
        assertEquals("open " + missing + ": ENOENT (No such file or directory)", e.getMessage());
    }

    @Test
    void actionFailureIsRethrownToCaller() {
        // /proc/self/ns/net of this process is a valid namespace file; joining it changes nothing
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NetworkNamespace.call(Path.of("/proc/self/ns/net"), () -> {
                    throw new IllegalStateException("boom");
                }));
        assertEquals("boom", e.getMessage());
    }
}
