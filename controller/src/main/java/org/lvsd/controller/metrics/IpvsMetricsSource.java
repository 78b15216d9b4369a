package org.lvsd.controller.metrics;

import java.util.List;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.ipvs.ServiceEntry;

/** The IPVS table as the driver lists it ({@code IpvsDriver::list} fits); called once per scrape. */
@FunctionalInterface
public interface IpvsMetricsSource {

    /** Every service with its destinations and their counters. */
    List<ServiceEntry> services() throws IpvsException;
}
