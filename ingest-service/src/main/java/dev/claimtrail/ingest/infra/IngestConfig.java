package dev.claimtrail.ingest.infra;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "claimtrail.ingest")
public interface IngestConfig {

    /**
     * Longest article text accepted, in UTF-16 code units (the unit every claim offset counts in).
     * Longer texts get 413.
     */
    @WithDefault("500000")
    int maxTextChars();

    /**
     * Largest body of one article (JSON, text, HTML), refused with 413 before it is read. Must leave
     * room for the longest text plus JSON escaping and metadata, and not exceed
     * {@code quarkus.http.limits.max-body-size}.
     */
    @WithDefault("2M")
    MemorySize maxBodySize();

    /**
     * Largest bulk body (NDJSON, RSS/Atom); same rules. Kept separate so that a batch of ordinary
     * articles is not capped at the size of one long one.
     */
    @WithDefault("16M")
    MemorySize maxBulkBodySize();

    /**
     * Most articles one bulk body (NDJSON lines, feed items) may hold; more get 413 before any is
     * read. Each article is its own transaction and broker round trip, so this bounds how long one
     * request holds a worker thread.
     */
    @WithDefault("1000")
    int maxBulkItems();

    /**
     * How long a request waits for the broker to acknowledge its event before answering 503. Must
     * exceed the producer's {@code delivery.timeout.ms} plus {@code max.block.ms}, so that it only
     * fires when the producer itself failed to report.
     */
    @WithDefault("20s")
    Duration publishTimeout();

    /** The Retry-After sent with 503 when the broker cannot take the write. */
    @WithDefault("10s")
    Duration retryAfter();
}
