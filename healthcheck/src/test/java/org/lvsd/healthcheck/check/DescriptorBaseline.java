package org.lvsd.healthcheck.check;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every network test must give back its descriptors: the open descriptors are counted before
 * each test and, once the test's own {@code @AfterEach} methods have closed its servers, must
 * come back to that count (plus a slack) within 5 s. Register it on an instance field.
 * Descriptors a transport keeps on purpose for later probes (its pooled sockets, counted by
 * {@code held}) are not the test's: the count compared is the open descriptors less those.
 */
final class DescriptorBaseline implements BeforeEachCallback, AfterEachCallback {

    private final int slack;
    private final IntSupplier held;
    private int baseline;

    /**
     * @param slack descriptors a test may keep for good (caches opened once)
     * @param held  descriptors kept for reuse at the moment of asking
     */
    DescriptorBaseline(int slack, IntSupplier held) {
        this.slack = slack;
        this.held = held;
    }

    DescriptorBaseline(int slack) {
        this(slack, () -> 0);
    }

    DescriptorBaseline() {
        this(0);
    }

    private int own() {
        return FileDescriptors.open() - held.getAsInt();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        baseline = own();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        await().atMost(Duration.ofSeconds(5)).until(() -> own() <= baseline + slack);
    }
}
