package org.lvsd.vrrp.script;

import java.util.Objects;

/**
 * One finished run of a {@code vrrp_script}.
 *
 * @param name    the script's name
 * @param success exit status 0 (a timeout or a failure to start is a failure)
 * @param run     how the process ended
 */
public record ScriptResult(String name, boolean success, ProcessResult run) {

    public ScriptResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(run, "run");
    }
}
