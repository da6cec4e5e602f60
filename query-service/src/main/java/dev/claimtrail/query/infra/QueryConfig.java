package dev.claimtrail.query.infra;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tunables of the query API. */
@ConfigMapping(prefix = "claimtrail.query")
public interface QueryConfig {

    /** Page size when the client gives no {@code limit}. */
    @WithDefault("50")
    int defaultPageSize();

    /** Largest {@code limit} accepted; also the chunk size of ndjson streams. */
    @WithDefault("500")
    int maxPageSize();
}
