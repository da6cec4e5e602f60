package dev.claimtrail.query.infra.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

import java.util.Optional;

/**
 * Adds the consumer group to the Kafka consumer metrics of the Micrometer Kafka binder, so that the
 * lag ({@code kafka_consumer_fetch_manager_records_lag{group, topic, partition}}) reads per group
 * and partition. The binder only knows the client id, which the connector derives from the channel
 * ({@code kafka-consumer-<channel>}); the group is that channel's {@code group.id}.
 */
@Singleton
public class ConsumerGroupTags {

    static final String CLIENT_ID_TAG = "client.id";
    static final String CONSUMER_PREFIX = "kafka-consumer-";

    @Produces
    @Singleton
    MeterFilter consumerGroupTag(Config config) {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String clientId = id.getTag(CLIENT_ID_TAG);
                if (!id.getName().startsWith("kafka.consumer") || clientId == null || !clientId.startsWith(CONSUMER_PREFIX)
                        || id.getTag("group") != null) {
                    return id;
                }
                String channel = clientId.substring(CONSUMER_PREFIX.length());
                Optional<String> group = config.getOptionalValue("mp.messaging.incoming." + channel + ".group.id", String.class);
                return group.map(g -> id.withTag(Tag.of("group", g))).orElse(id);
            }
        };
    }
}
