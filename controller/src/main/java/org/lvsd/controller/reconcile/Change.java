package org.lvsd.controller.reconcile;

import java.util.Objects;
import java.util.Optional;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.IpvsDriver;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.VirtualService;

/**
 * One change to the IPVS table, the equivalent of one ipvsadm(8) command. {@link #toString()} is
 * that command's arguments, for example {@code -a -t 198.51.100.100:80 -r 198.51.100.21:80 -g -w 1}.
 */
public sealed interface Change {

    /** The service the change is about. */
    ServiceKey service();

    /** The destination the change is about, empty for a change to the service itself. */
    Optional<RealServer> server();

    /** Performs the change. */
    void applyTo(IpvsDriver driver) throws IpvsException;

    /** ipvsadm -A. */
    record AddService(VirtualService settings) implements Change {
        public AddService {
            Objects.requireNonNull(settings, "settings");
        }

        @Override
        public ServiceKey service() {
            return settings.key();
        }

        @Override
        public Optional<RealServer> server() {
            return Optional.empty();
        }

        @Override
        public void applyTo(IpvsDriver driver) throws IpvsException {
            driver.addService(settings);
        }

        @Override
        public String toString() {
            return "-A " + IpvsadmText.serviceWithOptions(settings);
        }
    }

    /** ipvsadm -E. */
    record EditService(VirtualService settings) implements Change {
        public EditService {
            Objects.requireNonNull(settings, "settings");
        }

        @Override
        public ServiceKey service() {
            return settings.key();
        }

        @Override
        public Optional<RealServer> server() {
            return Optional.empty();
        }

        @Override
        public void applyTo(IpvsDriver driver) throws IpvsException {
            driver.editService(settings);
        }

        @Override
        public String toString() {
            return "-E " + IpvsadmText.serviceWithOptions(settings);
        }
    }

    /** ipvsadm -D. */
    record DeleteService(ServiceKey service) implements Change {
        public DeleteService {
            Objects.requireNonNull(service, "service");
        }

        @Override
        public Optional<RealServer> server() {
            return Optional.empty();
        }

        @Override
        public void applyTo(IpvsDriver driver) throws IpvsException {
            driver.deleteService(service);
        }

        @Override
        public String toString() {
            return "-D " + IpvsadmText.service(service);
        }
    }

    /** ipvsadm -a. */
    record AddDestination(ServiceKey service, Destination destination) implements Change {
        public AddDestination {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(destination, "destination");
        }

        @Override
        public Optional<RealServer> server() {
            return Optional.of(destination.server());
        }

        @Override
        public void applyTo(IpvsDriver driver) throws IpvsException {
            driver.addDestination(service, destination);
        }

        @Override
        public String toString() {
            return "-a " + IpvsadmText.service(service) + " " + IpvsadmText.destination(destination);
        }
    }

    /** ipvsadm -e. */
    record EditDestination(ServiceKey service, Destination destination) implements Change {
        public EditDestination {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(destination, "destination");
        }

        @Override
        public Optional<RealServer> server() {
            return Optional.of(destination.server());
        }

        @Override
        public void applyTo(IpvsDriver driver) throws IpvsException {
            driver.editDestination(service, destination);
        }

        @Override
        public String toString() {
            return "-e " + IpvsadmText.service(service) + " " + IpvsadmText.destination(destination);
        }
    }

    /** ipvsadm -d. */
    record DeleteDestination(ServiceKey service, RealServer real) implements Change {
        public DeleteDestination {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(real, "real");
        }

        @Override
        public Optional<RealServer> server() {
            return Optional.of(real);
        }

        @Override
        public void applyTo(IpvsDriver driver) throws IpvsException {
            driver.deleteDestination(service, real);
        }

        @Override
        public String toString() {
            return "-d " + IpvsadmText.service(service) + " -r " + real;
        }
    }
}
