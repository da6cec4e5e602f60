package dev.claimtrail.query.denials;

import dev.claimtrail.events.Claim;
import dev.claimtrail.query.served.ContentTokens;
import dev.claimtrail.query.served.ServedClaim;
import dev.claimtrail.query.served.SourceIdentity;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether an assertion contradicts a denial that names no subject, such as "denied the presence of
 * terrorist groups in Afghanistan": such a denial is about a place and whatever it names there. A pure
 * function of the two claims.
 *
 * <p>The assertion must be about the same place: it lists the place, or its content names it, also as
 * the adjective or demonym formed on it ("Afghan militants" for Afghanistan, "Tajik" for Tajikistan,
 * "Pakistani" for Pakistan). Then either
 * <ul>
 *   <li>it shares {@code minSharedWords} content words with the denial besides the place names
 *       ("organisations" and "groups" count as one word), or</li>
 *   <li>the denial denies armed groups of some kind ("terrorist groups", "militants") and the assertion
 *       names a specific group other than the denier ("ISKP", "al-Qaeda") and calls something there armed
 *       ("militants", "terrorist organisations"): a report of such a group there is an instance of what
 *       the denial says is absent.</li>
 * </ul>
 */
public final class DenialMatcher {

    /**
     * Words that make a group an armed one, as {@link ContentTokens} stems them. "Group" or "organisation"
     * alone is not enough ("the Working Group on Afghanistan").
     */
    static final Set<String> ARMED_WORDS = Set.of("armed", "militant", "terrorist", "extremist", "insurgent",
            "jihadist", "fighter", "militia", "rebel", "gunmen", "gunman");

    /** A demonym or adjective and its place name share at least this many leading letters. */
    private static final int MIN_STEM = 4;

    private final int minSharedWords;

    public DenialMatcher(int minSharedWords) {
        this.minSharedWords = minSharedWords;
    }

    /** @param places the denial's places, canonical ({@link SourceIdentity#canonical}) */
    public boolean contradicts(ServedClaim denial, Set<String> places, Claim assertion) {
        Set<String> words = words(assertion);
        if (!samePlace(places, assertion, words)) {
            return false;
        }
        Set<String> denied = folded(denial.tokens());
        Set<String> said = folded(words);
        Set<String> shared = new HashSet<>(said);
        shared.retainAll(denied);
        shared.removeIf(w -> places.stream().anyMatch(p -> placeWord(w, p)));
        if (shared.size() >= minSharedWords) {
            return true;
        }
        boolean deniesArmedGroups = denied.stream().anyMatch(ARMED_WORDS::contains);
        boolean namesAnArmedGroup = said.stream().anyMatch(ARMED_WORDS::contains)
                && namesOtherThan(assertion, denial.claim().source());
        return deniesArmedGroups && namesAnArmedGroup;
    }

    /**
     * Prefixes for a full-text prefix search that finds every claim whose content can name one of the
     * places (a superset: {@link #contradicts} checks each). One per single-word place; multi-word places
     * are found by their location rows only.
     */
    public static List<String> searchPrefixes(Set<String> places) {
        Set<String> out = new LinkedHashSet<>();
        for (String place : places) {
            if (place.matches("[a-z]+")) {
                out.add(place.substring(0, Math.min(place.length(), Math.max(MIN_STEM + 1, (place.length() + 1) / 2))));
            }
        }
        return List.copyOf(out);
    }

    /** Whether a content word is the place's name or a word formed on it ("afghan", "pakistani"). */
    static boolean placeWord(String word, String place) {
        if (word.equals(place)) {
            return true;
        }
        if (place.indexOf(' ') >= 0 || word.length() < MIN_STEM) {
            return false;
        }
        String shorter = word.length() < place.length() ? word : place;
        String longer = shorter.equals(word) ? place : word;
        // "afghan"/"afghanistan", "tajik"/"tajikistan", "pakistan"/"pakistani", "iran"/"iranian"; never a
        // short accidental prefix ("afg"), nor a long word that merely starts with the name
        return longer.startsWith(shorter) && shorter.length() >= MIN_STEM && shorter.length() * 2 >= longer.length();
    }

    private static boolean samePlace(Set<String> places, Claim assertion, Set<String> words) {
        for (Claim.Location l : assertion.locations()) {
            String name = l == null ? null : SourceIdentity.canonical(l.name());
            if (name != null && places.contains(name)) {
                return true;
            }
        }
        String text = " " + String.join(" ", words) + " ";
        for (String place : places) {
            if (place.indexOf(' ') >= 0 ? text.contains(" " + place + " ") : words.stream().anyMatch(w -> placeWord(w, place))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the assertion is about an entity other than the one that denies. */
    private static boolean namesOtherThan(Claim assertion, Claim.Source denier) {
        Set<String> self = new HashSet<>();
        if (denier != null) {
            addCanonical(self, denier.name());
            addCanonical(self, denier.organisation());
        }
        for (Claim.Subject s : assertion.subjects()) {
            if (s == null || s.id() == null || s.id().isBlank()) {
                continue;
            }
            String id = SourceIdentity.canonical(s.id());
            String alias = SourceIdentity.canonical(s.alias());
            if (!self.contains(id) && (alias == null || !self.contains(alias))) {
                return true;
            }
        }
        return false;
    }

    private static void addCanonical(Set<String> out, String name) {
        String canonical = SourceIdentity.canonical(name);
        if (canonical != null) {
            out.add(canonical);
        }
    }

    private static Set<String> words(Claim claim) {
        return ContentTokens.of(claim.content() == null ? null : claim.content().text());
    }

    /** "organisations" and "organizations" say what "groups" does. */
    private static Set<String> folded(Set<String> words) {
        Set<String> out = new HashSet<>();
        for (String w : words) {
            out.add(w.equals("organisation") || w.equals("organization") ? "group" : w);
        }
        return out;
    }
}
