package org.lvsd.controller.reconcile;

import java.util.Optional;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.TableChange;
import org.lvsd.ipvs.VirtualService;

/**
 * The entry a change is about: a service, a destination of it, or (a flush) the whole table. Two
 * changes with the same target touch the same entry, which is how a change is recognised as the
 * repair of someone else's.
 *
 * @param service the service, empty for the whole table
 * @param server the destination, empty for a change to the service itself
 */
record ChangeTarget(Optional<ServiceKey> service, Optional<RealServer> server) {

    private static final TableChange.Visitor<ChangeTarget> OF = new TableChange.Visitor<>() {
        @Override
        public ChangeTarget addService(VirtualService service) {
            return service(service.key());
        }

        @Override
        public ChangeTarget editService(VirtualService service) {
            return service(service.key());
        }

        @Override
        public ChangeTarget deleteService(ServiceKey key) {
            return service(key);
        }

        @Override
        public ChangeTarget addDestination(ServiceKey key, Destination destination) {
            return destination(key, destination.server());
        }

        @Override
        public ChangeTarget editDestination(ServiceKey key, Destination destination) {
            return destination(key, destination.server());
        }

        @Override
        public ChangeTarget deleteDestination(ServiceKey key, RealServer server) {
            return destination(key, server);
        }

        @Override
        public ChangeTarget flush() {
            return new ChangeTarget(Optional.empty(), Optional.empty());
        }

        private ChangeTarget service(ServiceKey key) {
            return new ChangeTarget(Optional.of(key), Optional.empty());
        }

        private ChangeTarget destination(ServiceKey key, RealServer server) {
            return new ChangeTarget(Optional.of(key), Optional.of(server));
        }
    };

    /** What {@code change} touches. */
    static ChangeTarget of(TableChange change) {
        return change.accept(OF);
    }
}
