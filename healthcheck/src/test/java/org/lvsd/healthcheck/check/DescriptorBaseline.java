package org.lvsd.healthcheck.check;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every network test must give back its descriptors: the open descriptors are counted before
 * each test and, once the test's own {@code @AfterEach} methods have closed its servers, must
 * come back to that count (plus a slack) within 5 s. Register it on an instance field.
 */
final class DescriptorBaseline implements BeforeEachCallback, AfterEachCallback {

    private final int slack;
    private int baseline;

    /** @param slack descriptors a test may keep for good (caches opened once) */
    DescriptorBaseline(int slack) {
        this.slack = slack;
    }

    DescriptorBaseline() {
        this(0);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        baseline = FileDescriptors.open();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        await().atMost(Duration.ofSeconds(5)).until(() -> FileDescriptors.open() <= baseline + slack);
    }
}
