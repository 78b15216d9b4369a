/**
 * Logback set-up for lvsd: one line per event, journald priority prefixes under systemd
 * (sd-daemon(3)), level from {@code -D}.
 */
package org.lvsd.controller.logging;
