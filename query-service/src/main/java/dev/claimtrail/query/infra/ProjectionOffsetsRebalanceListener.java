package dev.claimtrail.query.infra;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.Map;

/**
 * Positions every projection consumer at the offsets stored with its read model. The database, not
 * Kafka's committed offsets, is the source of truth: it is written in the same transaction as the
 * rows, so seeking there resumes exactly after the last applied record. Partitions without a stored
 * offset start at {@code auto.offset.reset} (earliest). Called on the Kafka polling thread, which may
 * (and must) block until the seek is done.
 */
@ApplicationScoped
@Identifier(ProjectionOffsetsRebalanceListener.NAME)
public class ProjectionOffsetsRebalanceListener implements KafkaConsumerRebalanceListener {

    /** The name the channels refer to with {@code consumer-rebalance-listener.name}. */
    public static final String NAME = "projection-offsets";

    private static final Logger LOG = Logger.getLogger(ProjectionOffsetsRebalanceListener.class);

    @Inject
    ProjectionOffsetStore offsets;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        String group = consumer.groupMetadata().groupId();
        Map<TopicPartition, Long> stored = offsets.positions(group, partitions);
        for (TopicPartition partition : partitions) {
            Long next = stored.get(partition);
            if (next != null) {
                consumer.seek(partition, next);
                LOG.infof("%s: %s resumes at stored offset %d", group, partition, next);
            } else {
                LOG.infof("%s: %s has no stored offset, starting from the earliest", group, partition);
            }
        }
    }
}
