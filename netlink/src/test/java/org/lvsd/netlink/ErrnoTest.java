package org.lvsd.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErrnoTest {

    @Test
    void describesWithNameAndMessage() {
        assertEquals("EEXIST (File exists)", Errno.EEXIST.describe());
        assertEquals("ENOENT (No such file or directory)", Errno.describe(2));
        assertEquals("errno 524", Errno.describe(524));
    }

    @Test
    void mapsLinuxNumbers() {
        assertEquals(Optional.of(Errno.EPERM), Errno.fromCode(1));
        assertEquals(Optional.of(Errno.EEXIST), Errno.fromCode(17));
        assertEquals(Optional.of(Errno.EOPNOTSUPP), Errno.fromCode(95));
        assertEquals(Optional.of(Errno.EADDRNOTAVAIL), Errno.fromCode(99));
        assertEquals(Optional.of(Errno.ENOBUFS), Errno.fromCode(105));
        assertEquals(Optional.of(Errno.ETIMEDOUT), Errno.fromCode(110));
        assertEquals(Optional.of(Errno.EHWPOISON), Errno.fromCode(133));
        assertEquals(Optional.empty(), Errno.fromCode(0));
        assertEquals(Optional.empty(), Errno.fromCode(41));
        assertEquals(Optional.empty(), Errno.fromCode(-1));
    }

    @Test
    void codesAreUniqueAndAscending() {
        int last = 0;
        for (Errno e : Errno.values()) {
            assertTrue(e.code() > last, e.name());
            last = e.code();
        }
        assertEquals(131, Errno.values().length);
    }
}
