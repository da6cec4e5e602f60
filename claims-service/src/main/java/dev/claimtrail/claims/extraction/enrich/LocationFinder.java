package dev.claimtrail.claims.extraction.enrich;

import dev.claimtrail.events.Claim;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Places named in a span, from the curated gazetteer ({@code claimtrail/places.tsv}: every country with its capital
 * and adjectival form, world regions, and the provinces, districts and cities of Central and South Asia) plus the
 * LOCATION spans CoreNLP found. Immutable and thread-safe.
 *
 * <p>Decisions:
 * <ul>
 * <li>Names are canonical when the gazetteer knows them ("Republic of Tajikistan" → Tajikistan, "Badakhshan
 * province" → Badakhshan), else as written (an NER span).</li>
 * <li>An adjectival form is a place only before a place noun: "Tajik territory", "Afghan soil", "Central Asian
 * states" are places; "Afghan refugees", "Kyrgyz nationals" are people. "Tajik-Afghan border" is one place.</li>
 * <li>A compass word makes the place part of a country: "northern Afghanistan", "the northern provinces of
 * Afghanistan" → northern Afghanistan.</li>
 * <li>Places inside an entity's name are not places of the claim ("Tehreek-e-Taliban Pakistan", "Islamic Emirate of
 * Afghanistan").</li>
 * <li>One location per canonical name, at its first occurrence, in text order.</li>
 * </ul>
 */
public final class LocationFinder {

    private static final Set<String> PLACE_NOUNS = Set.of("territory", "territories", "soil", "border", "borders",
            "side", "camps", "province", "provinces", "region", "regions", "capital", "airspace", "frontier",
            "frontiers", "land", "lands", "states", "countries", "republics", "nations", "neighbours", "neighbors",
            "city", "cities", "villages", "districts", "mountains", "valley", "countryside", "enclave", "area", "areas",
            "border-crossing", "crossing", "crossings", "segment", "section", "sections");
    private static final Set<String> COMPASS = Set.of("northern", "southern", "eastern", "western", "northeastern",
            "northwestern", "southeastern", "southwestern", "central", "north-eastern", "north-western",
            "south-eastern", "south-western");
    private static final Set<String> PARTS = Set.of("provinces", "regions", "parts", "areas", "districts", "part",
            "region", "territories", "borders", "border");

    private final Gazetteer gazetteer;
    private final EntityCatalog entities;

    private LocationFinder(Gazetteer gazetteer, EntityCatalog entities) {
        this.gazetteer = gazetteer;
        this.entities = entities;
    }

    /** The shipped gazetteer. */
    public static LocationFinder curated() {
        return new LocationFinder(Gazetteer.curated(), EntityCatalog.curated());
    }

    private record Hit(int start, int end, String name) {
    }

    /**
     * The places named in [start, end) of {@code text}; {@code nerLocationSpans} are CoreNLP LOCATION token spans
     * [start, end) inside the range (may be empty or null).
     */
    public List<Claim.Location> find(String text, int start, int end, List<int[]> nerLocationSpans) {
        if (text == null) {
            return List.of();
        }
        int s = Math.max(0, start);
        int e = Math.min(text.length(), end);
        if (s >= e) {
            return List.of();
        }
        TextTokens toks = TextTokens.of(text, s, e);
        List<int[]> masked = new ArrayList<>();
        for (PhraseTrie.Match<String> m : entities.aliasTrie().scan(toks, 0, toks.size())) {
            masked.add(new int[] {toks.get(m.firstToken()).start(), toks.get(m.lastToken()).end()});
        }
        List<Hit> hits = new ArrayList<>();
        int i = 0;
        while (i < toks.size()) {
            PhraseTrie.Match<Gazetteer.Place> name = gazetteer.names().longestAt(toks, i, toks.size());
            PhraseTrie.Match<Gazetteer.Place> adj = gazetteer.adjectives().longestAt(toks, i, toks.size());
            int from = toks.get(i).start();
            if (adj != null && (name == null || adj.lastToken() > name.lastToken())) {
                Hit h = adjectival(text, toks, adj);
                if (h != null && !inside(masked, h.start())) {
                    hits.add(h);
                    i = toks.firstAtOrAfter(h.end());
                    continue;
                }
            }
            if (name != null && !inside(masked, from) && !gluedToAName(text, toks, name.lastToken())) {
                Gazetteer.Place p = name.payloads().get(0);
                int hs = from;
                int he = toks.get(name.lastToken()).end();
                String canonical = p.name();
                if ("country".equals(p.type()) || "region".equals(p.type())) {
                    int dir = compass(toks, name.firstToken());
                    if (dir >= 0) {
                        canonical = toks.get(dir).norm() + " " + canonical;
                        hs = toks.get(dir).start();
                    }
                }
                hits.add(new Hit(hs, he, canonical));
                i = name.lastToken() + 1;
                continue;
            }
            i++;
        }
        if (nerLocationSpans != null) {
            for (int[] span : nerLocationSpans) {
                if (span == null || span.length < 2) {
                    continue;
                }
                int ns = Math.max(s, span[0]);
                int ne = Math.min(e, span[1]);
                if (ns >= ne || overlapsAny(hits, ns, ne) || inside(masked, ns)) {
                    continue;
                }
                String written = EntityCatalog.stripThe(text.substring(ns, ne).trim());
                if (!written.isEmpty()) {
                    hits.add(new Hit(ns, ne, canonicalOf(written)));
                }
            }
        }
        hits.sort(Comparator.comparingInt(Hit::start));
        Map<String, Claim.Location> out = new LinkedHashMap<>();
        for (Hit h : hits) {
            out.putIfAbsent(h.name().toLowerCase(Locale.ROOT), new Claim.Location(h.name(), h.start(), h.end()));
        }
        return List.copyOf(out.values());
    }

    /** "Tajik territory", "Tajik-Afghan border", "the northern provinces of Afghanistan" is handled by compass(). */
    private Hit adjectival(String text, TextTokens toks, PhraseTrie.Match<Gazetteer.Place> adj) {
        int k = adj.lastToken() + 1;
        Gazetteer.Place p = adj.payloads().get(0);
        // "Tajik-Afghan border": two adjectival forms joined by a hyphen before "border"
        if (k < toks.size() && toks.get(k).softGapBefore()) {
            PhraseTrie.Match<Gazetteer.Place> second = gazetteer.adjectives().longestAt(toks, k, toks.size());
            if (second != null && second.lastToken() + 1 < toks.size()
                    && toks.get(second.lastToken() + 1).norm().startsWith("border")
                    && text.substring(toks.get(adj.lastToken()).end(), toks.get(k).start()).trim().matches("[-‐–]")) {
                int end = toks.get(second.lastToken() + 1).end();
                String name = toks.get(adj.firstToken()).raw() + "-" + text.substring(toks.get(k).start(),
                        toks.get(second.lastToken()).end()) + " border";
                return new Hit(toks.get(adj.firstToken()).start(), end, name);
            }
        }
        if (k + 1 < toks.size() && toks.get(k).norm().equals("member") && toks.get(k + 1).softGapBefore()) {
            k++; // "Central Asian member states"
        }
        if (k < toks.size() && toks.get(k).softGapBefore() && PLACE_NOUNS.contains(toks.get(k).norm())) {
            return new Hit(toks.get(adj.firstToken()).start(), toks.get(adj.lastToken()).end(), p.name());
        }
        return null;
    }

    /**
     * "Asia-Plus", "Kabul-Times": a place glued by a hyphen to a capitalised word that is no place is part of a name.
     */
    private boolean gluedToAName(String text, TextTokens toks, int last) {
        int k = last + 1;
        if (k >= toks.size() || !toks.get(k).isCapitalised()) {
            return false;
        }
        String gap = text.substring(toks.get(last).end(), toks.get(k).start());
        if (!gap.equals("-")) {
            return false;
        }
        return gazetteer.names().longestAt(toks, k, toks.size()) == null
                && gazetteer.adjectives().longestAt(toks, k, toks.size()) == null;
    }

    /** The compass token of "northern Afghanistan", "the northern provinces of Afghanistan"; -1 if none. */
    private static int compass(TextTokens toks, int first) {
        if (first >= 1 && toks.get(first).softGapBefore() && COMPASS.contains(toks.get(first - 1).norm())) {
            return first - 1;
        }
        // "the northern provinces of Afghanistan": compass, part noun, "of"
        if (first >= 3 && toks.get(first - 1).norm().equals("of") && PARTS.contains(toks.get(first - 2).norm())
                && COMPASS.contains(toks.get(first - 3).norm())) {
            return first - 3;
        }
        return -1;
    }

    private String canonicalOf(String written) {
        TextTokens t = TextTokens.of(written);
        PhraseTrie.Match<Gazetteer.Place> m = t.size() == 0 ? null : gazetteer.names().longestAt(t, 0, t.size());
        return m != null && m.lastToken() == t.size() - 1 ? m.payloads().get(0).name() : written;
    }

    private static boolean inside(List<int[]> spans, int offset) {
        for (int[] sp : spans) {
            if (sp[0] <= offset && offset < sp[1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlapsAny(List<Hit> hits, int s, int e) {
        for (Hit h : hits) {
            if (s < h.end() && e > h.start()) {
                return true;
            }
        }
        return false;
    }
}
