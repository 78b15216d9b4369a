package org.lvsd.conf.model;

import java.util.ArrayList;
import java.util.List;

/** Small builder used by the per-area keyword lists to declare a block's keywords. */
final class KeywordTable {

    private final List<Keyword> keywords = new ArrayList<>();
    private Block block;

    KeywordTable block(Block b) {
        this.block = b;
        return this;
    }

    KeywordTable supported(String name, int min, int max) {
        return supported(name, min, max, "");
    }

    KeywordTable supported(String name, int min, int max, String note) {
        keywords.add(new Keyword(block, name, min, max, KeywordStatus.SUPPORTED, note));
        return this;
    }

    KeywordTable noEffect(String... names) {
        for (String n : names) {
            keywords.add(new Keyword(block, n, 0, Keyword.MANY, KeywordStatus.ACCEPTED_NO_EFFECT, ""));
        }
        return this;
    }

    KeywordTable unsupported(String... names) {
        for (String n : names) {
            keywords.add(new Keyword(block, n, 0, Keyword.MANY, KeywordStatus.UNSUPPORTED, ""));
        }
        return this;
    }

    List<Keyword> keywords() {
        return List.copyOf(keywords);
    }
}
