package org.lvsd.ipvs.userspace;

import java.util.function.Supplier;
import org.lvsd.ipvs.Timeouts;

/** What every listener and connection of one forwarder shares. */
record Forwarding(Transport transport, ForwarderOptions options, FlowTable table, Supplier<Timeouts> timeouts) {
}
