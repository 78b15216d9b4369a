package org.lvsd.ipvs.format;

import java.util.Optional;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.IpvsDriver;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.Timeouts;
import org.lvsd.ipvs.VirtualService;

/** One parsed restore line: an ipvsadm command with its line number, ready to apply to a driver. */
public sealed interface RestoreCommand {

    /** The 1-based line the command came from. */
    int line();

    /** Performs the command. */
    void apply(IpvsDriver driver) throws IpvsException;

    /** -A. */
    record AddService(int line, VirtualService service) implements RestoreCommand {
        @Override
        public void apply(IpvsDriver driver) throws IpvsException {
            driver.addService(service);
        }
    }

    /** -E. */
    record EditService(int line, VirtualService service) implements RestoreCommand {
        @Override
        public void apply(IpvsDriver driver) throws IpvsException {
            driver.editService(service);
        }
    }

    /** -D. */
    record DeleteService(int line, ServiceKey key) implements RestoreCommand {
        @Override
        public void apply(IpvsDriver driver) throws IpvsException {
            driver.deleteService(key);
        }
    }

    /** -a. */
    record AddDestination(int line, ServiceKey key, Destination destination) implements RestoreCommand {
        @Override
        public void apply(IpvsDriver driver) throws IpvsException {
            driver.addDestination(key, destination);
        }
    }

    /** -e. */
    record EditDestination(int line, ServiceKey key, Destination destination) implements RestoreCommand {
        @Override
        public void apply(IpvsDriver driver) throws IpvsException {
            driver.editDestination(key, destination);
        }
    }

    /** -d. */
    record DeleteDestination(int line, ServiceKey key, RealServer server) implements RestoreCommand {
        @Override
        public void apply(IpvsDriver driver) throws IpvsException {
            driver.deleteDestination(key, server);
        }
    }

    /** -C. */
    record Flush(int line) implements RestoreCommand {
        @Override
        public void apply(IpvsDriver driver) throws IpvsException {
            driver.flush();
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
