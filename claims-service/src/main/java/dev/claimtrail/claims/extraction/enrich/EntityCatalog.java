package dev.claimtrail.claims.extraction.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The curated entity list ({@code claimtrail/entities.tsv}): one canonical id per armed group or alliance with
 * the many ways news writes it. Shipped as data so that a new spelling is a one-line change. Immutable and
 * thread-safe; {@link #curated()} is loaded once.
 *
 * <p>Besides aliases each entity has a kind ({@value #GROUP} or {@value #ORGANISATION}), the countries it
 * operates in, and optionally the entity it is a branch of. The branch link drives claims.md settled rule 5:
 * a mention of the parent ("IS", "Daesh") is read as the branch (ISKP) when its context places it in the
 * branch's home country (Afghanistan) or names the branch.
 */
public final class EntityCatalog {

    public static final String GROUP = "group";
    public static final String ORGANISATION = "organisation";
    static final String RESOURCE = "claimtrail/entities.tsv";

    /** An entity of the catalogue. */
    public record Entity(String id, String kind, Set<String> home, String branchOf, List<String> aliases) {
    }

    private static final class Holder {
        static final EntityCatalog CURATED = load(RESOURCE, Gazetteer.curated());
    }

    private final Map<String, Entity> entities;
    private final PhraseTrie<String> aliases;
    private final Gazetteer gazetteer;

    private EntityCatalog(Map<String, Entity> entities, PhraseTrie<String> aliases, Gazetteer gazetteer) {
        this.entities = Collections.unmodifiableMap(entities);
        this.aliases = aliases;
        this.gazetteer = gazetteer;
    }

    /** The shipped list, loaded once. */
    public static EntityCatalog curated() {
        return Holder.CURATED;
    }

    static EntityCatalog load(String resource, Gazetteer gazetteer) {
        InputStream in = EntityCatalog.class.getClassLoader().getResourceAsStream(resource);
        if (in == null && Thread.currentThread().getContextClassLoader() != null) {
            in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        }
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        Map<String, Entity> entities = new LinkedHashMap<>();
        PhraseTrie<String> trie = new PhraseTrie<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < 5) {
                    throw new IllegalStateException(resource + ": expected 5 tab-separated fields: " + line);
                }
                String id = f[0].trim();
                List<String> names = splitBar(f[4]);
                Entity e = new Entity(id, f[1].trim(), Set.copyOf(splitBar(f[2])),
                        f[3].isBlank() ? null : f[3].trim(), names);
                entities.put(id, e);
                trie.add(id, id, false);
                for (String a : names) {
                    trie.add(stripThe(a), id, false);
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new EntityCatalog(entities, trie, gazetteer);
    }

    private static List<String> splitBar(String s) {
        return s.isBlank() ? List.of() : java.util.Arrays.stream(s.split("\\|")).map(String::trim)
                .filter(x -> !x.isEmpty()).toList();
    }

    static String stripThe(String s) {
        return s.regionMatches(true, 0, "the ", 0, 4) ? s.substring(4).trim() : s;
    }

    /** All entities by id. */
    public Map<String, Entity> entities() {
        return entities;
    }

    public Optional<Entity> entity(String id) {
        return Optional.ofNullable(id == null ? null : entities.get(id));
    }

    /** The kind of an entity, {@value #GROUP} or {@value #ORGANISATION}. */
    public Optional<String> kindOf(String id) {
        return entity(id).map(Entity::kind);
    }

    /**
     * The entity id a whole name stands for ("the Collective Security Treaty Organisation" → CSTO), ignoring a
     * leading "the". Empty when the name is not (exactly) a known alias. Useful to link a source's organisation.
     */
    public Optional<String> idOf(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        TextTokens t = TextTokens.of(stripThe(name.trim()));
        if (t.size() == 0) {
            return Optional.empty();
        }
        PhraseTrie.Match<String> m = aliases.longestAt(t, 0, t.size());
        return m != null && m.lastToken() == t.size() - 1 ? Optional.of(m.payloads().get(0)) : Optional.empty();
    }

    PhraseTrie<String> aliasTrie() {
        return aliases;
    }

    Gazetteer gazetteer() {
        return gazetteer;
    }
}
