package org.lvsd.conf.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads tracking lists: {@code track_interface { IF [weight N [reverse]] ... }},
 * {@code track_script { NAME [weight N] [reverse|noreverse] }} and {@code track_file {...}}.
 * Several entries may share a line.
 */
final class TrackReader {

    private TrackReader() {
    }

    static List<TrackInterface> interfaces(Stmt block, Diags d) {
        List<TrackInterface> out = new ArrayList<>();
        for (TrackRef r : refs(block, 253, d)) {
            out.add(new TrackInterface(r.name(), r.weight().orElse(0), r.reverse(), r.where()));
        }
        return out;
    }

    /** Entries with weights limited to {@code -limit..limit}. */
    static List<TrackRef> refs(Stmt block, int limit, Diags d) {
        List<TrackRef> out = new ArrayList<>();
        for (EntryLine line : EntryLine.of(block)) {
            List<String> w = line.words();
            int i = 0;
            while (i < w.size()) {
                String name = w.get(i++);
                Optional<Integer> weight = Optional.empty();
                boolean reverse = false;
                boolean more = true;
                while (more && i < w.size()) {
                    switch (w.get(i)) {
                        case "weight" -> {
                            if (i + 1 >= w.size()) {
                                d.error(line.where(), block.keyword() + ": missing value after 'weight'");
                                i++;
                            } else {
                                weight = Values.integer(line.stmt(block.keyword() + " weight", i + 1, i + 2), 0,
                                        -limit, limit, d);
                                i += 2;
                            }
                        }
                        case "reverse" -> {
                            reverse = true;
                            i++;
                        }
                        case "noreverse" -> {
                            reverse = false;
                            i++;
                        }
                        default -> more = false;
                    }
                }
                out.add(new TrackRef(name, weight, reverse, line.where()));
            }
        }
        return out;
    }
}
