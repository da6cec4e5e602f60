package dev.claimtrail.events;

/** Events of the {@code claims} stream, the append-only claim log, keyed by article id. */
public sealed interface ClaimEvent extends Event permits ClaimRecorded, ArticleProcessed {
}
