package org.lvsd.controller.logging;

import java.util.HashMap;
import java.util.Map;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;

/**
 * One log line per event on standard error.
 *
 * <p>Under systemd ({@code JOURNAL_STREAM} set) the journal adds its own timestamp, so lines
 * carry none and start with the syslog priority prefix ({@code <3>} error ... {@code <7>}
 * debug) that journald reads from a stream (sd-daemon(3)). Elsewhere lines start with an
 * ISO-8601 timestamp. {@code -D} lowers the level from INFO to DEBUG.
 */
public final class LogSetup {

    static final String CONSOLE_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{0}: %msg%n";
    static final String JOURNAL_PATTERN = "%journalPriority%logger{0}: %msg%n";

    private LogSetup() {
    }

    public static void configure(boolean detail, boolean journal) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        registerConverter(context);

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(journal ? JOURNAL_PATTERN : CONSOLE_PATTERN);
        encoder.start();

        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("console");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(detail ? Level.DEBUG : Level.INFO);
        root.addAppender(appender);
    }

    /** Makes {@code %journalPriority} known to pattern layouts of this context. */
    @SuppressWarnings("unchecked")
    private static void registerConverter(LoggerContext context) {
        Map<String, String> rules = (Map<String, String>) context.getObject(CoreConstants.PATTERN_RULE_REGISTRY);
        if (rules == null) {
            rules = new HashMap<>();
            context.putObject(CoreConstants.PATTERN_RULE_REGISTRY, rules);
        }
        rules.put("journalPriority", JournalPriorityConverter.class.getName());
    }
}
