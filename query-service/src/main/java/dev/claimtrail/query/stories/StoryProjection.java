package dev.claimtrail.query.stories;

import dev.claimtrail.query.live.LiveEvents;
import dev.claimtrail.query.served.ServedClaim;
import dev.claimtrail.query.served.ServedClaimsProjection;
import dev.claimtrail.query.served.ViewsConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Maintains stories incrementally as claims join and leave the served set. A joining claim is compared
 * only with the served claims that share one of its blocking keys (a source surname or body) and
 * whose time window overlaps its own — never with everything — and {@link StoryMatcher} decides. The
 * stories touched are then re-formed from the stored links: a story is a connected group of linked
 * claims named by its smallest claim id, so the result depends on the set of served claims only, not
 * on the order they were projected in.
 */
@ApplicationScoped
public class StoryProjection {

    /** Serialises story maintenance across instances: two transactions must not re-form one story each. */
    private static final long LOCK_KEY = 0x53544F5259L; // "STORY"

    @Inject
    EntityManager entityManager;

    @Inject
    ViewsConfig config;

    @Inject
    LiveEvents live;

    StoryMatcher matcher;

    @PostConstruct
    void init() {
        matcher = matcher(config);
    }

    public static StoryMatcher matcher(ViewsConfig config) {
        return new StoryMatcher(config.maxGapDays(), config.minWordOverlap(), config.minSharedWords());
    }

    /** Takes the story lock for the rest of the transaction. */
    public void lock() {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", LOCK_KEY)
                .getSingleResult();
    }

