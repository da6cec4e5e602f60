package dev.claimtrail.query.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimtrail.events.Topics;
import dev.claimtrail.query.infra.DeadLetters;
import dev.claimtrail.query.infra.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dead-letter topics as an operator sees them: every dead letter with its reason and the consumer
 * group that failed on it, and whether it has been redriven.
 *
 * <p>A redrive leaves a marker record in the same dead-letter topic (header {@value #REDRIVEN}, the
 * letter's id) rather than a row in some service's database: both services that redrive (claims for
 * extraction failures, query for undecodable records) and this listing then agree on the status by
 * reading one log, and the status survives a read-model rebuild. Claims-service writes the same header
 * names.
 */
@ApplicationScoped
public class DeadLetterService {

    public static final List<String> TOPICS = List.of(Topics.ARTICLES_DLQ, Topics.CLAIMS_DLQ);
    /** Header of a redrive marker: the id of the dead letter it settles. */
    public static final String REDRIVEN = "dead-letter-redriven";
    /** Header of a redrive marker: the service that processed the dead letter again. */
    public static final String REDRIVEN_BY = "dead-letter-redriven-by";
    public static final String PENDING = "pending";
    public static final String REDRIVEN_STATUS = "redriven";

    /** One dead letter; {@code redrivenAt}/{@code redrivenBy} are set once it has been redriven. */
    public record DeadLetterView(String id, String topic, int partition, long offset, Instant timestamp, String key,
                                 String consumerGroup, String reason, String cause, String sourceTopic,
                                 String sourcePartition, String sourceOffset, String eventType, String eventId,
                                 String status, Instant redrivenAt, String redrivenBy) {
    }

    /** A dead letter with everything it carries: all headers and the original value. */
    public record DeadLetterDetail(DeadLetterView letter, Map<String, String> headers, Object value) {
    }

    /** What one dead-letter topic holds. */
    public record Counts(String topic, int total, int pending, int redriven) {
    }

    /**
     * A letter's coordinates, parsed from its id {@code topic-partition-offset} (only unreserved URI
     * characters, so the id is the same in a path whatever a client encodes).
     */
    public record LetterId(String topic, int partition, long offset) {
        private static final Pattern FORM = Pattern.compile("(.+)-(\\d{1,9})-(\\d{1,18})");

        public static LetterId parse(String id) {
            Matcher m = FORM.matcher(id == null ? "" : id);
            if (m.matches() && TOPICS.contains(m.group(1))) {
                return new LetterId(m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
            }
            throw ProblemException.badRequest("a dead-letter id is topic-partition-offset with topic one of "
                    + TOPICS + ", e.g. articles.dlq-0-12; got '" + id + "'");
        }

        @Override
        public String toString() {
            return topic + "-" + partition + "-" + offset;
        }
    }

    private record Marker(Instant at, String by) {
    }

    @Inject
    KafkaLogs kafka;

    @Inject
    ObjectMapper mapper;

    /** Every dead letter of the given topics (all when null), oldest first per topic. */
    public List<DeadLetterView> list(String topic, String status) {
        List<String> topics = topic == null ? TOPICS : List.of(requireDlqTopic(topic));
        if (status != null && !status.equals(PENDING) && !status.equals(REDRIVEN_STATUS)) {
            throw ProblemException.badRequest("status must be '" + PENDING + "' or '" + REDRIVEN_STATUS + "', got '" + status + "'");
        }
        List<ConsumerRecord<String, String>> letters = new ArrayList<>();
        Map<String, Marker> markers = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = kafka.consumer()) {
            Map<TopicPartition, long[]> ranges = new HashMap<>();
            for (String t : topics) {
                List<TopicPartition> partitions = KafkaLogs.partitions(consumer, t);
                Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                partitions.forEach(p -> ranges.put(p, new long[] {starts.get(p), ends.get(p)}));
            }
            KafkaLogs.read(consumer, ranges, record -> {
                String settles = header(record.headers(), REDRIVEN);
                if (settles != null) {
                    markers.putIfAbsent(settles, new Marker(Instant.ofEpochMilli(record.timestamp()),
                            header(record.headers(), REDRIVEN_BY)));
                } else {
                    letters.add(record);
                }
            });
        }
        List<DeadLetterView> views = new ArrayList<>(letters.size());
        for (ConsumerRecord<String, String> record : letters) {
            DeadLetterView view = view(record, markers.get(idOf(record)));
            if (status == null || status.equals(view.status())) {
                views.add(view);
            }
        }
        return views;
    }

    public List<Counts> counts() {
        List<DeadLetterView> all = list(null, null);
        List<Counts> counts = new ArrayList<>();
        for (String topic : TOPICS) {
            int total = 0;
            int pending = 0;
            for (DeadLetterView letter : all) {
                if (letter.topic().equals(topic)) {
                    total++;
                    pending += letter.status().equals(PENDING) ? 1 : 0;
                }
            }
            counts.add(new Counts(topic, total, pending, total - pending));
        }
        return counts;
    }

    public DeadLetterDetail show(LetterId id) {
        ConsumerRecord<String, String> record = find(id);
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        Object value;
        try {
            value = record.value() == null ? null : mapper.readTree(record.value());
        } catch (JsonProcessingException e) {
            value = record.value(); // undecodable is often the very reason it is here: show it as it is
        }
        return new DeadLetterDetail(view(record, marker(id)), headers, value);
    }

    /** The dead letter itself; 404 when there is no such record or it is a redrive marker. */
    public ConsumerRecord<String, String> find(LetterId id) {
        try (KafkaConsumer<String, String> consumer = kafka.consumer()) {
            TopicPartition partition = new TopicPartition(id.topic(), id.partition());
            if (!KafkaLogs.partitions(consumer, id.topic()).contains(partition)) {
                throw ProblemException.notFound("no dead letter " + id);
            }
            long start = consumer.beginningOffsets(List.of(partition)).get(partition);
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            if (id.offset() < start || id.offset() >= end) {
                throw ProblemException.notFound("no dead letter " + id + " (the topic holds offsets " + start + " to " + (end - 1) + ")");
            }
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            KafkaLogs.read(consumer, Map.of(partition, new long[] {id.offset(), id.offset() + 1}), found::add);
            if (found.isEmpty() || found.get(0).offset() != id.offset() || header(found.get(0).headers(), REDRIVEN) != null) {
                throw ProblemException.notFound("no dead letter " + id);
            }
            return found.get(0);
        }
    }

    /** Whether a redrive marker for the letter exists. */
    public boolean redriven(LetterId id) {
        return marker(id) != null;
    }

    private Marker marker(LetterId id) {
        String wanted = id.toString();
        Marker[] found = new Marker[1];
        try (KafkaConsumer<String, String> consumer = kafka.consumer()) {
            List<TopicPartition> partitions = KafkaLogs.partitions(consumer, id.topic());
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, long[]> ranges = new HashMap<>();
            // A marker is always written after its letter: on the letter's partition, only later offsets count.
            partitions.forEach(p -> ranges.put(p, new long[] {
                    p.partition() == id.partition() ? Math.max(starts.get(p), id.offset() + 1) : starts.get(p), ends.get(p)}));
            KafkaLogs.read(consumer, ranges, record -> {
                if (found[0] == null && wanted.equals(header(record.headers(), REDRIVEN))) {
                    found[0] = new Marker(Instant.ofEpochMilli(record.timestamp()), header(record.headers(), REDRIVEN_BY));
                }
            });
        }
        return found[0];
    }

    /**
     * Appends the redrive marker of a letter and waits for the broker, so that a listing right after
     * the redrive already shows it.
     */
    public void markRedriven(LetterId id, String key, String by) {
        Instant now = Instant.now();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("redriven", id.toString());
        body.put("by", by);
        body.put("at", now.toString());
        ProducerRecord<String, String> record;
        try {
            record = new ProducerRecord<>(id.topic(), key, mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
        record.headers().add(new RecordHeader(REDRIVEN, id.toString().getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader(REDRIVEN_BY, by.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, String> producer = kafka.producer()) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording the redrive of " + id, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not record the redrive of " + id, e);
        }
    }

    static String requireDlqTopic(String topic) {
        if (!TOPICS.contains(topic)) {
            throw ProblemException.badRequest("topic must be one of " + TOPICS + ", got '" + topic + "'");
        }
        return topic;
    }

    static String idOf(ConsumerRecord<?, ?> record) {
        return new LetterId(record.topic(), record.partition(), record.offset()).toString();
    }

    private static DeadLetterView view(ConsumerRecord<String, String> record, Marker marker) {
        Headers h = record.headers();
        return new DeadLetterView(idOf(record), record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()), record.key(),
                header(h, DeadLetters.CONSUMER_GROUP), header(h, DeadLetters.REASON), header(h, "dead-letter-cause"),
                header(h, DeadLetters.TOPIC), header(h, DeadLetters.PARTITION), header(h, DeadLetters.OFFSET),
                header(h, "ce_type"), header(h, "ce_id"),
                marker == null ? PENDING : REDRIVEN_STATUS,
                marker == null ? null : marker.at(), marker == null ? null : marker.by());
    }

    static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
