package org.lvsd.conf.model;

/**
 * One keyword of one block.
 *
 * @param block the block it belongs to
 * @param name the spelling in keepalived.conf
 * @param minArgs words the keyword needs
 * @param maxArgs words it may take; surplus words that are keywords start a new statement
 * @param status what lvsd does with it
 * @param note a short remark for the README table (alias target, lvsd extension, ...)
 */
public record Keyword(Block block, String name, int minArgs, int maxArgs, KeywordStatus status, String note) {

    /** Marks keywords taking any number of words. */
    public static final int MANY = Integer.MAX_VALUE;
}
