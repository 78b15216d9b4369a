package org.lvsd.healthcheck.check;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link CheckTransport} for all tests of a class, created before the class's
 * {@code @BeforeAll} methods and closed after its {@code @AfterAll} methods. Register it on a
 * static field: {@code @RegisterExtension static final SharedTransport transport = ...}.
 */
final class SharedTransport implements BeforeAllCallback, AfterAllCallback {

    private final CheckLimits limits;
    private CheckTransport transport;

    SharedTransport(CheckLimits limits) {
        this.limits = limits;
    }

    /** A one-thread transport with {@link CheckLimits#defaults()}. */
    SharedTransport() {
        this(CheckLimits.defaults());
    }

    CheckTransport get() {
        return transport;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        transport = CheckTransport.create(1, limits);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        transport.close();
    }
}
