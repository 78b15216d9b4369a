package org.lvsd.controller.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;

class JournalPriorityConverterTest {

    @Test
    void levelsMapToSyslogPriorities() {
        assertEquals("<3>", JournalPriorityConverter.prefix(Level.ERROR));
        assertEquals("<4>", JournalPriorityConverter.prefix(Level.WARN));
        assertEquals("<6>", JournalPriorityConverter.prefix(Level.INFO));
        assertEquals("<7>", JournalPriorityConverter.prefix(Level.DEBUG));
        assertEquals("<7>", JournalPriorityConverter.prefix(Level.TRACE));
    }
}
