package dev.claimtrail.ingest.infra.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code claimtrail_ingest_articles_total{feed, outcome}}: every article a feed pushed, by what became
 * of it. The outcomes are those a feed hears back ({@code accepted}, {@code revised}, {@code duplicate},
 * {@code rejected}) plus {@code unavailable} for a push refused with 503 because the article log could
 * not take it, so that a broker outage shows up as its own line rather than as bad input.
 */
@ApplicationScoped
public class IngestMetrics {

    public static final String ARTICLES = "claimtrail.ingest.articles";
    /** Pushes without a feed key (none configured, the local run) count under this feed. */
    public static final String NO_FEED = "none";

    public static final String ACCEPTED = "accepted";
    public static final String REVISED = "revised";
    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";
    public static final String UNAVAILABLE = "unavailable";

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void articles(String feed, String outcome, int count) {
        if (count <= 0) {
            return;
        }
        Counter.builder(ARTICLES)
                .description("Articles pushed by feeds, by outcome")
                .tag("feed", feed == null || feed.isBlank() ? NO_FEED : feed)
                .tag("outcome", outcome)
                .register(registry)
                .increment(count);
    }
}
