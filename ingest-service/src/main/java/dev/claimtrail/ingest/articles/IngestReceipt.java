package dev.claimtrail.ingest.articles;

/**
 * What a feed hears back about a push.
 *
 * @param status {@link #ACCEPTED} (new article, revision 1), {@link #REVISED} (new text for a known
 *               article) or {@link #DUPLICATE} (same text again: nothing published)
 */
public record IngestReceipt(String id, String status, int revision) {

    public static final String ACCEPTED = "accepted";
    public static final String REVISED = "revised";
    public static final String DUPLICATE = "duplicate";

    public boolean published() {
        return !DUPLICATE.equals(status);
    }
}
