package org.lvsd.conf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValuesTest {

    private static Stmt stmt(String kw, String... args) {
        return new Stmt(kw, List.of(args), new Where("f.conf", 7), List.of(), false);
    }

    @Test
    void timerKeepsMicrosecondsAndAcceptsWholeSeconds() {
        assertEquals(Optional.of(Duration.ofMillis(1500)), Values.parseTimer("1.5"));
        assertEquals(Optional.of(Duration.ofNanos(1000)), Values.parseTimer("0.000001"));
        assertEquals(Optional.of(Duration.ofSeconds(60)), Values.parseTimer("60"));
        assertEquals(Optional.of(Duration.ofMillis(250)), Values.parseTimer(".25"));
    }

    @Test
    void timerRejectsNegativeAndWords() {
        Diags d = new Diags();
        assertEquals(Optional.empty(), Values.timer(stmt("delay_loop", "-1"), 0, d));
        assertEquals(Optional.empty(), Values.timer(stmt("delay_loop", "6s"), 0, d));
        assertEquals(List.of("f.conf:7: delay_loop expects a time in seconds, got '-1'",
                "f.conf:7: delay_loop expects a time in seconds, got '6s'"),
                d.list().stream().map(Object::toString).toList());
    }

    @Test
    void boolAcceptsTheSixSpellingsAndBareKeyword() {
        Diags d = new Diags();
        for (String t : List.of("on", "true", "yes", "YES")) {
            assertEquals(Optional.of(true), Values.bool(stmt("x", t), 0, d));
        }
        for (String f : List.of("off", "false", "no")) {
            assertEquals(Optional.of(false), Values.bool(stmt("x", f), 0, d));
        }
        assertEquals(Optional.of(true), Values.bool(stmt("x"), 0, d));
        assertTrue(d.list().isEmpty());
        assertEquals(Optional.empty(), Values.bool(stmt("alpha", "maybe"), 0, d));
        assertEquals("f.conf:7: alpha expects on|off|true|false|yes|no, got 'maybe'", d.list().get(0).toString());
    }

    @Test
    void integerReportsTypeAndRangeSeparately() {
        Diags d = new Diags();
        assertEquals(Optional.of(51), Values.integer(stmt("virtual_router_id", "51"), 0, 1, 255, d));
        assertEquals(Optional.empty(), Values.integer(stmt("virtual_router_id", "300"), 0, 1, 255, d));
        assertEquals(Optional.empty(), Values.integer(stmt("priority", "high"), 0, 1, 255, d));
        assertEquals(List.of("f.conf:7: virtual_router_id 300 out of range 1..255",
                "f.conf:7: priority expects an integer 1..255, got 'high'"),
                d.list().stream().map(Object::toString).toList());
    }

    @Test
    void portAcceptsZeroTo65535() {
        Diags d = new Diags();
        assertEquals(Optional.of(0), Values.port(stmt("p", "0"), 0, d));
        assertEquals(Optional.of(65535), Values.port(stmt("p", "65535"), 0, d));
        assertEquals(Optional.empty(), Values.port(stmt("connect_port", "65536"), 0, d));
        assertEquals("f.conf:7: connect_port expects a port 0..65535, got '65536'", d.list().get(0).toString());
    }
}
