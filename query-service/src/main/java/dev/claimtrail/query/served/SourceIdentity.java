package dev.claimtrail.query.served;

import dev.claimtrail.events.Claim;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Who said it, in the form the cross-article views compare sources in. Outlets spell the same
 * person and body differently ("Andrey" / "Andrei Serdyukov", "the CSTO" / "CSTO"), and rule 6 of
 * claims.md makes "the CSTO" in one report and a CSTO official in another the same source of one
 * statement. Two distinct people of one organisation are never the same source.
 */
public final class SourceIdentity {

    /** Titles and ranks an outlet may or may not put before a name. */
    private static final Set<String> TITLES = Set.of("the", "mr", "mrs", "ms", "dr", "general", "gen", "colonel",
            "col", "president", "minister", "prime", "lieutenant", "major", "sir", "prof", "professor", "ambassador",
            "admiral", "sheikh", "mullah");

    /** Whole-token spellings of the same transliterated name that the suffix rules below cannot unify. */
    private static final Map<String, String> NAME_VARIANTS = Map.of(
            "semen", "semyon",
            "yevgeny", "evgeny",
            "yevgeni", "evgeny",
            "iurii", "yuri",
            "yury", "yuri");

    private SourceIdentity() {
    }

    /** Whether the source is unnamed ("a source", "officials"): such a source identifies no one. */
    public static boolean unnamed(Claim.Source source) {
        return source == null || source.name() == null || source.name().isBlank()
                || Claim.Source.UNNAMED.equals(source.type())
                || "unnamed source".equalsIgnoreCase(source.name().trim());
    }

    public static boolean person(Claim.Source source) {
        return source != null && Claim.Source.PERSON.equals(source.type());
    }

    /**
     * The canonical form of a name: accents, case, punctuation, a leading "the" and titles removed, and
     * Russian transliteration variants (Andrey/Andrei, Aleksandr/Alexander, Anatoliy/Anatoly,
     * Grigoriev/Grigoryev) brought to one spelling. Null for a blank name.
     */
    public static String canonical(String name) {
        List<String> tokens = tokens(name);
        return tokens.isEmpty() ? null : String.join(" ", tokens);
    }

    /** The key sources are grouped by in the sources view: null for an unnamed source. */
    public static String key(Claim.Source source) {
        return unnamed(source) ? null : canonical(source.name());
    }

    /**
     * Index keys under which a claim's possible co-reports are found. Every pair of sources that
     * {@link #same} accepts shares at least one of them, which is what makes candidate lookup by key
     * complete (and so independent of the order claims arrive in).
     */
    public static Set<String> blockingKeys(Claim.Source source) {
        Set<String> keys = new LinkedHashSet<>();
        if (unnamed(source)) {
            return keys;
        }
        List<String> name = tokens(source.name());
        if (name.isEmpty()) {
            return keys;
        }
        keys.add("name:" + String.join(" ", name));
        if (person(source)) {
            keys.add("surname:" + name.get(name.size() - 1));
        } else {
            keys.add("body:" + String.join(" ", name));
        }
        String organisation = canonical(source.organisation());
        if (organisation != null) {
            keys.add("body:" + organisation);
        }
        return keys;
    }

    /**
     * Whether two named sources can be the same speaker: the same canonical name; two people with the
     * same surname whose given names do not disagree ("Sidorov" and "Anatoly Sidorov"); or a body and
     * someone (or something) speaking for it ("CSTO" and Sidorov of the CSTO). Unnamed sources are
     * never the same as a named one; between themselves they are decided by the caller.
     */
    public static boolean same(Claim.Source a, Claim.Source b) {
        if (unnamed(a) || unnamed(b)) {
            return unnamed(a) && unnamed(b);
        }
        List<String> left = tokens(a.name());
        List<String> right = tokens(b.name());
        if (left.isEmpty() || right.isEmpty()) {
            return false;
        }
        if (left.equals(right)) {
            return true;
        }
        if (person(a) && person(b)) {
            return samePerson(left, right);
        }
        if (person(a) != person(b)) {
            Claim.Source body = person(a) ? b : a;
            Claim.Source speaker = person(a) ? a : b;
            String organisation = canonical(speaker.organisation());
            return organisation != null && organisation.equals(canonical(body.name()));
        }
        // two bodies: one may be named as the other's parent ("CSTO" and "CSTO Joint Staff" of CSTO)
        String bodyA = String.join(" ", left);
        String bodyB = String.join(" ", right);
        return bodyA.equals(canonical(b.organisation())) || bodyB.equals(canonical(a.organisation()));
    }

    private static boolean samePerson(List<String> a, List<String> b) {
        if (!a.get(a.size() - 1).equals(b.get(b.size() - 1))) {
            return false;
        }
        if (a.size() == 1 || b.size() == 1) {
            return true; // a surname alone
        }
        String givenA = a.get(0);
        String givenB = b.get(0);
        if (givenA.equals(givenB)) {
            return true;
        }
        // an initial ("A. Sidorov") agrees with any given name that starts with it
        return (givenA.length() == 1 && givenB.startsWith(givenA)) || (givenB.length() == 1 && givenA.startsWith(givenB));
    }

    static List<String> tokens(String name) {
        if (name == null) {
            return List.of();
        }
        // Story matching compares the same few thousand names millions of times: fold each once.
        List<String> known = TOKENS.get(name);
        if (known != null) {
            return known;
        }
        if (TOKENS.size() > TOKENS_KEPT) {
            TOKENS.clear();
        }
        List<String> folded = fold(name);
        TOKENS.put(name, folded);
        return folded;
    }

    private static final int TOKENS_KEPT = 100_000;
    private static final Map<String, List<String>> TOKENS = new ConcurrentHashMap<>();
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’`]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private static List<String> fold(String name) {
        String folded = APOSTROPHES.matcher(MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD))
                .replaceAll("").toLowerCase(Locale.ROOT)).replaceAll("");
        List<String> out = new ArrayList<>();
        for (String token : SEPARATORS.split(folded)) {
            if (token.isEmpty()) {
                continue;
            }
            if (out.isEmpty() && TITLES.contains(token)) {
                continue; // only leading titles: "Joint Staff" inside a name stays
            }
            out.add(transliterated(token));
        }
        return List.copyOf(out);
    }

    /** One spelling for the common variants of romanised Russian names. */
    static String transliterated(String token) {
        String t = NAME_VARIANTS.getOrDefault(token, token);
        if (t.length() <= 3) {
            return t;
        }
        t = t.replace("ks", "x");
        if (t.endsWith("iy") || t.endsWith("yy")) {
            t = t.substring(0, t.length() - 2) + "y"; // Anatoliy, Dmitriy
        } else if (t.endsWith("ey")) {
            t = t.substring(0, t.length() - 2) + "ei"; // Andrey, Sergey, Alexey
        }
        if (t.endsWith("iev")) {
            t = t.substring(0, t.length() - 3) + "yev"; // Grigoriev
        }
        if (t.endsWith("andr")) {
            t = t.substring(0, t.length() - 1) + "er"; // Alexandr
        }
        return t;
    }
}
