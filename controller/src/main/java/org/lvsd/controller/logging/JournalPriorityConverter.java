package org.lvsd.controller.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Renders a log level as the syslog priority prefix journald understands on a stream:
 * {@code <3>} error, {@code <4>} warning, {@code <6>} info, {@code <7>} debug and trace
 * (syslog(3) levels; sd-daemon(3) "SD_ERR" and friends).
 */
public final class JournalPriorityConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return prefix(event.getLevel());
    }

    static String prefix(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> "<3>";
            case Level.WARN_INT -> "<4>";
            case Level.INFO_INT -> "<6>";
            default -> "<7>";
        };
    }
}
