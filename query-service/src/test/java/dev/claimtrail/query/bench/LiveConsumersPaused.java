package dev.claimtrail.query.bench;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The benchmark application with its live consumers paused: the read model is filled by a rebuild from
 * the logs, and the queries are measured without projection work competing for the two cores.
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
