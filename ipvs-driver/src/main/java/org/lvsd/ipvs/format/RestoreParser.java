package org.lvsd.ipvs.format;

import java.util.ArrayList;
import java.util.List;
import org.lvsd.ipvs.IpvsDriver;
import org.lvsd.ipvs.IpvsException;

/**
 * Reads ipvsadm's restore format ({@code ipvsadm -R}, what {@code ipvsadm -Sn} writes): one
 * command per line, tokens separated by blanks, a leading or embedded {@code ipvsadm} word ignored,
 * blank lines skipped. A token starting with '#' comments out the rest of its line.
 *
 * <p>Unlike ipvsadm, which applies lines as it reads them and goes on after a kernel error,
 * {@link #apply} checks the whole input first and stops at the first refused command; the error
 * names the line either way.
 */
public final class RestoreParser {
    private RestoreParser() {
    }

    /** Parses every line; the first malformed line raises an exception naming it. */
    public static List<RestoreCommand> parse(String text) throws RestoreException {
        List<RestoreCommand> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            List<String> tokens = tokens(lines[i]);
            if (!tokens.isEmpty()) {
                out.add(LineParser.parse(i + 1, tokens));
            }
        }
        return out;
    }

    /** Parses, then applies every command in order; returns how many were applied. */
    public static int apply(String text, IpvsDriver driver) throws RestoreException {
        List<RestoreCommand> commands = parse(text);
        for (RestoreCommand c : commands) {
            try {
                c.apply(driver);
            } catch (IpvsException e) {
                throw new RestoreException(c.line(), IpvsadmErrors.message(c, e.reason()) + " (" + e.reason() + ": "
                        + e.getMessage() + ")", e);
            }
        }
        return commands.size();
    }

    private static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        for (String t : line.split("[ \t\r]+")) {
            if (t.startsWith("#")) {
                break;
            }
            if (!t.isEmpty() && !t.equals("ipvsadm")) {
                out.add(t);
            }
        }
        return out;
    }
}
