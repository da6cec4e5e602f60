package dev.claimtrail.claims.extraction.enrich;

import dev.claimtrail.events.Claim;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * claimed_at for all the claims of one article, with claims.md settled rule 4: a time stated once for an occasion
 * carries over to the same source's other claims from that occasion ("at a briefing on Wednesday ... he added").
 * Stateless; thread-safe.
 *
 * <p>For each claim, in this order:
 * <ol>
 * <li>its own evidence, read by {@link TimeResolver};</li>
 * <li>the sentence just before its evidence when that sentence names the source and gives a time, which then
 * sets the scene of the statement ("Tokayev met Putin in Moscow today ... '...,' Putin said");</li>
 * <li>the nearest claim of the same source that has a time of its own or from step 2, preferring the one before
 * (a later "he added" continues the occasion) and otherwise the one after (a lead that summarises the statement
 * dated in the next paragraph).</li>
 * </ol>
 * A claim without a named source ({@code sourceName} null) only gets its own time: unnamed sources are not one
 * speaker on one occasion.
 */
public final class OccasionDates {

    /**
     * One claim of the article: its source's canonical name (null when unnamed), evidence and content offsets.
     */
    public record Input(String sourceName, int evidenceStart, int evidenceEnd, int contentStart, int contentEnd) {
    }

    private final TimeResolver resolver;

    public OccasionDates(TimeResolver resolver) {
        this.resolver = resolver == null ? new TimeResolver() : resolver;
    }

    /** claimed_at of each claim, in the order given; null where the text gives no time. */
    public List<Claim.ClaimedAt> resolve(String articleText, List<Input> claims, LocalDate published) {
        String text = TextTokens.plainSpaces(articleText == null ? "" : articleText);
        int n = claims.size();
        Claim.ClaimedAt[] own = new Claim.ClaimedAt[n];
        List<int[]> sentences = Sentences.split(text);
        boolean[] vague = new boolean[n];
        for (int i = 0; i < n; i++) {
            Input c = claims.get(i);
            own[i] = resolver.resolve(text, c.evidenceStart(), c.evidenceEnd(), c.contentStart(), c.contentEnd(),
                    published);
            if (own[i] == null) {
                vague[i] = saysUndated(text, c);
            }
            if (own[i] == null && !vague[i] && c.sourceName() != null) {
                own[i] = sceneSetting(text, sentences, c, published);
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingInt(i -> claims.get(i).contentStart()));
        List<Claim.ClaimedAt> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(own[i]);
        }
        for (int pos = 0; pos < n; pos++) {
            int i = order[pos];
            if (own[i] != null || vague[i] || claims.get(i).sourceName() == null) {
                continue;
            }
            String key = key(claims.get(i).sourceName());
            // the nearest claim of the same source that says when (or says it was some other, vague time)
            Integer from = null;
            for (int p = pos - 1; p >= 0 && from == null; p--) {
                int j = order[p];
                if ((own[j] != null || vague[j]) && key.equals(key(claims.get(j).sourceName()))) {
                    from = j;
                }
            }
            for (int p = pos + 1; p < n && from == null; p++) {
                int j = order[p];
                if ((own[j] != null || vague[j]) && key.equals(key(claims.get(j).sourceName()))) {
                    from = j;
                }
            }
            out.set(i, from == null ? null : own[from]);
        }
        return out;
    }

    /**
     * Words outside the content that say the statement was made at some unstated time ("recently cautioned", "has
     * repeatedly warned", "in the past six months, according to X"): such a claim takes no date from its neighbours.
     */
    private static final java.util.regex.Pattern VAGUE = java.util.regex.Pattern.compile(
            "(?i)\\b(recently|previously|earlier|repeatedly|in the past|over the past|for years|has long|have long|"
                    + "once|in recent (?:days|weeks|months|years)|lately)\\b");

    private static boolean saysUndated(String text, Input c) {
        int es = Math.max(0, c.evidenceStart());
        int ee = Math.min(text.length(), c.evidenceEnd());
        String outside = text.substring(es, Math.max(es, Math.min(ee, c.contentStart()))) + " "
                + text.substring(Math.min(ee, Math.max(es, c.contentEnd())), ee);
        return VAGUE.matcher(outside).find();
    }

    private Claim.ClaimedAt sceneSetting(String text, List<int[]> sentences, Input c, LocalDate published) {
        int idx = Sentences.indexOf(sentences, c.evidenceStart());
        if (idx <= 0) {
            return null;
        }
        int[] prev = sentences.get(idx - 1);
        if (prev[1] > c.evidenceStart()) {
            return null;
        }
        String surname = surname(c.sourceName());
        if (surname == null || !TextTokens.normTokens(text.substring(prev[0], prev[1])).contains(surname)) {
            return null;
        }
        return resolver.resolve(text, prev[0], prev[1], prev[1], prev[1], published);
    }

    private static String surname(String name) {
        List<String> t = TextTokens.normTokens(name);
        if (t.isEmpty()) {
            return null;
        }
        String last = t.get(t.size() - 1);
        return last.length() > 2 ? last : null;
    }

    private static String key(String name) {
        return name == null ? "" : String.join(" ", TextTokens.normTokens(name)).toLowerCase(Locale.ROOT);
    }
}
