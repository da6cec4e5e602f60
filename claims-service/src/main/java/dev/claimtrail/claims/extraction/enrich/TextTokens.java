package dev.claimtrail.claims.extraction.enrich;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Word tokens of a text with their UTF-16 offsets. A token is a maximal run of letters and digits, so hyphens,
 * typographic dashes and apostrophes split words ("IS-KP" → IS, KP; "Taliban’s" → Taliban, s). That makes
 * "Islamic State – Khorasan" and "Islamic State-Khorasan" the same token sequence, which is what alias matching
 * wants. Each token remembers whether the gap before it is "soft" (only spaces, dashes, apostrophes or quotes),
 * so a multi-word alias never matches across a comma, a bracket or a sentence end.
 */
final class TextTokens {

    record Token(int start, int end, String raw, String norm, boolean softGapBefore) {
        boolean isUpper() {
            boolean letter = false;
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (Character.isLetter(c)) {
                    letter = true;
                    if (!Character.isUpperCase(c)) {
                        return false;
                    }
                }
            }
            return letter;
        }

        boolean isCapitalised() {
            return !raw.isEmpty() && Character.isUpperCase(raw.charAt(0));
        }

        boolean isNumber() {
            for (int i = 0; i < raw.length(); i++) {
                if (!Character.isDigit(raw.charAt(i))) {
                    return false;
                }
            }
            return !raw.isEmpty();
        }
    }

    private final List<Token> tokens;

    private TextTokens(List<Token> tokens) {
        this.tokens = tokens;
    }

    static TextTokens of(String text) {
        return of(text, 0, text.length());
    }

    static TextTokens of(String text, int from, int to) {
        List<Token> out = new ArrayList<>();
        int i = Math.max(0, from);
        int end = Math.min(text.length(), to);
        int prevEnd = i;
        while (i < end) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
                int s = i;
                while (i < end && (Character.isLetterOrDigit(text.charAt(i)) || Character.isSurrogate(text.charAt(i))
                        || isCombining(text.charAt(i)))) {
                    i++;
                }
                String raw = text.substring(s, i);
                boolean afterInitial = !out.isEmpty() && out.get(out.size() - 1).raw().length() == 1;
                boolean soft = out.isEmpty() || isSoftGap(text, prevEnd, s, afterInitial);
                out.add(new Token(s, i, raw, normalise(raw), soft));
                prevEnd = i;
            } else {
                i++;
            }
        }
        return new TextTokens(Collections.unmodifiableList(out));
    }

    List<Token> list() {
        return tokens;
    }

    int size() {
        return tokens.size();
    }

    Token get(int i) {
        return tokens.get(i);
    }

    /** Index of the first token starting at or after {@code offset}, or size(). */
    int firstAtOrAfter(int offset) {
        int lo = 0, hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).start() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The text with no-break, thin and other exotic spaces turned into plain spaces, so that regular expressions'
     * {@code \s} sees them; same length, so offsets are unchanged.
     */
    static String plainSpaces(String text) {
        char[] c = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch != ' ' && ch != '\n' && ch != '\r' && ch != '\t' && Character.isSpaceChar(ch)) {
                if (c == null) {
                    c = text.toCharArray();
                }
                c[i] = ' ';
            }
        }
        return c == null ? text : new String(c);
    }

    /** Lower case, accents stripped: the form aliases and lexicon words are compared in. */
    static String normalise(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (!isCombining(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    /** Splits a phrase (an alias, a place name) into normalised word tokens, the way article text is split. */
    static List<String> normTokens(String phrase) {
        List<String> out = new ArrayList<>();
        for (Token t : of(phrase).list()) {
            out.add(t.norm());
        }
        return out;
    }

    /** Spaces, dashes, apostrophes; also the dot of an initial ("U.S."). */
    static boolean isSoftGap(String text, int from, int to, boolean afterInitial) {
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c == '.' && afterInitial) {
                continue;
            }
            if (!(Character.isWhitespace(c) || c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2012'
                    || c == '\u2013' || c == '\u2014' || c == '\'' || c == '\u2019' || c == '\u2018'
                    || c == '\u02BC' || c == '`' || c == '\u00A0')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCombining(char c) {
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }
}
