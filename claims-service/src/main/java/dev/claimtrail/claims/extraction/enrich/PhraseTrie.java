package dev.claimtrail.claims.extraction.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trie over normalised word tokens: finds the longest listed phrase starting at a token in time proportional to
 * the phrase length, so scanning a whole article is one left-to-right pass (leftmost-longest, like Aho–Corasick
 * without the failure links, which longest-match-then-skip does not need). Immutable after construction.
 *
 * <p>Case: a phrase token with two or more capitals and at most five characters ("IS", "TTP", "LeT") is an
 * acronym and matches only the exact spelling, so "is", "its" or "let" never match. A phrase may also demand that
 * the text's first token be capitalised (place names: "Chad", "Turkey").
 */
final class PhraseTrie<T> {

    record Entry<T>(T payload, String[] raw, boolean[] exactCase, boolean capitalisedFirst) {
    }

    record Match<T>(int firstToken, int lastToken, List<T> payloads) {
    }

    private static final class Node<T> {
        final Map<String, Node<T>> next = new HashMap<>();
        final List<Entry<T>> entries = new ArrayList<>(1);
    }

    private final Node<T> root = new Node<>();

    void add(String phrase, T payload, boolean capitalisedFirst) {
        List<TextTokens.Token> toks = TextTokens.of(phrase).list();
        if (toks.isEmpty()) {
            return;
        }
        Node<T> n = root;
        String[] raw = new String[toks.size()];
        boolean[] exact = new boolean[toks.size()];
        for (int i = 0; i < toks.size(); i++) {
            TextTokens.Token t = toks.get(i);
            n = n.next.computeIfAbsent(t.norm(), k -> new Node<>());
            raw[i] = t.raw();
            exact[i] = isAcronym(t.raw());
        }
        n.entries.add(new Entry<>(payload, raw, exact, capitalisedFirst));
    }

    static boolean isAcronym(String raw) {
        if (raw.length() > 5) {
            return false;
        }
        int caps = 0;
        for (int i = 0; i < raw.length(); i++) {
            if (Character.isUpperCase(raw.charAt(i))) {
                caps++;
            }
        }
        return caps >= 2;
    }

    /** The longest phrase starting at token {@code i} whose tokens are joined only by soft gaps, or null. */
    Match<T> longestAt(TextTokens tokens, int i, int limit) {
        Node<T> n = root;
        Match<T> best = null;
        for (int j = i; j < Math.min(limit, tokens.size()); j++) {
            TextTokens.Token t = tokens.get(j);
            if (j > i && !t.softGapBefore()) {
                break;
            }
            n = n.next.get(t.norm());
            if (n == null) {
                break;
            }
            if (!n.entries.isEmpty()) {
                List<T> ok = new ArrayList<>(1);
                for (Entry<T> e : n.entries) {
                    if (accepts(e, tokens, i)) {
                        ok.add(e.payload());
                    }
                }
                if (!ok.isEmpty()) {
                    best = new Match<>(i, j, ok);
                }
            }
        }
        return best;
    }

    private static <T> boolean accepts(Entry<T> e, TextTokens tokens, int i) {
        if (e.capitalisedFirst() && !tokens.get(i).isCapitalised()) {
            return false;
        }
        for (int k = 0; k < e.raw().length; k++) {
            if (e.exactCase()[k] && !e.raw()[k].equals(tokens.get(i + k).raw())) {
                return false;
            }
        }
        return true;
    }

    /** Every leftmost-longest match between token indices [from, to). */
    List<Match<T>> scan(TextTokens tokens, int from, int to) {
        List<Match<T>> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            Match<T> m = longestAt(tokens, i, to);
            if (m != null) {
                out.add(m);
                i = m.lastToken() + 1;
            } else {
                i++;
            }
        }
        return out;
    }
}
