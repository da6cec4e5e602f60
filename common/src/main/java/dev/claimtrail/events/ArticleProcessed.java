package dev.claimtrail.events;

import java.time.Instant;

/**
 * Closes the extraction of one article revision by one extractor version: how many claims were
 * recorded before it, or why there are none. Exactly one per (article, revision, extractor version),
 * which is what makes "processed" a fact a read model can rely on.
 *
 * @param outcome {@link #EXTRACTED}, {@link #NO_CLAIMS} or {@link #FAILED}
 * @param reason  why there are no claims, when there are none; null otherwise
 */
public record ArticleProcessed(
        int schemaVersion,
        String eventId,
        Instant processedAt,
        String articleId,
        int articleRevision,
        Claim.Extractor extractor,
        int claimCount,
        String outcome,
        String reason) implements ClaimEvent {

    public static final String TYPE = "dev.claimtrail.article.processed";
    public static final int SCHEMA_VERSION = 1;

    public static final String EXTRACTED = "extracted";
    public static final String NO_CLAIMS = "no-claims";
    public static final String FAILED = "failed";
}
