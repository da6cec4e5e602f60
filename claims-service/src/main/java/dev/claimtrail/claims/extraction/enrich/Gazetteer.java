package dev.claimtrail.claims.extraction.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The curated place list ({@code claimtrail/places.tsv}): countries with their capitals and adjectival forms,
 * regions, and the provinces, districts and cities of Central and South Asia that the news this system reads
 * keeps naming. Shared by {@link LocationFinder} and by the IS/ISKP placement rule of {@link ArticleEntities}.
 * Immutable, loaded once.
 */
final class Gazetteer {

    static final String RESOURCE = "claimtrail/places.tsv";

    /** A place: canonical name, type (country, region, province, district, city, border) and ISO country code. */
    record Place(String name, String type, String country) {
    }

    private static final class Holder {
        static final Gazetteer CURATED = load(RESOURCE);
    }

    private final PhraseTrie<Place> names = new PhraseTrie<>();
    /** "Afghan", "Tajik": only meaningful as a place before a place noun ("Afghan soil", "Tajik territory"). */
    private final PhraseTrie<Place> adjectives = new PhraseTrie<>();

    static Gazetteer curated() {
        return Holder.CURATED;
    }

    static Gazetteer load(String resource) {
        Gazetteer g = new Gazetteer();
        InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(resource);
        if (in == null && Thread.currentThread().getContextClassLoader() != null) {
            in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        }
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                String country = f.length > 2 && !f[2].isBlank() ? f[2].trim() : null;
                Place p = new Place(f[0].trim(), f.length > 1 ? f[1].trim() : "place", country);
                g.names.add(p.name(), p, true);
                if (f.length > 3) {
                    for (String v : f[3].split("\\|")) {
                        if (!v.isBlank()) {
                            g.names.add(stripThe(v.trim()), p, true);
                        }
                    }
                }
                if (f.length > 4) {
                    for (String a : f[4].split("\\|")) {
                        if (!a.isBlank()) {
                            g.adjectives.add(a.trim(), p, true);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return g;
    }

    private static String stripThe(String s) {
        return s.regionMatches(true, 0, "the ", 0, 4) ? s.substring(4) : s;
    }

    PhraseTrie<Place> names() {
        return names;
    }

    PhraseTrie<Place> adjectives() {
        return adjectives;
    }
}
