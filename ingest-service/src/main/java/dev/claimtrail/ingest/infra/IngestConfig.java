package dev.claimtrail.ingest.infra;

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
