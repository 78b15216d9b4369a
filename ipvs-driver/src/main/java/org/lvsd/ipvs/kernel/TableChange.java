package org.lvsd.ipvs.kernel;

import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.netlink.NlRequest;

/** One change to the IPVS table, as {@link KernelIpvsDriver#apply} sends it in a pipelined batch. */
public sealed interface TableChange {

    /** The request that makes this change. */
    NlRequest request(IpvsRequests requests);

    /** Records the change, once the kernel acknowledged it, in the driver's view. */
    void applyTo(TableView view);

    /** ipvsadm -A. */
    record AddService(VirtualService service) implements TableChange {
        @Override
        public NlRequest request(IpvsRequests requests) {
            return requests.newService(service);
        }

        @Override
        public void applyTo(TableView view) {
            view.putService(service);
        }
    }

    /** ipvsadm -E. */
    record EditService(VirtualService service) implements TableChange {
        @Override
        public NlRequest request(IpvsRequests requests) {
            return requests.setService(service);
        }

        @Override
        public void applyTo(TableView view) {
            view.putService(service);
        }
    }

    /** ipvsadm -D. */
    record DeleteService(ServiceKey key) implements TableChange {
        @Override
        public NlRequest request(IpvsRequests requests) {
            return requests.delService(key);
        }

        @Override
        public void applyTo(TableView view) {
            view.removeService(key);
        }
    }

    /** ipvsadm -a. */
    record AddDestination(ServiceKey key, Destination destination) implements TableChange {
        @Override
        public NlRequest request(IpvsRequests requests) {
            return requests.newDest(key, destination);
        }

        @Override
        public void applyTo(TableView view) {
            view.putDestination(key, destination);
        }
    }

    /** ipvsadm -e. */
    record EditDestination(ServiceKey key, Destination destination) implements TableChange {
        @Override
        public NlRequest request(IpvsRequests requests) {
            return requests.setDest(key, destination);
        }

        @Override
        public void applyTo(TableView view) {
            view.putDestination(key, destination);
        }
    }

    /** ipvsadm -d. */
    record DeleteDestination(ServiceKey key, RealServer server) implements TableChange {
        @Override
        public NlRequest request(IpvsRequests requests) {
            return requests.delDest(key, server);
        }

        @Override
        public void applyTo(TableView view) {
            view.removeDestination(key, server);
        }
    }
}
