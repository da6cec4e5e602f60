package dev.claimtrail.ingest.articles;

/**
 * A pushed article that passed validation. Optional fields are null when absent or blank.
 *
 * @param url           the URL exactly as the feed sent it (the event carries it unchanged)
 * @param normalisedUrl the URL as used for identity; null when there is no URL
 * @param publishedAt   normalised, see {@link PublishedAtNormaliser}
 * @param text          exactly as sent: downstream offsets point into it
 */
public record ArticleSubmission(
        String externalId,
        String url,
        String normalisedUrl,
        String title,
        String outlet,
        String publishedAt,
        String language,
        String text) {

    public ArticleIdentity identity() {
        return ArticleIdentity.of(normalisedUrl, externalId, text);
    }
}
