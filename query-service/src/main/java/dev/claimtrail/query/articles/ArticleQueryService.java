package dev.claimtrail.query.articles;

import dev.claimtrail.events.Claim;
import dev.claimtrail.query.claims.ArticleProcessingEntity;
import dev.claimtrail.query.claims.ArticleServingEntity;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Assembles the article views from the articles projection and the serving state of the claims one. */
@ApplicationScoped
public class ArticleQueryService {

    public Optional<ArticleView> find(String id) {
        ArticleEntity article = ArticleEntity.findById(id);
        return article == null ? Optional.empty() : Optional.of(view(article, true));
    }

    /**
     * Articles after {@code afterSeq} in ingestion order, optionally only those with the given external
     * id and/or URL.
     */
    public List<ArticleEntity> page(String externalId, String url, long afterSeq, int limit) {
        StringBuilder query = new StringBuilder("seq > :after");
        Parameters params = Parameters.with("after", afterSeq);
        if (externalId != null) {
            query.append(" and externalId = :externalId");
            params.and("externalId", externalId);
        }
        if (url != null) {
            query.append(" and url = :url");
            params.and("url", url);
        }
        query.append(" order by seq");
        return ArticleEntity.<ArticleEntity>find(query.toString(), params).page(0, limit).list();
    }

    public ArticleView view(ArticleEntity article, boolean withText) {
        ArticleServingEntity serving = ArticleServingEntity.findById(article.id);
        int shownRevision = serving == null ? article.revision : serving.revision;
        String text = null;
        if (withText) {
            ArticleRevisionEntity revision = ArticleRevisionEntity.find(article.id, shownRevision);
            text = revision == null ? null : revision.text;
        }
        boolean processed = ArticleProcessingEntity.existsForRevision(article.id, article.revision);
        return new ArticleView(article.id, article.externalId, article.url, article.title, article.outlet,
                article.publishedAt, article.language, shownRevision, article.revision, text,
                processed ? ArticleView.PROCESSED : ArticleView.PENDING,
                serving == null ? 0 : serving.claimCount,
                serving == null ? null : new Claim.Extractor(serving.extractorName, serving.extractorVersion),
                serving == null ? null : serving.processedAt,
                article.ingestedAt);
    }
}
