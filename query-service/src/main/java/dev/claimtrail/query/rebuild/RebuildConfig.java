package dev.claimtrail.query.rebuild;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/** How a rebuild of the read models runs and what it leaves behind (see application.properties). */
@ConfigMapping(prefix = "claimtrail.rebuild")
public interface RebuildConfig {

    /** Records applied per database transaction: one commit per record could never keep up with a bulk load. */
    @WithDefault("1000")
    int batchSize();

    /**
     * Build from the logs in bulk ({@link BulkRebuild}: COPY per batch, the views derived once at the end)
     * rather than through the live projections record by record. Both give the same read model; the
     * record-by-record path is kept for comparison and as a fallback.
     */
    @WithDefault("true")
    boolean bulk();

    /**
     * How many records the rebuild may still be behind the logs when it stops the live projections for
     * the swap: the rest is applied while they wait, so this bounds that pause.
     */
    @WithDefault("2000")
    int swapLag();

    /** Keep the schema the swap retired ({@code query_retired_<id>}) for comparison or roll-back. */
    @WithDefault("true")
    boolean keepRetired();

    /**
     * Tables that are not derived from the logs (a rebuild leaves them empty) and whose rows are carried
     * over into the new schema at the swap. Absent tables are passed over.
     */
    @WithDefault("live_event,live_event_horizon")
    List<String> carriedTables();

    /**
     * Longest one of the rebuild's transactions may take (a batch, or the swap with its final catch-up);
     * generous, because a loaded machine must slow a rebuild down, not abort it.
     */
    @WithDefault("600")
    int transactionTimeoutSeconds();
}
