package dev.claimtrail.query.claims;

import java.time.LocalDate;

/**
 * The filters of {@code GET /api/claims}; a null field does not filter.
 *
 * @param source     case-insensitive, accent-insensitive substring of the source name
 * @param subject    entity id or alias as written, case-insensitive
 * @param from       first day of the range, inclusive, on the claim's date
 * @param to         last day of the range, inclusive
 * @param text       PostgreSQL web-search syntax over the content text (english)
 * @param history    true to include claims of revisions and extractor versions no longer served
 * @param version    only claims of this extractor version; without history, of each article's served
 *                   revision (so an older version stays queryable after a re-extraction)
 */
public record ClaimFilter(
        String articleId,
        String externalId,
        String source,
        String subject,
        LocalDate from,
        LocalDate to,
        String text,
        boolean history,
        String version) {

    /**
     * Whether the list is in date order: with a first day, claims come by the last day of the period they
     * are dated in, then as recorded. A date range then reads as an index range from its first day; in
     * recording order the database had to walk every claim recorded before the range to find it (claims
     * are recorded roughly in date order, which its planner cannot know).
     */
    public boolean chronological() {
        return from != null;
    }

    /** Without a version filter. */
    public ClaimFilter(String articleId, String externalId, String source, String subject, LocalDate from,
                       LocalDate to, String text, boolean history) {
        this(articleId, externalId, source, subject, from, to, text, history, null);
    }
}
