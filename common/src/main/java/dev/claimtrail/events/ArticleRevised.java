package dev.claimtrail.events;

import java.time.Instant;

/**
 * A feed pushed changed text for an article it had pushed before (same identity). Downstream
 * re-extracts; read models serve the latest revision and keep the history.
 */
public record ArticleRevised(
        int schemaVersion,
        String eventId,
        Instant revisedAt,
        ArticleSnapshot article,
        String previousContentHash) implements ArticleEvent {

    public static final String TYPE = "dev.claimtrail.article.revised";
    public static final int SCHEMA_VERSION = 1;
}
