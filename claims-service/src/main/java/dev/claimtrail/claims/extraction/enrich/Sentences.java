package dev.claimtrail.claims.extraction.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small rule-based sentence and paragraph splitter, enough to bound the context windows of the finders (which
 * sentence an IS mention sits in, where a look-back stops). The attribution core has CoreNLP's sentences; these
 * finders only need coarse, dependable boundaries and must not depend on CoreNLP.
 */
final class Sentences {

    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj",
            "capt", "sgt", "st", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
            "oct", "nov", "dec", "prof", "rep", "sen", "gov", "pres", "jr", "sr", "inc", "co", "corp", "ltd", "approx");

    private Sentences() {
    }

    /** Sentence spans [start, end) covering the non-blank text; a line break always ends a sentence. */
    static List<int[]> split(String text) {
        List<int[]> out = new ArrayList<>();
        int n = text.length();
        int start = skipSpace(text, 0, n);
        int i = start;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                add(out, text, start, i);
                start = skipSpace(text, i + 1, n);
                i = start;
                continue;
            }
            if ((c == '.' || c == '!' || c == '?') && endsSentence(text, i)) {
                int e = i + 1;
                while (e < n && isCloser(text.charAt(e))) {
                    e++;
                }
                add(out, text, start, e);
                start = skipSpace(text, e, n);
                i = start;
                continue;
            }
            i++;
        }
        add(out, text, start, n);
        return out;
    }

    /** Paragraph spans: text between line breaks. */
    static List<int[]> paragraphs(String text) {
        List<int[]> out = new ArrayList<>();
        int s = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                add(out, text, s, i);
                s = i + 1;
            }
        }
        return out;
    }

    /** The span in {@code spans} holding {@code offset}, or the nearest one before it; null if none. */
    static int[] around(List<int[]> spans, int offset) {
        int[] best = null;
        for (int[] s : spans) {
            if (s[0] <= offset) {
                best = s;
                if (offset < s[1]) {
                    return s;
                }
            } else {
                break;
            }
        }
        return best;
    }

    static int indexOf(List<int[]> spans, int offset) {
        int idx = -1;
        for (int k = 0; k < spans.size(); k++) {
            if (spans.get(k)[0] <= offset) {
                idx = k;
            } else {
                break;
            }
        }
        return idx;
    }

    private static boolean endsSentence(String text, int i) {
        int n = text.length();
        int j = i + 1;
        while (j < n && isCloser(text.charAt(j))) {
            j++;
        }
        if (j < n && !isSpace(text.charAt(j))) {
            return false;
        }
        while (j < n && isSpace(text.charAt(j)) && text.charAt(j) != '\n') {
            j++;
        }
        if (j < n && Character.isLowerCase(text.charAt(j))) {
            return false;
        }
        if (text.charAt(i) == '.') {
            int w = i;
            while (w > 0 && Character.isLetter(text.charAt(w - 1))) {
                w--;
            }
            String word = text.substring(w, i);
            if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
                return false; // an initial: "J. Smith", "U.S."
            }
            if (ABBREVIATIONS.contains(word.toLowerCase())) {
                return false;
            }
        }
        return true;
    }

    /** Whitespace including the no-break space that web text is full of. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '\u201D' || c == '\u2019' || c == ')' || c == ']';
    }

    private static int skipSpace(String text, int i, int n) {
        while (i < n && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void add(List<int[]> out, String text, int s, int e) {
        while (e > s && isSpace(text.charAt(e - 1))) {
            e--;
        }
        if (e > s) {
            out.add(new int[] {s, e});
        }
    }
}
