package org.lvsd.ipvs.format;

import java.util.Optional;
import org.lvsd.ipvs.IpvsDriver;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.TableChange;
import org.lvsd.ipvs.Timeouts;

/** One parsed restore line: an ipvsadm command with its line number, ready to apply to a driver. */
public sealed interface RestoreCommand {

    /** The 1-based line the command came from. */
    int line();

    /** Performs the command. */
    void apply(IpvsDriver driver) throws IpvsException;

    /** -A, -E, -D, -a, -e, -d or -C: a change to the table. */
    record Change(int line, TableChange change) implements RestoreCommand {
        @Override
        public void apply(IpvsDriver driver) throws IpvsException {
            change.applyTo(driver);
        }
    }

    /** -Z, for one service or all. */
    record Zero(int line, Optional<ServiceKey> key) implements RestoreCommand {
        @Override
        public void apply(IpvsDriver driver) throws IpvsException {
            if (key.isPresent()) {
                driver.zero(key.get());
            } else {
                driver.zero();
            }
        }
    }

    /** --set tcp tcpfin udp. */
    record SetTimeouts(int line, Timeouts timeouts) implements RestoreCommand {
        @Override
        public void apply(IpvsDriver driver) throws IpvsException {
            driver.setTimeouts(timeouts);
        }
    }
}
