package org.lvsd.conf.model;

import java.util.List;

/**
 * One {@code virtual_rules} entry in {@code ip rule} syntax, kept as written.
 *
 * @param words the entry's words
 * @param where origin
 */
public record VirtualRule(List<String> words, Where where) {

    public VirtualRule {
        words = List.copyOf(words);
    }
}
