package dev.claimtrail.query.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Tunables of the live event stream ({@code /api/stream}). */
@ConfigMapping(prefix = "claimtrail.live")
public interface LiveConfig {

    /**
     * How often the stream looks for events committed by other instances of the service (this
     * instance's own commits wake it at once).
     */
    @WithDefault("PT2S")
    Duration pollInterval();

    /** A comment line this often keeps proxies and load balancers from closing an idle stream. */
    @WithDefault("PT15S")
    Duration heartbeat();

    /** How long events stay resumable; a client that comes back later is told to reload. */
    @WithDefault("P7D")
    Duration retention();

    /** How often events older than the retention are deleted. */
    @WithDefault("PT1H")
    Duration purgeInterval();

    /** A client that does not take an event within this time is disconnected (it can resume). */
    @WithDefault("PT30S")
    Duration sendTimeout();
}
