package dev.claimtrail.query.infra.observability;

import dev.claimtrail.events.EventDecodingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;

/**
 * {@code claimtrail_dead_letters_total{topic, source_topic, reason}}: records written to a dead-letter
 * topic. Static because the projections dead-letter through a static helper; the reason is a small
 * fixed set so it can be a label, the full reason travels in the dead letter's headers.
 */
public final class DeadLetterMetrics {

    public static final String DEAD_LETTERS = "claimtrail.dead.letters";
    public static final String UNDECODABLE = "undecodable";
    public static final String FAILED = "failed";

    private DeadLetterMetrics() {
    }

    /** Counts one record of {@code sourceTopic} that is now in its dead-letter topic. */
    public static void deadLettered(String sourceTopic, Exception reason) {
        MeterRegistry registry = Arc.container().instance(MeterRegistry.class).get();
        Counter.builder(DEAD_LETTERS)
                .description("Records written to a dead-letter topic, by reason")
                .tag("topic", sourceTopic + ".dlq")
                .tag("source_topic", sourceTopic)
                .tag("reason", reason instanceof EventDecodingException ? UNDECODABLE : FAILED)
                .register(registry)
                .increment();
    }
}
