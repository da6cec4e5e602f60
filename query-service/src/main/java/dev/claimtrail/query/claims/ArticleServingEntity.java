package dev.claimtrail.query.claims;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Which revision and extractor version of an article the API serves by default. */
@Entity
@Table(name = "article_serving")
public class ArticleServingEntity extends PanacheEntityBase {

    @Id
    @Column(name = "article_id")
    public String articleId;

    public int revision;

    @Column(name = "extractor_name")
    public String extractorName;

    @Column(name = "extractor_version")
    public String extractorVersion;

    @Column(name = "claim_count")
    public int claimCount;

    @Column(name = "processed_at")
    public Instant processedAt;
}
