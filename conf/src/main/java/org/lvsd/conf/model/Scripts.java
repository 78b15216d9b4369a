package org.lvsd.conf.model;

import java.util.List;
import java.util.Optional;

/** Reads script-valued statements: {@code KW CMD [user [[:]group]]} and whole-line scripts. */
final class Scripts {

    private Scripts() {
    }

    /**
     * {@code notify_master "/path arg" [user [[:]group]]}: the first word is the command line,
     * the following words the user and group (also accepted as {@code user:group}).
     */
    static Optional<Command> withUser(Stmt s, Diags d) {
        List<String> argv = Command.split(s.arg(0));
        if (argv.isEmpty()) {
            d.error(s.where(), s.keyword() + " expects a command, got an empty string");
            return Optional.empty();
        }
        Optional<String> user = Optional.empty();
        Optional<String> group = Optional.empty();
        if (s.size() > 1) {
            String u = s.arg(1);
            int colon = u.indexOf(':');
            if (colon >= 0) {
                user = Optional.of(u.substring(0, colon));
                group = nonEmpty(u.substring(colon + 1));
            } else {
                user = Optional.of(u);
            }
        }
        if (s.size() > 2) {
            group = nonEmpty(s.arg(2).startsWith(":") ? s.arg(2).substring(1) : s.arg(2));
        }
        return Optional.of(new Command(argv, user, group, s.where()));
    }

    /** {@code script ...} / {@code misc_path ...}: every word is part of the command line. */
    static Optional<Command> wholeLine(Stmt s, Diags d) {
        List<String> argv = Command.split(String.join(" ", s.args()));
        if (argv.isEmpty()) {
            d.error(s.where(), s.keyword() + " expects a command, got an empty string");
            return Optional.empty();
        }
        return Optional.of(new Command(argv, Optional.empty(), Optional.empty(), s.where()));
    }

    private static Optional<String> nonEmpty(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
