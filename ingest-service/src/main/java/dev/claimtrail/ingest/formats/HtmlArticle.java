package dev.claimtrail.ingest.formats;

/**
 * What ingest reads from an HTML page: its readable text and the metadata pages commonly carry.
 * Metadata values are null when the page does not say.
 *
 * @param text         the article's readable text, paragraphs separated by a blank line
 * @param canonicalUrl {@code <link rel="canonical">}, else {@code og:url}
 * @param publishedAt  {@code article:published_time} and the like, as the page wrote it
 * @param language     the {@code lang} of {@code <html>}
 * @param outlet       {@code og:site_name}
 */
public record HtmlArticle(String text, String title, String canonicalUrl, String publishedAt, String language,
                          String outlet) {
}
