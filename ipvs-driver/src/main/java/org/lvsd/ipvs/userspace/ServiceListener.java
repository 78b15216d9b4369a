package org.lvsd.ipvs.userspace;

/** The socket serving one virtual service. */
interface ServiceListener {
    /** Stops taking new connections or flows; existing ones drain. */
    void stop();
}
