package dev.claimtrail.query.claims;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** One ArticleProcessed: an extractor version finished one revision of an article. */
@Entity
@Table(name = "article_processing")
public class ArticleProcessingEntity extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "article_id")
    public String articleId;

    public int revision;

    @Column(name = "extractor_name")
    public String extractorName;

    @Column(name = "extractor_version")
    public String extractorVersion;

    @Column(name = "claim_count")
    public int claimCount;

    public String outcome;
    public String reason;

    @Column(name = "processed_at")
    public Instant processedAt;

    public static List<ArticleProcessingEntity> ofArticle(String articleId) {
        return list("articleId", articleId);
    }

    public static boolean exists(String articleId, int revision, String extractorName, String extractorVersion) {
        return count("articleId = ?1 and revision = ?2 and extractorName = ?3 and extractorVersion = ?4",
                articleId, revision, extractorName, extractorVersion) > 0;
    }

    public static boolean existsForRevision(String articleId, int revision) {
        return count("articleId = ?1 and revision = ?2", articleId, revision) > 0;
    }
}
