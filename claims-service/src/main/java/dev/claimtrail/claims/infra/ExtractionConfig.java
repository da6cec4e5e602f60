package dev.claimtrail.claims.infra;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "claimtrail.extraction")
public interface ExtractionConfig {

    /** Threads that extract articles of one batch in parallel; the pipeline is CPU-bound. */
    @WithDefault("2")
    int threads();

    /** Must equal the extractor's own version: it names the consumer group of that version. */
    String version();
}
