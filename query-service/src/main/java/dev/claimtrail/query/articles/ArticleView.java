package dev.claimtrail.query.articles;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.claimtrail.events.Claim;

import java.time.Instant;

/**
 * An article as the API shows it.
 *
 * @param revision       the revision whose text (and claims) are served: the newest processed one, or the
 *                       latest revision while none has been processed
 * @param latestRevision the newest revision ingested, which may still be waiting for extraction
 * @param text           the served revision's text; null in list summaries
 * @param status         {@code processed} once an extractor has finished the latest revision, else
 *                       {@code pending}
 * @param claimCount     claims served for the article (those of {@code extractor})
 * @param extractor      the extractor version whose claims are served; null until one finished
 * @param processedAt    when that extractor version finished the served revision
 * @param ingestedAt     when Claimtrail first accepted the article
 */
public record ArticleView(
        String id,
        String externalId,
        String url,
        String title,
        String outlet,
        String publishedAt,
        String language,
        int revision,
        int latestRevision,
        @JsonInclude(JsonInclude.Include.NON_NULL) String text,
        String status,
        int claimCount,
        Claim.Extractor extractor,
        Instant processedAt,
        Instant ingestedAt) {

    public static final String PENDING = "pending";
    public static final String PROCESSED = "processed";
}
