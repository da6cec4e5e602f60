package dev.claimtrail.query.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimtrail.events.Claim;
import dev.claimtrail.query.claims.ClaimView;
import dev.claimtrail.query.infra.ProjectionMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The write side of the live stream: the projections call it inside their transaction, so an event is
 * committed with the rows it announces or not at all. Does nothing while a rebuild applies events
 * ({@link ProjectionMode#live()} false).
 *
 * <p>Every writer takes one advisory lock before its first event and holds it to commit. That makes
 * seq values visible in the order they were handed out: a reader that has seen seq n can never later
 * find a smaller one committed, which is what lets a client resume from the last id it saw.
 */
@ApplicationScoped
public class LiveEvents {

    public static final String CLAIM = "claim";
    public static final String STORY = "story";

    private static final long LOCK_KEY = 0x4C495645L; // "LIVE"

    /** Fired in a transaction that wrote events; observed after it commits. */
    public record Written(int count) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    Event<Written> written;

    /** Announces claims that the claim API now serves, in the shape it serves them. */
    public void claimsServed(Collection<Claim> claims) {
        if (claims.isEmpty() || !ProjectionMode.live()) {
            return;
        }
        lock();
        for (Claim claim : claims) {
            List<?> title = entityManager.createNativeQuery("SELECT title FROM article WHERE id = :id")
                    .setParameter("id", claim.article().id()).getResultList();
            String payload;
            try {
                payload = mapper.writeValueAsString(ClaimView.of(claim, title.isEmpty() ? null : (String) title.get(0), null));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a claim view always serialises", e);
            }
            entityManager.createNativeQuery("""
                            INSERT INTO live_event (kind, ref_id, subjects, payload)
                            VALUES (:kind, :ref, CAST(:subjects AS text[]), CAST(:payload AS jsonb))""")
                    .setParameter("kind", CLAIM)
                    .setParameter("ref", claim.id())
                    .setParameter("subjects", arrayLiteral(subjects(claim)))
                    .setParameter("payload", payload)
                    .executeUpdate();
        }
        written.fire(new Written(claims.size()));
    }

    /**
     * The stories these claims are in, with their members, before they are re-formed: what
     * {@link #storiesReformed} compares with. A story that has already lost members (its row removed
     * with them) maps to null, i.e. changed whatever it becomes. Empty while not live.
     */
    public Map<String, Set<String>> storiesBefore(Collection<String> claimIds) {
        if (claimIds.isEmpty() || !ProjectionMode.live()) {
            return Map.of();
        }
        Map<String, Set<String>> members = new TreeMap<>();
        Map<String, Number> counts = new HashMap<>();
        for (Object row : entityManager.createNativeQuery("""
                        SELECT m.story_id, m.claim_id, s.member_count FROM served_claim m
                        LEFT JOIN story s ON s.id = m.story_id
                        WHERE m.story_id IN (SELECT story_id FROM served_claim WHERE claim_id IN (:ids)
                                             AND story_id IS NOT NULL)""")
                .setParameter("ids", claimIds).getResultList()) {
            Object[] r = (Object[]) row;
            members.computeIfAbsent((String) r[0], k -> new TreeSet<>()).add((String) r[1]);
            counts.put((String) r[0], (Number) r[2]);
        }
        Map<String, Set<String>> out = new HashMap<>();
        members.forEach((story, claims) -> {
            Number count = counts.get(story);
            out.put(story, count != null && count.intValue() == claims.size() ? claims : null);
        });
        return out;
    }

    /**
     * Announces what re-forming changed: each story that is new ({@code new}: its id was no story before)
     * or whose members changed ({@code changed}), and each story that is gone ({@code removed}). Call after
     * the story rows are written.
     */
    public void storiesReformed(Map<String, Set<String>> before, Map<String, List<String>> after) {
        if ((before.isEmpty() && after.isEmpty()) || !ProjectionMode.live()) {
            return;
        }
        int count = 0;
        for (Map.Entry<String, List<String>> story : new TreeMap<>(after).entrySet()) {
            String id = story.getKey();
            if (before.containsKey(id) && new TreeSet<>(story.getValue()).equals(before.get(id))) {
                continue; // re-formed as it was
            }
            lock();
            count += entityManager.createNativeQuery("""
                            INSERT INTO live_event (kind, ref_id, subjects, payload)
                            SELECT :kind, s.id,
                                ARRAY(SELECT DISTINCT lower(v.term) FROM served_claim m
                                      JOIN claim_subject cs ON cs.claim_id = m.claim_id
                                      CROSS JOIN LATERAL (VALUES (cs.subject_id), (NULLIF(cs.alias, ''))) v(term)
                                      WHERE m.story_id = s.id AND v.term IS NOT NULL),
                                jsonb_build_object('id', s.id, 'change', CAST(:change AS text),
                                    'memberCount', s.member_count, 'articleCount', s.article_count,
                                    'firstPublished', s.first_published, 'dateFrom', s.date_from, 'dateTo', s.date_to,
                                    'members', (SELECT jsonb_agg(m.claim_id ORDER BY m.claim_id) FROM served_claim m
                                                WHERE m.story_id = s.id))
                            FROM story s WHERE s.id = :id""")
                    .setParameter("kind", STORY)
                    .setParameter("change", before.containsKey(id) ? "changed" : "new")
                    .setParameter("id", id)
                    .executeUpdate();
        }
        for (String id : new TreeSet<>(before.keySet())) {
            if (after.containsKey(id)) {
                continue;
            }
            lock();
            count += entityManager.createNativeQuery("""
                            INSERT INTO live_event (kind, ref_id, subjects, payload)
                            VALUES (:kind, :id, NULL, jsonb_build_object('id', CAST(:id AS text), 'change', 'removed'))""")
                    .setParameter("kind", STORY)
                    .setParameter("id", id)
                    .executeUpdate();
        }
        if (count > 0) {
            written.fire(new Written(count));
        }
    }

    private void lock() {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", LOCK_KEY)
                .getSingleResult();
    }

    /** What a subject filter matches a claim by: its entity ids and aliases, lower case (as /api/claims does). */
    static Set<String> subjects(Claim claim) {
        Set<String> terms = new TreeSet<>();
        for (Claim.Subject s : claim.subjects()) {
            if (s == null) {
                continue;
            }
            if (s.id() != null && !s.id().isBlank()) {
                terms.add(s.id().toLowerCase(Locale.ROOT));
            }
            if (s.alias() != null && !s.alias().isBlank()) {
                terms.add(s.alias().toLowerCase(Locale.ROOT));
            }
        }
        return terms;
    }

    /** A PostgreSQL array literal: every element quoted, quotes and backslashes escaped. */
    static String arrayLiteral(Collection<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (String v : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append('}').toString();
    }
}
