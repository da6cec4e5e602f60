package dev.claimtrail.query.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The application with its live consumers paused, for the benchmarks: a rebuild from the logs fills or
 * rebuilds the read model and is measured alone, and queries are measured without projection work
 * competing for the two cores. Retired schemas are dropped (they would only take disk).
 */
public class LiveConsumersPaused implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "mp.messaging.incoming.articles-in.pausable", "true",
                "mp.messaging.incoming.articles-in.initially-paused", "true",
                "mp.messaging.incoming.claims-in.pausable", "true",
                "mp.messaging.incoming.claims-in.initially-paused", "true",
                "claimtrail.rebuild.keep-retired", "false");
    }
}
