package dev.claimtrail.events;

import java.time.Instant;

/** A feed pushed an article Claimtrail had not seen. */
public record ArticleIngested(
        int schemaVersion,
        String eventId,
        Instant ingestedAt,
        ArticleSnapshot article) implements ArticleEvent {

    public static final String TYPE = "dev.claimtrail.article.ingested";
    public static final int SCHEMA_VERSION = 1;
}
