package dev.claimtrail.claims.extraction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reporting cues, kept as data ({@code claimtrail/extraction/cues.tsv}) so that adding a verb
 * is an edit to a list, not to the attribution code.
 */
public final class CueLexicon {

    public enum Kind { VERB, PARTICLE, NOUN, CONCERN }

    /** @param npContent whether a bare noun phrase can be the content ("denied the presence of ...") */
    public record Cue(String lemma, Kind kind, String stance, boolean npContent) {
        public boolean isReply() {
            return "reply".equals(stance);
        }

        public boolean isDenial() {
            return "denies".equals(stance);
        }
    }

    /** Words other than cue forms that make a sentence worth parsing. */
    private static final Set<String> TRIGGER_WORDS = Set.of("according", "reportedly", "allegedly", "purportedly", "quoted",
            "quoting", "cited", "citing", "referred", "referenced", "focused", "focusing", "put", "puts");
    /** The verbs that turn a concern noun into a cue: "expressed concern", "voiced fears". */
    static final Set<String> CONCERN_VERBS = Set.of("express", "voice", "raise", "report", "share", "reiterate");

    private final Map<String, Cue> verbs = new HashMap<>();
    private final Map<String, Cue> particleVerbs = new HashMap<>(); // key "play down"
    private final Map<String, Cue> nouns = new HashMap<>();
    private final Map<String, Cue> concernNouns = new HashMap<>();
    private final Set<String> forms = new HashSet<>(TRIGGER_WORDS);

    private CueLexicon() {
    }

    public static CueLexicon standard() {
        String resource = "/claimtrail/extraction/cues.tsv";
        try (InputStream in = CueLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CueLexicon parse(BufferedReader reader) throws IOException {
        CueLexicon lexicon = new CueLexicon();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length < 5) {
                throw new IllegalStateException("bad cue line: " + line);
            }
            Kind kind = Kind.valueOf(cols[1].trim().toUpperCase(Locale.ROOT));
            Cue cue = new Cue(cols[0].trim(), kind, cols[2].trim(), "np".equals(cols[3].trim()));
            switch (kind) {
                case VERB -> lexicon.verbs.put(cue.lemma(), cue);
                case PARTICLE -> lexicon.particleVerbs.put(cue.lemma(), cue);
                case NOUN -> lexicon.nouns.put(cue.lemma(), cue);
                case CONCERN -> lexicon.concernNouns.put(cue.lemma(), cue);
            }
            for (String form : cols[4].split(",")) {
                lexicon.forms.add(form.trim().toLowerCase(Locale.ROOT));
            }
        }
        return lexicon;
    }

    /** Whether a word (any case) can start an attribution; decides which sentences get parsed. */
    public boolean isTriggerForm(String word) {
        return forms.contains(word.toLowerCase(Locale.ROOT));
    }

    public Optional<Cue> verb(String lemma) {
        return Optional.ofNullable(verbs.get(lemma.toLowerCase(Locale.ROOT)));
    }

    public Optional<Cue> particleVerb(String lemma, String particle) {
        return Optional.ofNullable(particleVerbs.get(lemma.toLowerCase(Locale.ROOT) + " " + particle.toLowerCase(Locale.ROOT)));
    }

    public Optional<Cue> noun(String lemma) {
        return Optional.ofNullable(nouns.get(lemma.toLowerCase(Locale.ROOT)));
    }

    public Optional<Cue> concernNoun(String lemma) {
        return Optional.ofNullable(concernNouns.get(lemma.toLowerCase(Locale.ROOT)));
    }
}
