package dev.claimtrail.query.rebuild;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads every partition of one topic from its beginning up to an end position, with a consumer of its
 * own: partitions are assigned, not subscribed, and nothing is committed, so the live consumer groups
 * are never disturbed. The end is captured at opening and moved on by {@link #extendToEnd()} while the
 * rebuild catches up with records published meanwhile. Reads only committed records, like the live
 * claims consumer (claims-service writes claims and their ArticleProcessed in one Kafka transaction).
 */
final class LogReader implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final Map<TopicPartition, Long> beginning;
    private Map<TopicPartition, Long> end;

    LogReader(String bootstrapServers, String topic, String groupId, int maxPollRecords) {
        this.topic = topic;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // Named after the rebuild for operators' tools; never joins or commits (partitions are assigned).
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + topic);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(maxPollRecords));
        // Replaying history is bulk reading: fetch large chunks per partition.
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(8 << 20));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(p);
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " has no partitions");
            }
            for (PartitionInfo info : infos) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            beginning = consumer.beginningOffsets(partitions, TIMEOUT);
            end = consumer.endOffsets(partitions, TIMEOUT);
            for (TopicPartition partition : partitions) {
                consumer.position(partition, TIMEOUT); // resolves the lazy seek now, not in the first poll
            }
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    String topic() {
        return topic;
    }

    /** Moves the end to the current end of the log (for claims: the last stable offset). */
    void extendToEnd() {
        end = consumer.endOffsets(partitions, TIMEOUT);
    }

    /** Whether every partition has been read up to the end. */
    boolean caughtUp() {
        return lag() == 0;
    }

    /** Records (and transaction markers) between the read position and the end. */
    long lag() {
        long lag = 0;
        for (TopicPartition partition : partitions) {
            lag += Math.max(0, end.get(partition) - consumer.position(partition, TIMEOUT));
        }
        return lag;
    }

    /** Records read so far, counting from the log's beginning. */
    long read() {
        long read = 0;
        for (TopicPartition partition : partitions) {
            read += consumer.position(partition, TIMEOUT) - beginning.get(partition);
        }
        return read;
    }

    /** Records from the beginning to the end. */
    long target() {
        long target = 0;
        for (TopicPartition partition : partitions) {
            target += end.get(partition) - beginning.get(partition);
        }
        return Math.max(target, read());
    }

    /**
     * The next records of the partitions not yet read to the end; records past the end in the same fetch
     * are returned too (applying more than planned is harmless, their offsets are stored with them).
     */
    List<ConsumerRecord<String, String>> poll() {
        List<TopicPartition> behind = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition, TIMEOUT) < end.get(partition)) {
                behind.add(partition);
            }
        }
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        if (behind.isEmpty()) {
            return out;
        }
        consumer.pause(partitions);
        consumer.resume(behind);
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        records.forEach(out::add);
        return out;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
