package org.lvsd.conf.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every keyword lvsd knows, per block, with what lvsd does with it. The readers consult it to
 * split statements, to warn about keywords without effect, and to reject unknown ones; the
 * README's keyword table is generated from {@link #markdownTable()}.
 */
public final class Keywords {

    private static final Map<Block, Map<String, Keyword>> TABLE = build();

    private Keywords() {
    }

    private static Map<Block, Map<String, Keyword>> build() {
        Map<Block, Map<String, Keyword>> m = new LinkedHashMap<>();
        List<Keyword> all = new ArrayList<>(VrrpKeywords.all());
        all.addAll(LvsKeywords.all());
        for (Keyword k : all) {
            m.computeIfAbsent(k.block(), b -> new LinkedHashMap<>()).put(k.name(), k);
        }
        m.replaceAll((b, kws) -> java.util.Collections.unmodifiableMap(kws));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The keyword {@code name} of {@code block}, if lvsd knows it. */
    public static Optional<Keyword> lookup(Block block, String name) {
        return Optional.ofNullable(TABLE.getOrDefault(block, Map.of()).get(name));
    }

    /** Every keyword, grouped by block in file order. */
    public static List<Keyword> all() {
        List<Keyword> out = new ArrayList<>();
        TABLE.values().forEach(kws -> out.addAll(kws.values()));
        return List.copyOf(out);
    }

    /** A Markdown table (block, keyword, status, note) of every keyword. */
    public static String markdownTable() {
        StringBuilder sb = new StringBuilder("| block | keyword | status | note |\n|---|---|---|---|\n");
        for (Keyword k : all()) {
            sb.append("| `").append(k.block().spelling()).append("` | `").append(k.name()).append("` | ")
                    .append(statusText(k.status())).append(" | ").append(k.note()).append(" |\n");
        }
        return sb.toString();
    }

    private static String statusText(KeywordStatus s) {
        return switch (s) {
            case SUPPORTED -> "supported";
            case ACCEPTED_NO_EFFECT -> "accepted, no effect";
            case UNSUPPORTED -> "not supported (warned)";
        };
    }
}
