package dev.claimtrail.query.articles;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The text of one revision of an article: claim spans are offsets into exactly this text. */
@Entity
@Table(name = "article_revision")
@IdClass(ArticleRevisionEntity.Key.class)
public class ArticleRevisionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "article_id")
    public String articleId;

    @Id
    public int revision;

    public String title;

    @Column(name = "published_at")
    public String publishedAt;

    public String text;

    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    public static ArticleRevisionEntity find(String articleId, int revision) {
        return findById(new Key(articleId, revision));
    }

    public static class Key implements Serializable {
        public String articleId;
        public int revision;

        public Key() {
        }

        public Key(String articleId, int revision) {
            this.articleId = articleId;
            this.revision = revision;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.revision == revision && Objects.equals(k.articleId, articleId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(articleId, revision);
        }
    }
}
