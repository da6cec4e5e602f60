package dev.claimtrail.query.served;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.EventCodec;
import dev.claimtrail.query.infra.ProjectionMode;
import dev.claimtrail.query.live.LiveEvents;
import dev.claimtrail.query.stories.StoryProjection;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps the served claims of each article in the cross-article views: the claims of the revision and
 * extractor version in {@code article_serving}, nothing else. Runs inside the claims projection's
 * transaction, after anything that can change what an article serves.
 */
@ApplicationScoped
public class ServedClaimsProjection {

    @Inject
    EntityManager entityManager;

    @Inject
    StoryProjection stories;

    @Inject
    ViewsConfig config;

    @Inject
    LiveEvents live;

    /**
     * Brings the article's claims in the views in line with what it serves: claims no longer served
     * leave (and their stories are re-formed without them), newly served ones join, in claim id order.
     */
    public void sync(String articleId) {
        entityManager.flush(); // the serving row and claim rows written just before must be visible below
        // One writer of the views at a time, across instances: story re-forming reads and rewrites
        // stories that other articles' claims share.
        stories.lock();
        Map<String, Claim> wanted = new TreeMap<>();
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT c.id, c.claim::text FROM claim c
                        JOIN article_serving s ON s.article_id = c.article_id
                            AND s.revision = c.article_revision
                            AND s.extractor_name = c.extractor_name
                            AND s.extractor_version = c.extractor_version
                        WHERE c.article_id = :article AND (c.kind IS NULL OR c.kind <> 'outlet')""")
                .setParameter("article", articleId).getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            wanted.put((String) r[0], readClaim((String) r[1]));
        }
        Set<String> current = new HashSet<>();
        for (Object id : entityManager.createNativeQuery(
                "SELECT claim_id FROM served_claim WHERE article_id = :article")
                .setParameter("article", articleId).getResultList()) {
            current.add((String) id);
        }
        Set<String> leaving = new LinkedHashSet<>(current);
        leaving.removeAll(wanted.keySet());
        if (!leaving.isEmpty()) {
            stories.remove(leaving);
        }
        List<ServedClaim> joining = new ArrayList<>();
        for (Map.Entry<String, Claim> e : wanted.entrySet()) {
            if (!current.contains(e.getKey())) {
                ServedClaim served = ServedClaim.of(e.getValue(), config.undatedWindowDays());
                insert(served);
                joining.add(served);
            }
        }
        if (!joining.isEmpty()) {
            entityManager.flush();
            live.claimsServed(joining.stream().map(ServedClaim::claim).toList());
            for (ServedClaim served : joining) {
                stories.add(served);
            }
        }
    }

    /**
     * Rebuilds every cross-article view from the claim rows, adding the articles in the given order.
     * The result does not depend on that order (stories are named by their smallest member and formed
     * from order-free links); operators use it after changing the matching settings, tests to show it.
     */
    @Transactional
    @TransactionConfiguration(timeout = 3600) // every served claim in one transaction
    public void rebuild(Comparator<String> articleOrder) {
        stories.lock();
        for (String table : List.of("story_link", "story", "served_figure", "served_term", "served_claim")) {
            entityManager.createNativeQuery("DELETE FROM query." + table).executeUpdate();
        }
        List<String> articles = new ArrayList<>();
        for (Object id : entityManager.createNativeQuery("SELECT article_id FROM article_serving")
                .getResultList()) {
            articles.add((String) id);
        }
        articles.sort(articleOrder);
        // The same claims and stories come back: nothing new to announce on the live stream.
        ProjectionMode.asRebuild(() -> articles.forEach(this::sync));
    }

    private void insert(ServedClaim served) {
        Claim claim = served.claim();
        Claim.Source source = claim.source();
        entityManager.createNativeQuery("""
                        INSERT INTO served_claim (claim_id, claim_seq, article_id, outlet, published_at,
                            published_date, source_key, source_name, source_type, source_role, source_org, stance,
                            claim_date, window_from, window_to)
                        SELECT c.id, c.seq, :article, :outlet, :publishedAt, CAST(:publishedDate AS date), :sourceKey,
                            :sourceName, :sourceType, :sourceRole, :sourceOrg, :stance, CAST(:claimDate AS date),
                            CAST(:windowFrom AS date), CAST(:windowTo AS date)
                        FROM claim c WHERE c.id = :id""")
                .setParameter("id", claim.id())
                .setParameter("article", claim.article().id())
                .setParameter("outlet", claim.article().outlet())
                .setParameter("publishedAt", claim.article().publishedAt())
                .setParameter("publishedDate", served.publishedDate())
                .setParameter("sourceKey", served.sourceKey())
                .setParameter("sourceName", source == null ? null : source.name())
                .setParameter("sourceType", source == null ? null : source.type())
                .setParameter("sourceRole", source == null ? null : source.role())
                .setParameter("sourceOrg", source == null ? null : source.organisation())
                .setParameter("stance", claim.stance())
                .setParameter("claimDate", served.claimDate())
                .setParameter("windowFrom", served.windowFrom())
                .setParameter("windowTo", served.windowTo())
                .executeUpdate();
        for (String key : served.blockingKeys()) {
            term("match", key, claim.id());
        }
        for (String subject : served.subjects()) {
            term("subject", subject.toLowerCase(Locale.ROOT), claim.id());
        }
        for (String location : served.locations()) {
            term("location", location, claim.id());
        }
        for (ServedClaim.Figure f : served.figures()) {
            Claim.Quantity q = f.quantity();
            entityManager.createNativeQuery("""
                            INSERT INTO served_figure (claim_id, ordinal, subject_id, value, value_to, qualifier,
                                unit, of, text, claim_date, claim_seq)
                            SELECT :id, :ordinal, :subject, :value, :valueTo, :qualifier, :unit, :of, :text,
                                CAST(:claimDate AS date), c.seq
                            FROM claim c WHERE c.id = :id
                            ON CONFLICT DO NOTHING""")
                    .setParameter("claimDate", served.claimDate())
                    .setParameter("id", claim.id())
                    .setParameter("ordinal", f.ordinal())
                    .setParameter("subject", f.subject())
                    .setParameter("value", q.value())
                    .setParameter("valueTo", q.valueTo())
                    .setParameter("qualifier", q.qualifier())
                    .setParameter("unit", q.unit())
                    .setParameter("of", q.of())
                    .setParameter("text", q.text())
                    .executeUpdate();
        }
    }

    private void term(String kind, String term, String claimId) {
        entityManager.createNativeQuery("""
                        INSERT INTO served_term (kind, term, claim_id) VALUES (:kind, :term, :id)
                        ON CONFLICT DO NOTHING""")
                .setParameter("kind", kind).setParameter("term", term).setParameter("id", claimId)
                .executeUpdate();
    }

    public static Claim readClaim(String json) {
        try {
            return EventCodec.mapper().readValue(json, Claim.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored claim is not readable", e);
        }
    }
}
