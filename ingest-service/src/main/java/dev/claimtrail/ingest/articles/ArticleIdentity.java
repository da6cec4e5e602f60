package dev.claimtrail.ingest.articles;

import dev.claimtrail.events.Ids;

/**
 * What makes two pushes "the same article": the normalised URL when there is one, else the feed's
 * external id, else the text itself. The article id is derived from the key, so every instance of
 * ingest (and every replay) gives an article the same id.
 *
 * @param key       {@code url:…}, {@code ext:…} or {@code hash:…}
 * @param articleId {@link Ids#articleId(String)} of the key
 */
public record ArticleIdentity(String key, String articleId) {

    public static ArticleIdentity of(String normalisedUrl, String externalId, String text) {
        String key;
        if (normalisedUrl != null) {
            key = "url:" + normalisedUrl;
        } else if (externalId != null) {
            key = "ext:" + externalId.strip();
        } else {
            key = "hash:" + Ids.sha256Hex(text);
        }
        return new ArticleIdentity(key, Ids.articleId(key));
    }
}
