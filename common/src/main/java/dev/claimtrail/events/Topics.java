package dev.claimtrail.events;

/** The topics of design.md. Every one is keyed by article id. */
public final class Topics {
    public static final String ARTICLES = "articles";
    public static final String CLAIMS = "claims";
    public static final String ARTICLES_DLQ = "articles.dlq";
    public static final String CLAIMS_DLQ = "claims.dlq";

    private Topics() {
    }
}