    /** Links a newly served claim (already in served_claim) to its co-reports and re-forms the stories it joins. */
    public void add(ServedClaim claim) {
        if (claim.blockingKeys().isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("""
                SELECT DISTINCT sc.claim_id FROM served_term t
                JOIN served_claim sc ON sc.claim_id = t.claim_id
                WHERE t.kind = 'match' AND t.term IN (:keys) AND sc.article_id <> :article
                """);
        int gap = config.maxGapDays();
        if (claim.windowTo() != null) {
            sql.append("AND (sc.window_from IS NULL OR sc.window_from <= CAST(:to AS date))\n");
        }
        if (claim.windowFrom() != null) {
            sql.append("AND (sc.window_to IS NULL OR sc.window_to >= CAST(:from AS date))\n");
        }
        var query = entityManager.createNativeQuery(sql.toString())
                .setParameter("keys", claim.blockingKeys())
                .setParameter("article", claim.articleId());
        if (claim.windowTo() != null) {
            query.setParameter("to", claim.windowTo().plusDays(gap));
        }
        if (claim.windowFrom() != null) {
            query.setParameter("from", claim.windowFrom().minusDays(gap));
        }
        List<String> candidates = new ArrayList<>();
        for (Object id : query.getResultList()) {
            candidates.add((String) id);
        }
        Set<String> linked = new TreeSet<>();
        for (ServedClaim other : servedClaims(candidates)) {
            StoryMatcher.Basis basis = matcher.match(claim, other);
            if (basis == null) {
                continue;
            }
            String a = claim.id().compareTo(other.id()) < 0 ? claim.id() : other.id();
            String b = a.equals(claim.id()) ? other.id() : claim.id();
            entityManager.createNativeQuery("""
                            INSERT INTO story_link (claim_a, claim_b, basis) VALUES (:a, :b, :basis)
                            ON CONFLICT DO NOTHING""")
                    .setParameter("a", a).setParameter("b", b).setParameter("basis", basis.name())
                    .executeUpdate();
            linked.add(other.id());
        }
        if (linked.isEmpty()) {
            return;
        }
        // Stories are cut from whole linked groups (StoryComponents.stories), so the whole group is re-formed.
        reform(linkedGroup(List.of(claim.id())));
    }

    /**
     * Takes claims out of the stories before they leave the served set: their links go, and each
     * story they were in is re-formed from its remaining members (it may split or dissolve).
     */
    public void remove(Collection<String> claimIds) {
        List<String> ids = List.copyOf(claimIds);
        Set<String> remaining = new TreeSet<>(linkedGroup(ids));
        remaining.addAll(storyMates(ids));
        remaining.removeAll(ids);
        entityManager.createNativeQuery("DELETE FROM story_link WHERE claim_a IN (:ids) OR claim_b IN (:ids)")
                .setParameter("ids", ids).executeUpdate();
        List<?> stories = entityManager.createNativeQuery(
                        "SELECT DISTINCT story_id FROM served_claim WHERE claim_id IN (:ids) AND story_id IS NOT NULL")
                .setParameter("ids", ids).getResultList();
        if (!stories.isEmpty()) {
            entityManager.createNativeQuery("DELETE FROM story WHERE id IN (:stories)")
                    .setParameter("stories", stories).executeUpdate();
        }
        entityManager.createNativeQuery("DELETE FROM served_claim WHERE claim_id IN (:ids)")
                .setParameter("ids", ids).executeUpdate();
        if (!remaining.isEmpty()) {
            reform(remaining);
        }
    }

    /** Every claim in the same story as one of these (the claims themselves included when in a story). */
    private List<String> storyMates(Collection<String> claimIds) {
        List<String> out = new ArrayList<>();
        for (Object id : entityManager.createNativeQuery("""
                        SELECT m.claim_id FROM served_claim m
                        WHERE m.story_id IN (SELECT s.story_id FROM served_claim s
                                             WHERE s.claim_id IN (:ids) AND s.story_id IS NOT NULL)""")
                .setParameter("ids", claimIds).getResultList()) {
            out.add((String) id);
        }
        return out;
    }

    /** The claims connected to these by links, directly or through others, these included. */
    private Set<String> linkedGroup(Collection<String> claimIds) {
        Set<String> out = new TreeSet<>(claimIds);
        for (Object id : entityManager.createNativeQuery("""
                        WITH RECURSIVE g(id) AS (
                            SELECT claim_id FROM served_claim WHERE claim_id IN (:ids)
                            UNION
                            SELECT CASE WHEN l.claim_a = g.id THEN l.claim_b ELSE l.claim_a END
                            FROM story_link l JOIN g ON l.claim_a = g.id OR l.claim_b = g.id)
                        SELECT id FROM g""")
                .setParameter("ids", claimIds).getResultList()) {
            out.add((String) id);
        }
        return out;
    }

    /**
     * Recomputes the stories of a closed set of claims (no links leave it) from their links, and writes
     * only what changed: a claim joining a much-quoted speaker's group must not rewrite the whole group.
     */
    private void reform(Set<String> members) {
        List<StoryComponents.Link> links = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery(
                        "SELECT claim_a, claim_b FROM story_link WHERE claim_a IN (:m) AND claim_b IN (:m)")
                .setParameter("m", members).getResultList()) {
            Object[] r = (Object[]) row;
            links.add(new StoryComponents.Link((String) r[0], (String) r[1]));
        }
        Map<String, Set<String>> before = live.storiesBefore(members);
        Map<String, String> current = new HashMap<>();
        for (Object row : entityManager.createNativeQuery(
                        "SELECT claim_id, story_id FROM served_claim WHERE claim_id IN (:m)")
                .setParameter("m", members).getResultList()) {
            Object[] r = (Object[]) row;
            current.put((String) r[0], (String) r[1]);
        }
        Map<String, String> next = StoryComponents.stories(servedClaims(members), links, matcher);
        Map<String, List<String>> stories = StoryComponents.groups(next);
        Map<String, List<String>> previous = new HashMap<>();
        current.forEach((claim, story) -> {
            if (story != null) {
                previous.computeIfAbsent(story, k -> new ArrayList<>()).add(claim);
            }
        });
        previous.values().forEach(l -> l.sort(null));
        if (!previous.isEmpty()) {
            // A story whose row is gone (remove() drops the stories of the claims leaving) is no story to keep.
            Set<String> rows = new HashSet<>();
            for (Object id : entityManager.createNativeQuery("SELECT id FROM story WHERE id IN (:ids)")
                    .setParameter("ids", previous.keySet()).getResultList()) {
                rows.add((String) id);
            }
            previous.keySet().retainAll(rows);
        }

        // A story row is a function of its members: one whose members are unchanged stays as it is.
        List<String> gone = previous.keySet().stream()
                .filter(id -> !previous.get(id).equals(stories.get(id))).toList();
        if (!gone.isEmpty()) {
            entityManager.createNativeQuery("DELETE FROM story WHERE id IN (:gone)")
                    .setParameter("gone", gone).executeUpdate();
        }
        Map<String, List<String>> moves = new TreeMap<>();
        List<String> leaving = new ArrayList<>();
        for (String claim : current.keySet()) {
            String story = next.get(claim);
            if (!Objects.equals(story, current.get(claim))) {
                if (story == null) {
                    leaving.add(claim);
                } else {
                    moves.computeIfAbsent(story, k -> new ArrayList<>()).add(claim);
                }
            }
        }
        if (!leaving.isEmpty()) {
            entityManager.createNativeQuery("UPDATE served_claim SET story_id = NULL WHERE claim_id IN (:m)")
                    .setParameter("m", leaving).executeUpdate();
        }
        for (Map.Entry<String, List<String>> move : moves.entrySet()) {
            entityManager.createNativeQuery("UPDATE served_claim SET story_id = :story WHERE claim_id IN (:m)")
                    .setParameter("story", move.getKey()).setParameter("m", move.getValue()).executeUpdate();
        }
        for (Map.Entry<String, List<String>> story : stories.entrySet()) {
            if (story.getValue().equals(previous.get(story.getKey()))) {
                continue;
            }
            entityManager.createNativeQuery("""
                            INSERT INTO story (id, member_count, article_count, first_published, date_from, date_to)
                            SELECT :story, count(*), count(DISTINCT article_id), min(published_date),
                                min(claim_date), max(claim_date)
                            FROM served_claim WHERE story_id = :story""")
                    .setParameter("story", story.getKey()).executeUpdate();
        }
        live.storiesReformed(before, stories);
    }

    /** Cap of the parsed-claim cache: enough for the groups of the busiest speakers in a window. */
    private static final int PARSED_KEPT = 20_000;

    /**
     * Served claims by id as story matching sees them ({@link ServedClaim#forMatching}), parsed once. A claim
     * never changes under its id (the id is derived from the claim), so an entry cannot go stale.
     */
    private final Map<String, ServedClaim> parsed = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ServedClaim> eldest) {
                    return size() > PARSED_KEPT;
                }
            });

    /** The claims with these ids as story matching sees them, reading and parsing only those not cached. */
    private List<ServedClaim> servedClaims(Collection<String> ids) {
        List<ServedClaim> out = new ArrayList<>(ids.size());
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            ServedClaim known = parsed.get(id);
            if (known != null) {
                out.add(known);
            } else {
                missing.add(id);
            }
        }
        for (int from = 0; from < missing.size(); from += 1000) {
            List<String> chunk = missing.subList(from, Math.min(missing.size(), from + 1000));
            for (Object row : entityManager.createNativeQuery("SELECT c.claim::text FROM claim c WHERE c.id IN (:m)")
                    .setParameter("m", chunk).getResultList()) {
                ServedClaim claim = ServedClaim.of(ServedClaimsProjection.readClaim((String) row),
                        config.undatedWindowDays()).forMatching();
                parsed.put(claim.id(), claim);
                out.add(claim);
            }
        }
        return out;
    }
}
