package org.lvsd.ipvs.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/**
 * The life cycle every kernel IT shares: one {@link KernelLab} per class (skipped, with the reason
 * printed, where the machine cannot host one), an empty IPVS table before each test, and the
 * namespace deleted after the class.
 */
@Tag("kernel-ipvs")
abstract class WithKernelLab {
    static KernelLab lab;

    @BeforeAll
    static void boot() throws Exception {
        lab = KernelLab.create();
    }

    @AfterAll
    static void shutdown() throws Exception {
        if (lab != null) {
            lab.close();
            lab = null;
        }
    }

    @BeforeEach
    void empty() throws Exception {
        lab.driver.flush();
    }
}
