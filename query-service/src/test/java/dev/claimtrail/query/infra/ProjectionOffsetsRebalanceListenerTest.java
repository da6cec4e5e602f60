package dev.claimtrail.query.infra;

import dev.claimtrail.events.Topics;
import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.infra.embedded.PostgresTestResource;
import dev.claimtrail.query.support.EventProducer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a restarted projection does on partition assignment: a real consumer, handed to the
 * application's listener, ends up at the offsets stored in the database.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ProjectionOffsetsRebalanceListenerTest {

    @Inject
    @Identifier(ProjectionOffsetsRebalanceListener.NAME)
    KafkaConsumerRebalanceListener listener;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void seeksToTheStoredOffsetAndLeavesOtherPartitionsAtTheEarliest() throws Exception {
        String group = "query-service-seek-test-" + UUID.randomUUID();
        TopicPartition stored = new TopicPartition(Topics.ARTICLES, 0);
        TopicPartition fresh = new TopicPartition(Topics.ARTICLES, 1);
        // Records in partition 0 so that the stored offset lies inside the log (the projection
        // dead-letters them: they have no type).
        try (EventProducer producer = EventProducer.connect()) {
            for (int i = 0; i < 3; i++) {
                producer.publishRaw(Topics.ARTICLES, stored.partition(), "seek-test", "{}", Map.of());
            }
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO projection_offset (consumer_group, topic, partition, next_offset) VALUES (?, ?, ?, ?)")) {
            s.setString(1, group);
            s.setString(2, stored.topic());
            s.setInt(3, stored.partition());
            s.setLong(4, 2);
            s.executeUpdate();
        }

        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EventProducer.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = List.of(stored, fresh);
            consumer.assign(partitions);
            listener.onPartitionsAssigned(consumer, partitions);
            assertEquals(2L, consumer.position(stored, Duration.ofSeconds(10)));
            long earliest = consumer.beginningOffsets(List.of(fresh), Duration.ofSeconds(10)).get(fresh);
            assertEquals(earliest, consumer.position(fresh, Duration.ofSeconds(10)));
        }
    }
}
