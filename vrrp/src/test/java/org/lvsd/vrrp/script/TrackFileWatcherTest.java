package org.lvsd.vrrp.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsd.vrrp.time.ManualScheduler;
import org.lvsd.vrrp.track.TrackerStatus;

class TrackFileWatcherTest {

    @TempDir
    Path dir;

    private final ManualScheduler clock = new ManualScheduler();
    private final List<String> seen = new ArrayList<>();

    @Test
    void reportsTheValueAtStartAndOnEachChangeOnly() throws Exception {
        Path f = dir.resolve("weight");
        Files.writeString(f, " 7\n");
        TrackFileWatcher w = new TrackFileWatcher(clock, Duration.ofSeconds(1), List.of(TrackFileSpec.of("tf", f)),
                (name, s) -> seen.add(name + " " + s));

        w.start();
        assertEquals(List.of("tf " + TrackerStatus.value(7)), seen);
        clock.advance(Duration.ofSeconds(3));
        assertEquals(1, seen.size());

        Files.writeString(f, "-3");
        clock.advance(Duration.ofMillis(999));
        assertEquals(1, seen.size());
        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of("tf value 7", "tf value -3"), seen);

        Files.writeString(f, "garbage");
        clock.advance(Duration.ofSeconds(1));
        Files.delete(f);
        clock.advance(Duration.ofSeconds(1));
        Files.writeString(f, "0");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of("tf value 7", "tf value -3", "tf value 0"), seen);

        w.close();
        Files.writeString(f, "5");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(3, seen.size());
        assertEquals(0, clock.pending());
    }

    @Test
    void initFileWritesItsValueOnlyWhenMissingUnlessOverwrite() throws Exception {
        Path missing = dir.resolve("a");
        Path present = dir.resolve("b");
        Path forced = dir.resolve("c");
        Files.writeString(present, "4");
        Files.writeString(forced, "4");
        TrackFileWatcher w = new TrackFileWatcher(clock, Duration.ofSeconds(1), List.of(
                new TrackFileSpec("a", missing, OptionalLong.of(2), false),
                new TrackFileSpec("b", present, OptionalLong.of(2), false),
                new TrackFileSpec("c", forced, OptionalLong.of(9), true)),
                (name, s) -> seen.add(name + " " + s));

        w.start();

        assertEquals(List.of("a value 2", "b value 4", "c value 9"), seen);
        assertEquals("2\n", Files.readString(missing));
        w.close();
    }

    @Test
    void overwriteWithoutInitFileIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new TrackFileSpec("x", dir.resolve("x"), OptionalLong.empty(), true));
    }
}
