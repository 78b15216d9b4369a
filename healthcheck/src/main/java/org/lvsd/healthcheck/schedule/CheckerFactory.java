package org.lvsd.healthcheck.schedule;

import org.lvsd.healthcheck.Checker;
import org.lvsd.healthcheck.spec.CheckerSpec;
import org.lvsd.healthcheck.spec.RealServerSpec;

/** Makes the {@link Checker} for one checker block of one real server. */
@FunctionalInterface
public interface CheckerFactory {

    Checker create(RealServerSpec server, CheckerSpec spec);
}
