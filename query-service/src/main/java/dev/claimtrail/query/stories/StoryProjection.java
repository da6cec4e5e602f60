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
import java.util.List;
import java.util.Map;
import java.util.Set;
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
                SELECT DISTINCT c.id, c.claim::text FROM served_term t
                JOIN served_claim sc ON sc.claim_id = t.claim_id
                JOIN claim c ON c.id = sc.claim_id
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
        Set<String> linked = new TreeSet<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            ServedClaim other = ServedClaim.of(ServedClaimsProjection.readClaim((String) r[1]),
                    config.undatedWindowDays());
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

    /** Recomputes the stories of a closed set of claims (no links leave it) from their links. */
    private void reform(Set<String> members) {
        List<StoryComponents.Link> links = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery(
                        "SELECT claim_a, claim_b FROM story_link WHERE claim_a IN (:m) AND claim_b IN (:m)")
                .setParameter("m", members).getResultList()) {
            Object[] r = (Object[]) row;
            links.add(new StoryComponents.Link((String) r[0], (String) r[1]));
        }
        Map<String, Set<String>> before = live.storiesBefore(members);
        List<?> old = entityManager.createNativeQuery(
                        "SELECT DISTINCT story_id FROM served_claim WHERE claim_id IN (:m) AND story_id IS NOT NULL")
                .setParameter("m", members).getResultList();
        if (!old.isEmpty()) {
            entityManager.createNativeQuery("DELETE FROM story WHERE id IN (:old)")
                    .setParameter("old", old).executeUpdate();
        }
        entityManager.createNativeQuery("UPDATE served_claim SET story_id = NULL WHERE claim_id IN (:m)")
                .setParameter("m", members).executeUpdate();
        List<ServedClaim> served = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("SELECT c.claim::text FROM claim c WHERE c.id IN (:m)")
                .setParameter("m", members).getResultList()) {
            served.add(ServedClaim.of(ServedClaimsProjection.readClaim((String) row), config.undatedWindowDays()));
        }
        Map<String, List<String>> stories = StoryComponents.groups(StoryComponents.stories(served, links, matcher));
        for (Map.Entry<String, List<String>> story : stories.entrySet()) {
            entityManager.createNativeQuery("UPDATE served_claim SET story_id = :story WHERE claim_id IN (:m)")
                    .setParameter("story", story.getKey()).setParameter("m", story.getValue()).executeUpdate();
            entityManager.createNativeQuery("""
                            INSERT INTO story (id, member_count, article_count, first_published, date_from, date_to)
                            SELECT :story, count(*), count(DISTINCT article_id), min(published_date),
                                min(claim_date), max(claim_date)
                            FROM served_claim WHERE story_id = :story""")
                    .setParameter("story", story.getKey()).executeUpdate();
        }
        live.storiesReformed(before, stories);
    }
}
