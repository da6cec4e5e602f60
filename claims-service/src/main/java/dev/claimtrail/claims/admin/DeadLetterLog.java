package dev.claimtrail.claims.admin;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads the dead-letter topic for a redrive: the letter itself, and whether a redrive marker already
 * settles it. A marker is a record in the same topic whose header {@value #REDRIVEN} holds the letter's
 * id ({@code topic-partition-offset}); query-service lists dead letters with the same convention.
 * Group-less consumers (assign and seek), so inspecting never creates a consumer group.
 */
@ApplicationScoped
public class DeadLetterLog {

    public static final String REDRIVEN = "dead-letter-redriven";
    public static final String REDRIVEN_BY = "dead-letter-redriven-by";
    public static final String CONSUMER_GROUP = "dead-letter-consumer-group";

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** The letter at the id's position; empty when there is none, or the record there is a marker. */
    public Optional<ConsumerRecord<String, String>> find(LetterId id) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            TopicPartition partition = new TopicPartition(id.topic(), id.partition());
            List<PartitionInfo> infos = consumer.partitionsFor(id.topic(), Duration.ofSeconds(30));
            if (infos == null || infos.stream().noneMatch(i -> i.partition() == id.partition())) {
                return Optional.empty();
            }
            long start = consumer.beginningOffsets(List.of(partition)).get(partition);
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            if (id.offset() < start || id.offset() >= end) {
                return Optional.empty();
            }
            consumer.assign(List.of(partition));
            consumer.seek(partition, id.offset());
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (consumer.position(partition) <= id.offset() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == id.offset()) {
                        return header(record.headers(), REDRIVEN) == null ? Optional.of(record) : Optional.empty();
                    }
                }
            }
            // Passed without a record: the offset held a transaction marker or an aborted record.
            return Optional.empty();
        }
    }

    /** Whether any partition of the letter's topic holds a marker for it. */
    public boolean redriven(LetterId id) {
        String wanted = id.toString();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(id.topic(), Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            var ends = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + id.topic() + " for redrive markers took more than "
                            + READ_TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (wanted.equals(header(record.headers(), REDRIVEN))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Read committed: a dead letter written in an aborted extraction transaction never happened. */
    private KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "claims-service-redrive");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }
}
