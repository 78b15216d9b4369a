package org.lvsd.conf.syntax;

import java.util.ArrayList;
import java.util.List;
import org.lvsd.conf.Diagnostic;

/**
 * Splits one logical line into words and braces (keepalived.conf(5), "Quoted strings").
 *
 * <p>Words are split on unquoted whitespace; an unquoted {@code {} or {@code }} is a token
 * of its own. {@code "..."} and {@code '...'} group characters into the current word and
 * the quotes are removed, so {@code abc" d "e} is the one word {@code abc d e}. Inside
 * quotes the shell escapes {@code \a \b \E \f \n \r \t \v}, {@code \nnn} (octal, up to
 * three digits), {@code \xHH} (up to two hex digits), {@code \cC} (control character)
 * apply, and {@code \C} is {@code C} for any other character. Outside quotes a backslash
 * only escapes a quote character or another backslash.
 */
final class Tokenizer {

    private Tokenizer() {
    }

    static boolean isEscapableOutsideQuotes(char c) {
        return c == '"' || c == '\'' || c == '\\';
    }

    /** The tokens of {@code line}; an unterminated quote is reported and closed at the line's end. */
    static List<Token> tokenize(SourceLine line, List<Diagnostic> diagnostics) {
        return tokenize(line, true, diagnostics);
    }

    /** The words of {@code line}, braces being ordinary characters (for include patterns). */
    static List<String> words(SourceLine line, List<Diagnostic> diagnostics) {
        return tokenize(line, false, diagnostics).stream().map(Token::text).toList();
    }

    private static List<Token> tokenize(SourceLine line, boolean braces, List<Diagnostic> diagnostics) {
        String text = line.text();
        List<Token> tokens = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && i + 1 < text.length()) {
                    i = unescape(text, i + 1, word);
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                word = flush(word, tokens, line);
            } else if (braces && (c == '{' || c == '}')) {
                word = flush(word, tokens, line);
                Token.Kind kind = c == '{' ? Token.Kind.OPEN : Token.Kind.CLOSE;
                tokens.add(new Token(kind, String.valueOf(c), line.file(), line.line()));
            } else {
                if (word == null) {
                    word = new StringBuilder();
                }
                if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '\\' && i + 1 < text.length() && isEscapableOutsideQuotes(text.charAt(i + 1))) {
                    word.append(text.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            diagnostics.add(Diagnostic.error(line.file(), line.line(),
                    "unterminated " + quote + " quoted string"));
        }
        flush(word, tokens, line);
        return tokens;
    }

    private static StringBuilder flush(StringBuilder word, List<Token> tokens, SourceLine line) {
        if (word != null) {
            tokens.add(new Token(Token.Kind.WORD, word.toString(), line.file(), line.line()));
        }
        return null;
    }

    /**
     * Appends the character escaped at {@code text[at]} (just after the backslash) and
     * returns the index of the last character consumed.
     */
    private static int unescape(String text, int at, StringBuilder out) {
        char e = text.charAt(at);
        switch (e) {
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'E' -> out.append('\u001b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\u000b');
            case 'x' -> {
                int end = number(text, at + 1, 2, 16, out);
                if (end >= 0) {
                    return end;
                }
                out.append('x');
            }
            case 'c' -> {
                if (at + 1 < text.length()) {
                    out.append((char) (text.charAt(at + 1) & 0x1f));
                    return at + 1;
                }
                out.append('c');
            }
            default -> {
                if (e >= '0' && e <= '7') {
                    return number(text, at, 3, 8, out);
                }
                out.append(e);
            }
        }
        return at;
    }

    /**
     * Appends the character written as up to {@code maxDigits} digits in {@code radix} and
     * returns the index of its last digit, or -1 (appending nothing) when there is no digit.
     */
    private static int number(String text, int from, int maxDigits, int radix, StringBuilder out) {
        int value = 0;
        int end = from;
        while (end < text.length() && end - from < maxDigits && Character.digit(text.charAt(end), radix) >= 0) {
            value = value * radix + Character.digit(text.charAt(end), radix);
            end++;
        }
        if (end == from) {
            return -1;
        }
        out.append((char) value);
        return end - 1;
    }
}
