/**
 * The typed, validated lvsd configuration model, built from the statement tree that
 * {@code org.lvsd.conf.syntax} reads from a keepalived.conf file.
 *
 * <p>Keywords, defaults and the compatibility traps follow keepalived.conf(5): the
 * {@code global_defs}, {@code vrrp_script}, {@code track_file}, {@code vrrp_sync_group},
 * {@code vrrp_instance}, {@code virtual_server_group} and {@code virtual_server} sections.
 * {@link org.lvsd.conf.model.ModelBuilder} never throws: every problem becomes a
 * {@link org.lvsd.conf.Diagnostic} naming {@code file:line}; unknown keywords are warned
 * about and skipped, as keepalived does. {@link org.lvsd.conf.model.Keywords} lists every
 * keyword with its lvsd status, and {@link org.lvsd.conf.model.ModelJson} renders the model
 * for {@code lvsd --dump-config}.
 */
package org.lvsd.conf.model;
