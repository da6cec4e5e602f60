package dev.claimtrail.system;

import dev.claimtrail.events.CloudEvents;
import dev.claimtrail.events.EventCodec;
import dev.claimtrail.events.EventDecodingException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a whole topic back to check what the system promises about its logs: which events each
 * article has, by event id, and where each partition's last record lies.
 */
final class LogInvariants {

    /**
     * Per article id: the distinct event ids and the number of records of the given CloudEvents type
     * prefix, counting only records that decode as events (poison is dead-lettered, not applied).
     */
    record Events(Map<String, Set<String>> eventIds, Map<String, Integer> records, Map<TopicPartition, Long> lastOffsets) {
        int distinct(String articleId) {
            return eventIds.getOrDefault(articleId, Set.of()).size();
        }

        int records(String articleId) {
            return records.getOrDefault(articleId, 0);
        }
    }

    private LogInvariants() {
    }

    /**
     * Reads {@code topic} from the beginning to its end offsets. {@code read_committed} sees what a
     * transactional consumer sees: aborted writes of a killed producer are skipped.
     */
    static Events read(String bootstrap, String topic, String isolation, String typePrefix) {
        Map<String, Set<String>> ids = new HashMap<>();
        Map<String, Integer> records = new HashMap<>();
        Map<TopicPartition, Long> last = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end offsets " + end);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    last.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::max);
                    String type = header(record, CloudEvents.TYPE_HEADER);
                    if (type != null && type.startsWith(typePrefix) && record.key() != null && decodes(type, record.value())) {
                        ids.computeIfAbsent(record.key(), k -> new HashSet<>()).add(header(record, CloudEvents.ID_HEADER));
                        records.merge(record.key(), 1, Integer::sum);
                    }
                }
            }
        }
        return new Events(ids, records, last);
    }

    static boolean decodes(String type, String value) {
        try {
            EventCodec.fromJson(type, value);
            return true;
        } catch (EventDecodingException e) {
            return false;
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
