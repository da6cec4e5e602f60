package dev.claimtrail.infra.embedded;

import dev.claimtrail.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Three KRaft nodes as separate JVMs: losing the leader of a partition loses no acknowledged write. */
class KafkaClusterTest {

    @Test
    void killingAPartitionLeaderLosesNoAcknowledgedRecord(@TempDir Path dir) throws Exception {
        long started = System.nanoTime();
        try (KafkaCluster cluster = KafkaCluster.start(dir, 3)) {
            System.out.printf("three-node cluster ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
            cluster.createTopics();
            Set<String> acknowledged = new HashSet<>();
            try (KafkaProducer<String, String> producer = producer(cluster.bootstrapServers())) {
                send(producer, "before", 150, acknowledged);
                int leader = cluster.leaderOf(Topics.ARTICLES, 0);
                assertNotEquals(-1, leader, "partition 0 has a leader");
                cluster.killNode(leader);
                System.out.printf("killed node %d (leader of %s-0) after %d acknowledged records%n",
                        leader, Topics.ARTICLES, acknowledged.size());
                // Two replicas remain in sync: writes with acks=all go on once a new leader is elected.
                send(producer, "after", 150, acknowledged);
                int newLeader = cluster.leaderOf(Topics.ARTICLES, 0);
                assertNotEquals(leader, newLeader, "another node took the partition over");
                cluster.startNode(leader);
                send(producer, "rejoined", 50, acknowledged);
            }
            Set<String> read = readAll(cluster.bootstrapServers(), acknowledged.size());
            assertEquals(acknowledged, read, "every acknowledged record is in the log, exactly once");
            System.out.printf("acknowledged %d, read back %d distinct%n", acknowledged.size(), read.size());
        }
    }

    private static void send(KafkaProducer<String, String> producer, String prefix, int count, Set<String> acknowledged)
            throws Exception {
        for (int i = 0; i < count; i++) {
            String value = prefix + "-" + i;
            producer.send(new ProducerRecord<>(Topics.ARTICLES, "key-" + i, value)).get(60, TimeUnit.SECONDS);
            acknowledged.add(value);
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
                new StringSerializer(), new StringSerializer());
    }

    private static Set<String> readAll(String bootstrap, int expected) {
        Set<String> values = new HashSet<>();
        int records = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "cluster-test-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ARTICLES));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                    records++;
                }
            }
        }
        assertEquals(values.size(), records, "no record was written twice");
        assertTrue(records >= expected, "read " + records + " of " + expected);
        return values;
    }
}
