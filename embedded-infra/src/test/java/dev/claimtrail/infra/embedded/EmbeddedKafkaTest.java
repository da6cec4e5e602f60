package dev.claimtrail.infra.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    private static final Duration POLL_DEADLINE = Duration.ofSeconds(20);

    @Test
    void idempotentProducerWithAcksAllIsReadBackInOrder() throws Exception {
        String bootstrap = KafkaTestResource.sharedBootstrapServers();
        String topic = uniqueTopic("plain");

        try (KafkaProducer<String, String> producer = producer(bootstrap, Map.of())) {
            for (int i = 0; i < 5; i++) {
                RecordMetadata sent = producer.send(new ProducerRecord<>(topic, "article-1", "v" + i)).get(10, TimeUnit.SECONDS);
                assertEquals(i, sent.offset(), "one key lands in one partition, offsets count up from 0");
            }
        }

        List<ConsumerRecord<String, String>> records = readAll(bootstrap, topic, "read_uncommitted", 5);
        assertEquals(List.of("v0", "v1", "v2", "v3", "v4"), records.stream().map(ConsumerRecord::value).toList());
        assertEquals(Set.of("article-1"), Set.copyOf(records.stream().map(ConsumerRecord::key).toList()));
    }

    @Test
    void autoCreatedTopicsGetThreePartitions() throws Exception {
        String bootstrap = KafkaTestResource.sharedBootstrapServers();
        String topic = uniqueTopic("auto");
        try (KafkaProducer<String, String> producer = producer(bootstrap, Map.of())) {
            producer.send(new ProducerRecord<>(topic, "k", "v")).get(10, TimeUnit.SECONDS);
        }
        assertEquals(3, partitionCount(bootstrap, topic));
    }

    @Test
    void transactionsCommitAndAbortOnASingleNode() throws Exception {
        String bootstrap = KafkaTestResource.sharedBootstrapServers();
        String topic = uniqueTopic("tx");

        try (KafkaProducer<String, String> producer = producer(bootstrap,
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-tx-" + UUID.randomUUID()))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "a", "committed-1"));
            producer.send(new ProducerRecord<>(topic, "b", "committed-2"));
            producer.commitTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "a", "aborted"));
            producer.flush();
            producer.abortTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "c", "committed-3"));
            producer.commitTransaction();
        }

        List<String> committed = readAll(bootstrap, topic, "read_committed", 3).stream()
                .map(ConsumerRecord::value).sorted().toList();
        assertEquals(List.of("committed-1", "committed-2", "committed-3"), committed);
        // The aborted record is in the log; only read_committed hides it.
        List<String> everything = readAll(bootstrap, topic, "read_uncommitted", 4).stream()
                .map(ConsumerRecord::value).sorted().toList();
        assertEquals(List.of("aborted", "committed-1", "committed-2", "committed-3"), everything);
    }

    @Test
    void restartOnTheSameDirectoryKeepsTopicsAndRecords(@TempDir Path dataDir) throws Exception {
        String clusterIdBefore;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
            kafka.createTopics(2, "kept");
            try (KafkaProducer<String, String> producer = producer(kafka.bootstrapServers(), Map.of())) {
                producer.send(new ProducerRecord<>("kept", "k", "survives a restart")).get(10, TimeUnit.SECONDS);
            }
            clusterIdBefore = clusterId(dataDir);
        }

        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
            assertEquals(clusterIdBefore, clusterId(dataDir), "storage must not be formatted again");
            assertEquals(2, partitionCount(kafka.bootstrapServers(), "kept"));
            List<ConsumerRecord<String, String>> records = readAll(kafka.bootstrapServers(), "kept", "read_committed", 1);
            assertEquals("survives a restart", records.get(0).value());
        }
    }

    @Test
    void createTopicsIsIdempotentAndKeepsTheFirstPartitionCount() throws Exception {
        String bootstrap = KafkaTestResource.sharedBootstrapServers();
        // The shared broker is not an EmbeddedKafka handle here (it may be external), so use a fresh one
        // only for the API under test.
        Path dir = Files.createTempDirectory("claimtrail-kafka-topics-");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0)) {
            assertNotEquals(bootstrap, kafka.bootstrapServers());
            kafka.createTopics(3, "events", "events.dlq");
            kafka.createTopics(1, "events", "events.dlq", "more");
            assertEquals(3, partitionCount(kafka.bootstrapServers(), "events"));
            assertEquals(1, partitionCount(kafka.bootstrapServers(), "more"));
            assertThrows(IllegalArgumentException.class, () -> kafka.createTopics(0, "none"));
        } finally {
            TempDirectories.deleteQuietly(dir);
        }
    }

    @Test
    void aBusyPortIsReportedNotIgnored(@TempDir Path dataDir) {
        int taken = Integer.parseInt(KafkaTestResource.sharedBootstrapServers().replaceAll(".*:", ""));
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> EmbeddedKafka.start(dataDir, taken));
        assertEquals(true, failure.getMessage().contains(String.valueOf(taken)), failure.getMessage());
    }

    private static String uniqueTopic(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static String clusterId(Path dataDir) throws Exception {
        Properties meta = new Properties();
        try (var in = Files.newInputStream(dataDir.resolve("meta.properties"))) {
            meta.load(in);
        }
        return meta.getProperty("cluster.id");
    }

    private static KafkaProducer<String, String> producer(String bootstrap, Map<String, Object> extra) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        props.putAll(extra);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic, String isolation, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + POLL_DEADLINE.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // One more poll: more records than expected would be a bug too.
            consumer.poll(Duration.ofMillis(300)).forEach(records::add);
        }
        assertEquals(expected, records.size(), "records read from " + topic + ": " + records);
        return records;
    }

    private static int partitionCount(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(topic);
            return description.partitions().size();
        }
    }
}
