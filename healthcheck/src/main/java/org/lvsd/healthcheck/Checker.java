package org.lvsd.healthcheck;

import java.util.concurrent.CompletionStage;

/**
 * One checker block bound to one real server. Implementations never block the calling thread;
 * the returned stage completes exactly once, normally, with a {@link CheckResult} (failures are
 * results, never exceptional completions).
 */
public interface Checker {

    /** Starts one probe. */
    CompletionStage<CheckResult> check();
}
