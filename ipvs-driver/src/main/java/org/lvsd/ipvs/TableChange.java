package org.lvsd.ipvs;

import java.util.Objects;

/**
 * One change to an IPVS table, the equivalent of one ipvsadm(8) command ({@code -A -E -D -a -e -d
 * -C}). A list of them is what {@link IpvsDriver#apply} takes as one batch;
 * {@link org.lvsd.ipvs.format.IpvsadmCommand} renders one as ipvsadm arguments.
 */
public sealed interface TableChange {

    /** Makes this change with the driver's own single-change call. */
    void applyTo(IpvsDriver driver) throws IpvsException;

    /** Calls the visitor's method for this kind of change with its fields. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of change: code that treats every kind (the kernel's requests, the
     * ipvsadm text) implements this and the compiler tells it when a kind is added.
     *
     * @param <R> what the visit returns
     */
    interface Visitor<R> {
        R addService(VirtualService service);

        R editService(VirtualService service);

        R deleteService(ServiceKey key);

        R addDestination(ServiceKey key, Destination destination);

        R editDestination(ServiceKey key, Destination destination);

        R deleteDestination(ServiceKey key, RealServer server);

        R flush();
    }

    /** ipvsadm -A. */
    record AddService(VirtualService service) implements TableChange {
        public AddService {
            Objects.requireNonNull(service, "service");
        }

        @Override
        public void applyTo(IpvsDriver driver) throws IpvsException {
            driver.addService(service);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.addService(service);
        }
    }

    /** ipvsadm -E. */
    record EditService(VirtualService service) implements TableChange {
        public EditService {
            Objects.requireNonNull(service, "service");
        }

        @Override
        public void applyTo(IpvsDriver driver) throws IpvsException {
            driver.editService(service);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.editService(service);
        }
    }

    /** ipvsadm -D. */
    record DeleteService(ServiceKey key) implements TableChange {
        public DeleteService {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public void applyTo(IpvsDriver driver) throws IpvsException {
            driver.deleteService(key);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.deleteService(key);
        }
    }

    /** ipvsadm -a. */
    record AddDestination(ServiceKey key, Destination destination) implements TableChange {
        public AddDestination {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(destination, "destination");
        }

        @Override
        public void applyTo(IpvsDriver driver) throws IpvsException {
            driver.addDestination(key, destination);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.addDestination(key, destination);
        }
    }

    /** ipvsadm -e. */
    record EditDestination(ServiceKey key, Destination destination) implements TableChange {
        public EditDestination {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(destination, "destination");
        }

        @Override
        public void applyTo(IpvsDriver driver) throws IpvsException {
            driver.editDestination(key, destination);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.editDestination(key, destination);
        }
    }

    /** ipvsadm -d. */
    record DeleteDestination(ServiceKey key, RealServer server) implements TableChange {
        public DeleteDestination {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(server, "server");
        }

        @Override
        public void applyTo(IpvsDriver driver) throws IpvsException {
            driver.deleteDestination(key, server);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.deleteDestination(key, server);
        }
    }

    /** ipvsadm -C: every service goes, with its destinations. */
    record Flush() implements TableChange {
        @Override
        public void applyTo(IpvsDriver driver) throws IpvsException {
            driver.flush();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.flush();
        }
    }
}
