package org.lvsd.controller.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code vrrp_script} and {@code vrrp_track_file} in a running lvsd pair (v3, 0.1 s adverts):
 * dir1 (150) tracks a file with weight -60 and a weight-0 script. The file at 1 drops dir1 to 90
 * and dir2 (100) takes over; back at 0 dir1 preempts; the script failing puts dir1 in FAULT.
 * dir1 starts in FAULT: a weight-0 script that has not reported yet holds it there until the
 * first success. Its {@code notify} and {@code notify_master} scripts log every transition in
 * order, {@code notify_stop} included after SIGTERM.
 */
class LvsdTrackIT extends LabTest {

    private static final Duration START = Duration.ofSeconds(20);
    private static final Duration CHANGE = Duration.ofSeconds(5);

    @Test
    void trackFileWeightAndFailingScript() throws Exception {
        lab("vdit-track", false, false);
        Path ok = dir.resolve("ok");
        Path file = dir.resolve("tf");
        Files.writeString(ok, "");
        Files.writeString(file, "0\n");
        Path notify = dir.resolve("notify.sh");
        Path notified = dir.resolve("notified");
        Files.writeString(notify, "#!/bin/sh\necho \"$*\" >> " + notified + "\n");
        notify.toFile().setExecutable(true);
        String tracked = String.join("\n",
                "vrrp_script chk {",
                "    script \"/usr/bin/test -f " + ok + "\"",
                "    interval 1",
                "}",
                "track_file tf {",
                "    file \"" + file + "\"",
                "}",
                VrrpConf.instance(3, "0.1", 150, Lab.VIP + "/24").replace("    advert_int 0.1\n",
                        "    advert_int 0.1\n    track_script {\n        chk\n    }\n"
                                + "    notify " + notify + "\n    notify_master \"" + notify + " master-only\"\n"
                                + "    track_file {\n        tf weight -60\n    }\n"));
        Director dir1 = director(Director.Kind.LVSD, "dir1");
        Director dir2 = director(Director.Kind.LVSD, "dir2");
        dir1.start(tracked);
        dir1.awaitEntered(START, "FAULT", "BACKUP", "MASTER");
        dir2.start(VrrpConf.instance(3, "0.1", 100, Lab.VIP + "/24"));
        dir2.current().await(l -> l.contains("lvsd started"), START);
        awaitSoleOwner("dir1", "dir2", Lab.VIP, START);
        dir2.awaitEntered(Duration.ofSeconds(2), "BACKUP");

        Files.writeString(file, "1\n");
        dir2.awaitEntered(CHANGE, "BACKUP", "MASTER");
        dir1.awaitEntered(CHANGE, "FAULT", "BACKUP", "MASTER", "BACKUP");
        awaitSoleOwner("dir2", "dir1", Lab.VIP, CHANGE);

        Files.writeString(file, "0\n");
        dir1.awaitEntered(CHANGE, "FAULT", "BACKUP", "MASTER", "BACKUP", "MASTER");
        dir2.awaitEntered(CHANGE, "BACKUP", "MASTER", "BACKUP");
        awaitSoleOwner("dir1", "dir2", Lab.VIP, CHANGE);

        Files.delete(ok);
        dir1.awaitEntered(CHANGE, "FAULT", "BACKUP", "MASTER", "BACKUP", "MASTER", "FAULT");
        dir2.awaitEntered(CHANGE, "BACKUP", "MASTER", "BACKUP", "MASTER");
        awaitSoleOwner("dir2", "dir1", Lab.VIP, CHANGE);

        dir1.term();
        assertEquals(List.of(
                "INSTANCE VI_1 FAULT 150",
                "INSTANCE VI_1 BACKUP 150",
                "master-only",
                "INSTANCE VI_1 MASTER 150",
                "INSTANCE VI_1 BACKUP 90",
                "master-only",
                "INSTANCE VI_1 MASTER 150",
                "INSTANCE VI_1 FAULT 150",
                "INSTANCE VI_1 STOP 150"), Files.readAllLines(notified), dir1.dump());
    }
}
