package dev.claimtrail.query.articles;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The latest revision of an article, as the articles log last described it. */
@Entity
@Table(name = "article")
public class ArticleEntity extends PanacheEntityBase {

    @Id
    public String id;

    /** Keyset for paging; assigned by the database on insert, never written by Hibernate. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    public int revision;

    @Column(name = "external_id")
    public String externalId;

    public String url;
    public String title;
    public String outlet;

    /** As ingest normalised it: an ISO date or date-time with offset, kept verbatim. */
    @Column(name = "published_at")
    public String publishedAt;

    public String language;

    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "ingested_at")
    public Instant ingestedAt;

    @Column(name = "revised_at")
    public Instant revisedAt;
}
