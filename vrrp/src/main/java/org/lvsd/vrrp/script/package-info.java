/**
 * Tracker inputs that come from outside the kernel, per keepalived.conf(5): {@code vrrp_script}
 * checks ({@link org.lvsd.vrrp.script.ScriptRunner}: argv without a shell every {@code interval},
 * killed with their children after {@code timeout}, exit status 0 = success; keepalived reference
 * §1.4) and {@code track_file} values ({@link org.lvsd.vrrp.script.TrackFileWatcher}).
 * {@link org.lvsd.vrrp.script.ProcessRunner} runs one command; notify scripts use it too.
 */
package org.lvsd.vrrp.script;
