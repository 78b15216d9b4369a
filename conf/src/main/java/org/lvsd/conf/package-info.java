/**
 * The keepalived.conf language for lvsd.
 *
 * <p>{@code org.lvsd.conf.syntax} reads keepalived's syntax (keepalived.conf(5): blocks,
 * comments, quoting, {@code include}, {@code @id} conditional lines, {@code $NAME}
 * parameters) into a Commons Configuration node tree where every node keeps its file and
 * line; {@code org.lvsd.conf.model} turns that tree into an immutable, validated model with
 * keepalived's defaults. Every problem is a {@link org.lvsd.conf.Diagnostic} naming
 * {@code file:line}.
 */
package org.lvsd.conf;
