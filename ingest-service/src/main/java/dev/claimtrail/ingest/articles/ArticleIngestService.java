package dev.claimtrail.ingest.articles;

import dev.claimtrail.events.ArticleIngested;
import dev.claimtrail.events.ArticleRevised;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Decides whether a push is a new article, a revision or a duplicate, and publishes accordingly.
 *
 * <p>Each push runs in one database transaction that changes the identity row, publishes the event
 * and waits for the broker's ack, and only then commits. A broker failure therefore rolls the row
 * back and the feed's retry is treated as new again. The window the other way round (acked, then
 * the process dies before the commit) means a later push of the same article publishes the same
 * revision a second time, under the same deterministic event id: downstream consumers deduplicate
 * by event id and claim id, so that costs a redundant record, never a wrong state. The row lock
 * taken here also serialises concurrent pushes of one article, so revisions are numbered without
 * gaps or repeats.
 */
@ApplicationScoped
public class ArticleIngestService {

    @Inject
    EntityManager entityManager;

    @Inject
    ArticleEventPublisher publisher;

    @Transactional
    public IngestReceipt ingest(ArticleSubmission submission) {
        ArticleIdentity identity = submission.identity();
        UUID articleId = UUID.fromString(identity.articleId());
        String contentHash = Ids.sha256Hex(submission.text());
        Instant now = Instant.now();

        ArticleIdentityRecord known = lock(articleId);
        if (known == null) {
            if (insertIfAbsent(identity, articleId, contentHash, now)) {
                ArticleSnapshot article = snapshot(submission, identity, 1, contentHash);
                publisher.publish(new ArticleIngested(ArticleIngested.SCHEMA_VERSION,
                        Ids.articleEventId(identity.articleId(), 1), now, article), now);
                return new IngestReceipt(identity.articleId(), IngestReceipt.ACCEPTED, 1);
            }
            // A concurrent push of the same article inserted first; the insert waited for it to
            // commit, so its row is visible now and this push is judged against it.
            known = lock(articleId);
            if (known == null) {
                throw new IllegalStateException("identity row of " + articleId + " conflicted but cannot be read");
            }
        }
        if (!known.identityKey.equals(identity.key())) {
            // Two keys hashing to one article id would silently merge two articles; refuse instead.
            throw new IllegalStateException("article id " + articleId + " is already taken by another identity key");
        }
        if (known.contentHash.equals(contentHash)) {
            return new IngestReceipt(identity.articleId(), IngestReceipt.DUPLICATE, known.currentRevision);
        }

        int revision = known.currentRevision + 1;
        String previousContentHash = known.contentHash;
        known.currentRevision = revision;
        known.contentHash = contentHash;
        known.revisedAt = now;
        // Write the row before publishing: a database error must surface while nothing is out yet.
        entityManager.flush();
        ArticleSnapshot article = snapshot(submission, identity, revision, contentHash);
        publisher.publish(new ArticleRevised(ArticleRevised.SCHEMA_VERSION,
                Ids.articleEventId(identity.articleId(), revision), now, article, previousContentHash), now);
        return new IngestReceipt(identity.articleId(), IngestReceipt.REVISED, revision);
    }

    private ArticleIdentityRecord lock(UUID articleId) {
        return entityManager.find(ArticleIdentityRecord.class, articleId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * {@code on conflict do nothing} rather than catching a unique violation: in PostgreSQL a failed
     * statement aborts the whole transaction, whereas this insert simply waits for a concurrent
     * inserter of the same key and reports 0 rows if that one committed.
     */
    private boolean insertIfAbsent(ArticleIdentity identity, UUID articleId, String contentHash, Instant now) {
        int inserted = entityManager.createNativeQuery("""
                        insert into ingest.article_identity
                            (article_id, identity_key, current_revision, content_hash, first_seen_at, revised_at)
                        values (:articleId, :identityKey, 1, :contentHash, :now, :now)
                        on conflict do nothing""")
                .setParameter("articleId", articleId)
                .setParameter("identityKey", identity.key())
                .setParameter("contentHash", contentHash)
                .setParameter("now", now)
                .executeUpdate();
        return inserted == 1;
    }

    private static ArticleSnapshot snapshot(ArticleSubmission submission, ArticleIdentity identity, int revision,
                                            String contentHash) {
        return new ArticleSnapshot(identity.articleId(), revision, submission.externalId(), submission.url(),
                submission.title(), submission.outlet(), submission.publishedAt(), submission.language(),
                submission.text(), contentHash);
    }
}
