package org.lvsd.conf.model;

import java.time.Duration;

/**
 * {@code vrrp_script NAME { ... }}: a periodic health script tracked by VRRP instances.
 *
 * @param name the script's name
 * @param script command to run (exit 0 = OK), with {@code user}
 * @param interval period (default 1 s)
 * @param timeout time allowed (default = interval)
 * @param weight priority delta, -253..253; 0 (default) means FAULT on failure
 * @param reverse whether {@code weight ... reverse} was given
 * @param rise successes to become OK (default 1)
 * @param fall failures to become failed (default 1)
 * @param initFail start in the failed state
 * @param where origin
 */
public record VrrpScript(String name, Command script, Duration interval, Duration timeout, int weight,
        boolean reverse, int rise, int fall, boolean initFail, Where where) {
}
