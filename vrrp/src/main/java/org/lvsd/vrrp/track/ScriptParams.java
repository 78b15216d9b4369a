package org.lvsd.vrrp.track;

/**
 * Result filtering of one {@code vrrp_script} (keepalived reference §1.4).
 *
 * @param rise     consecutive successes that turn a failed script OK (default 1)
 * @param fall     consecutive failures that turn an OK script failed (default 1)
 * @param initFail start failed, so {@code rise} successes are needed first
 */
public record ScriptParams(int rise, int fall, boolean initFail) {

    public static final ScriptParams DEFAULTS = new ScriptParams(1, 1, false);

    public ScriptParams {
        if (rise < 1 || fall < 1) {
            throw new IllegalArgumentException("rise and fall must be at least 1: " + rise + "/" + fall);
        }
    }
}
