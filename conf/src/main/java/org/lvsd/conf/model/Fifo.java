package org.lvsd.conf.model;

import java.util.Optional;

/**
 * A notify FIFO ({@code notify_fifo}, {@code vrrp_notify_fifo}, {@code lvs_notify_fifo}) and
 * the script that reads it ({@code *_script}).
 *
 * @param path the FIFO path
 * @param user owner user of the FIFO
 * @param group owner group of the FIFO
 * @param script script started to read it
 */
public record Fifo(String path, Optional<String> user, Optional<String> group, Optional<Command> script) {
}
