package dev.claimtrail.events;

/**
 * One revision of an article as ingest accepted it.
 *
 * @param id           deterministic id derived from the article's identity (normalised URL, else
 *                     external id, else content hash)
 * @param revision     1 for the first text, incremented for each changed text of the same identity
 * @param publishedAt  ISO-8601 date ({@code 2024-02-14}) or date-time with offset, as normalised by
 *                     ingest; null when the feed did not say
 * @param text         the text exactly as stored; every span of every claim is a UTF-16 offset into it
 * @param contentHash  SHA-256 of the text, hex
 */
public record ArticleSnapshot(
        String id,
        int revision,
        String externalId,
        String url,
        String title,
        String outlet,
        String publishedAt,
        String language,
        String text,
        String contentHash) {
}
