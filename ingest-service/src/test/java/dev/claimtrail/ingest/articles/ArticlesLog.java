package dev.claimtrail.ingest.articles;

import dev.claimtrail.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Reads the real {@code articles} topic the way a downstream consumer would ({@code read_committed},
 * from the start), without a consumer group so tests never disturb each other's offsets.
 */
final class ArticlesLog implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final KafkaConsumer<String, String> consumer;

    ArticlesLog() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props);
    }

    /** Where the log ends now, per partition. */
    Map<TopicPartition, Long> end() {
        return consumer.endOffsets(partitions(), TIMEOUT);
    }

    List<ConsumerRecord<String, String>> all() {
        return since(consumer.beginningOffsets(partitions(), TIMEOUT));
    }

    List<ConsumerRecord<String, String>> forKey(String key) {
        return all().stream().filter(r -> key.equals(r.key())).collect(Collectors.toList());
    }

    /** Every record from the given offsets to the current end of the log. */
    List<ConsumerRecord<String, String>> since(Map<TopicPartition, Long> start) {
        Map<TopicPartition, Long> end = end();
        List<TopicPartition> partitions = new ArrayList<>(end.keySet());
        consumer.assign(partitions);
        for (TopicPartition partition : partitions) {
            consumer.seek(partition, start.getOrDefault(partition, 0L));
        }
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("could not read the articles topic up to " + end);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records.stream()
                .filter(r -> r.offset() < end.get(new TopicPartition(r.topic(), r.partition())))
                .collect(Collectors.toList());
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static int headerCount(ConsumerRecord<String, String> record, String name) {
        int count = 0;
        for (var ignored : record.headers().headers(name)) {
            count++;
        }
        return count;
    }

    private List<TopicPartition> partitions() {
        List<PartitionInfo> infos = consumer.partitionsFor(Topics.ARTICLES, TIMEOUT);
        return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).collect(Collectors.toList());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
