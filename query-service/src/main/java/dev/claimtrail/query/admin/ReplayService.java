package dev.claimtrail.query.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimtrail.query.infra.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of one topic within a time window, as NDJSON: one line per record with its coordinates,
 * key, headers and the event body. The window is turned into offsets with {@code offsetsForTimes}
 * (the first record at or after each bound), so the read is bounded even while the topic grows.
 */
@ApplicationScoped
public class ReplayService {

    /** A parsed window on one topic. */
    public record Window(String topic, Instant from, Instant to) {
    }

    @Inject
    KafkaLogs kafka;

    @Inject
    ObjectMapper mapper;

    /** Validates the request parameters; every problem is the caller's, so 400 with the reason. */
    public Window window(String topic, String from, String to) {
        if (topic == null || topic.isBlank()) {
            throw ProblemException.badRequest("topic is required: one of " + allTopics());
        }
        if (!allTopics().contains(topic.strip())) {
            throw ProblemException.badRequest("topic must be one of " + allTopics() + ", got '" + topic + "'");
        }
        Instant start = instant("from", from, Instant.EPOCH);
        Instant end = instant("to", to, null);
        if (end != null && !end.isAfter(start)) {
            throw ProblemException.badRequest("to must be after from");
        }
        return new Window(topic.strip(), start, end);
    }

    /**
     * Writes the window's records partition by partition, each in offset order. Read committed: an
     * aborted transaction's records are not part of the log's history.
     */
    public void write(Window window, OutputStream out) throws IOException {
        try (KafkaConsumer<String, String> consumer = kafka.consumer()) {
            List<TopicPartition> partitions = KafkaLogs.partitions(consumer, window.topic());
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> starts = positions(consumer, partitions, window.from(), ends);
            Map<TopicPartition, Long> stops = window.to() == null ? ends : positions(consumer, partitions, window.to(), ends);
            Map<TopicPartition, long[]> ranges = new HashMap<>();
            partitions.forEach(p -> ranges.put(p, new long[] {starts.get(p), Math.min(stops.get(p), ends.get(p))}));
            KafkaLogs.read(consumer, ranges, record -> {
                try {
                    out.write(mapper.writeValueAsBytes(line(record)));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the client went away: stop reading
        }
    }

    ObjectNode line(ConsumerRecord<String, String> record) {
        ObjectNode line = mapper.createObjectNode();
        line.put("topic", record.topic());
        line.put("partition", record.partition());
        line.put("offset", record.offset());
        line.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
        line.put("key", record.key());
        ObjectNode headers = line.putObject("headers");
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        if (record.value() == null) {
            line.putNull("event");
        } else {
            try {
                JsonNode body = mapper.readTree(record.value());
                line.set("event", body);
            } catch (JsonProcessingException e) {
                // Dead letters may hold what never was JSON; show it as it is rather than drop it.
                line.put("value", record.value());
            }
        }
        return line;
    }

    /** The first offset at or after {@code at} per partition; the end offset when there is none. */
    private static Map<TopicPartition, Long> positions(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions,
                                                       Instant at, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, at.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp hit = found.get(p);
            positions.put(p, hit == null ? ends.get(p) : hit.offset());
        }
        return positions;
    }

    private static Instant instant(String name, String value, Instant absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be an ISO-8601 instant such as 2024-02-14T10:00:00Z, got '"
                    + value + "'");
        }
    }

    static List<String> allTopics() {
        List<String> topics = new ArrayList<>(StatusService.EVENT_TOPICS);
        topics.addAll(DeadLetterService.TOPICS);
        return topics;
    }
}
