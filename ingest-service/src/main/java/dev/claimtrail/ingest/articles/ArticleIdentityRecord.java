package dev.claimtrail.ingest.articles;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** What ingest remembers of an article identity: enough to tell a duplicate from a revision. */
@Entity
@Table(name = "article_identity", schema = "ingest")
public class ArticleIdentityRecord extends PanacheEntityBase {

    @Id
    @Column(name = "article_id")
    public UUID articleId;

    @Column(name = "identity_key", nullable = false, updatable = false)
    public String identityKey;

    @Column(name = "current_revision", nullable = false)
    public int currentRevision;

    /** SHA-256 of the text of the current revision. */
    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "first_seen_at", nullable = false, updatable = false)
    public Instant firstSeenAt;

    @Column(name = "revised_at", nullable = false)
    public Instant revisedAt;
}
