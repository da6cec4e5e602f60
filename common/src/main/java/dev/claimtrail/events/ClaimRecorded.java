package dev.claimtrail.events;

import java.time.Instant;

/**
 * One claim an extractor found in one revision of an article. The event id is the claim id, which
 * is deterministic, so a consumer that sees the same claim twice can tell.
 */
public record ClaimRecorded(
        int schemaVersion,
        String eventId,
        Instant recordedAt,
        Claim claim) implements ClaimEvent {

    public static final String TYPE = "dev.claimtrail.claim.recorded";
    public static final int SCHEMA_VERSION = 1;

    @Override
    public String articleId() {
        return claim.article().id();
    }
}
