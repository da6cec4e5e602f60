package dev.claimtrail.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON article layouts ingest accepts on one endpoint, told apart by the field that holds the
 * text, so a feed can send what its crawler or news API already produces.
 *
 * <table>
 *   <caption>field mapping</caption>
 *   <tr><th>event</th><th>Claimtrail</th><th>news-please</th><th>NewsAPI item</th></tr>
 *   <tr><td>text</td><td>text, or html (extracted)</td><td>maintext</td><td>content (truncation marker removed)</td></tr>
 *   <tr><td>url</td><td>url</td><td>url</td><td>url</td></tr>
 *   <tr><td>title</td><td>title</td><td>title</td><td>title</td></tr>
 *   <tr><td>outlet</td><td>outlet</td><td>source_domain</td><td>source.name</td></tr>
 *   <tr><td>publishedAt</td><td>publishedAt</td><td>date_publish (local time, read as UTC)</td><td>publishedAt</td></tr>
 *   <tr><td>language</td><td>language</td><td>language</td><td>–</td></tr>
 *   <tr><td>externalId</td><td>externalId</td><td>–</td><td>–</td></tr>
 * </table>
 * Authors and descriptions have no place in the article event and are not carried.
 */
public enum JsonDialect {
    /** Ours: {@code text} or {@code html}. Also the answer for an object that has none of the text fields. */
    CLAIMTRAIL,
    /** news-please's article record: {@code maintext}. */
    NEWS_PLEASE,
    /** An item of NewsAPI's {@code articles}: {@code content}, with {@code source} as an object. */
    NEWSAPI;

    /**
     * A NewsAPI response ({@code {"status":"ok","totalResults":2,"articles":[...]}}) rather than one
     * article: ingest takes its {@code articles} as a bulk body, so a feed can pass the response on as is.
     */
    public static boolean isArticleList(JsonNode root) {
        return root.isObject() && root.path("articles").isArray() && !root.hasNonNull("text") && !root.hasNonNull("html")
                && !root.has("maintext") && !root.has("content");
    }

    static JsonDialect of(JsonNode article) {
        // news-please records carry a legacy "text": null beside "maintext", so only a value counts.
        if (article.hasNonNull("text") || article.hasNonNull("html")) {
            return CLAIMTRAIL;
        }
        if (article.has("maintext") || article.has("date_publish") || article.has("source_domain")) {
            return NEWS_PLEASE;
        }
        if (article.has("content") || article.path("source").isObject()) {
            return NEWSAPI;
        }
        return CLAIMTRAIL;
    }
}
