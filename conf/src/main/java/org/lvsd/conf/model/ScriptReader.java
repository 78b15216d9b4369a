package org.lvsd.conf.model;

import java.time.Duration;
import java.util.Optional;

/** Reads {@code vrrp_script NAME { ... }} and {@code track_file NAME { ... }} blocks. */
final class ScriptReader {

    private ScriptReader() {
    }

    static Optional<VrrpScript> vrrpScript(Stmt block, Diags d) {
        var st = new Object() {
            Optional<Command> script = Optional.empty();
            Duration interval = Duration.ofSeconds(1);
            Optional<Duration> timeout = Optional.empty();
            int weight;
            boolean reverse;
            int rise = 1;
            int fall = 1;
            Optional<String> user = Optional.empty();
            Optional<String> group = Optional.empty();
            boolean initFail;
        };
        BlockWalker.walk(Block.VRRP_SCRIPT, block.children(), d, s -> {
            switch (s.keyword()) {
                case "script" -> st.script = Scripts.wholeLine(s, d);
                case "interval" -> Values.timer(s, 0, d).ifPresent(t -> st.interval = t);
                case "timeout" -> st.timeout = Values.timer(s, 0, d).or(() -> st.timeout);
                case "weight" -> {
                    Values.integer(s, 0, -253, 253, d).ifPresent(w -> st.weight = w);
                    st.reverse = reverseWord(s, d);
                }
                case "rise" -> Values.integer(s, 0, 1, Integer.MAX_VALUE, d).ifPresent(v -> st.rise = v);
                case "fall" -> Values.integer(s, 0, 1, Integer.MAX_VALUE, d).ifPresent(v -> st.fall = v);
                case "user" -> {
                    st.user = Optional.of(s.arg(0));
                    st.group = s.size() > 1 ? Optional.of(s.arg(1).replaceFirst("^:", "")) : Optional.empty();
                }
                case "init_fail" -> st.initFail = true;
                default -> d.unhandled(Block.VRRP_SCRIPT, s);
            }
        });
        String name = block.arg(0);
        if (st.script.isEmpty()) {
            d.error(block.where(), "vrrp_script " + name + ": missing 'script'");
            return Optional.empty();
        }
        if (st.interval.isZero()) {
            d.error(block.where(), "vrrp_script " + name + ": interval must be greater than 0");
            return Optional.empty();
        }
        Command cmd = new Command(st.script.get().argv(), st.user, st.group, st.script.get().where());
        return Optional.of(new VrrpScript(name, cmd, st.interval, st.timeout.orElse(st.interval), st.weight,
                st.reverse, st.rise, st.fall, st.initFail, block.where()));
    }

    static Optional<TrackFile> trackFile(Stmt block, Diags d) {
        var st = new Object() {
            Optional<String> file = Optional.empty();
            int weight = 1;
            boolean reverse;
            boolean init;
            Optional<Integer> initValue = Optional.empty();
            boolean overwrite;
        };
        BlockWalker.walk(Block.TRACK_FILE, block.children(), d, s -> {
            switch (s.keyword()) {
                case "file" -> st.file = Optional.of(s.arg(0));
                case "weight" -> {
                    Values.integer(s, 0, -254, 254, d).ifPresent(w -> st.weight = w);
                    st.reverse = reverseWord(s, d);
                }
                case "init_file" -> {
                    st.init = true;
                    for (String w : s.args()) {
                        if (w.equals("overwrite")) {
                            st.overwrite = true;
                        } else {
                            st.initValue = Values.parseLong(w).map(Long::intValue);
                            if (st.initValue.isEmpty()) {
                                d.error(s.where(), "init_file expects a number or 'overwrite', got '" + w + "'");
                            }
                        }
                    }
                }
                default -> d.unhandled(Block.TRACK_FILE, s);
            }
        });
        if (st.file.isEmpty()) {
            d.error(block.where(), block.keyword() + " " + block.arg(0) + ": missing 'file'");
            return Optional.empty();
        }
        return Optional.of(new TrackFile(block.arg(0), st.file.get(), st.weight, st.reverse, st.init,
                st.initValue, st.overwrite, block.where()));
    }

    /** The optional {@code reverse} after {@code weight N}. */
    static boolean reverseWord(Stmt s, Diags d) {
        if (s.size() < 2) {
            return false;
        }
        if (!s.arg(1).equals("reverse")) {
            d.error(s.where(), "weight expects 'reverse' after the number, got '" + s.arg(1) + "'");
            return false;
        }
        return true;
    }
}
