package dev.claimtrail.query.infra.observability;

import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.events.CloudEvents;
import dev.claimtrail.events.Topics;
import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.infra.embedded.PostgresTestResource;
import dev.claimtrail.query.support.Await;
import dev.claimtrail.query.support.EventProducer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Health, the query-service metrics and the trace of a record through a projection. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class QueryObservabilityTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

    @Inject
    RebuildMetrics rebuildMetrics;

    @Test
    void readinessCoversTheDatabaseAndTheBroker() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'kafka-broker' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
    }

    /**
     * The projection runs inside the record's trace: the dead letter it writes for an unreadable record
     * carries that trace on, under a span of query-service.
     */
    @Test
    void aDeadLetteredRecordContinuesTheTraceAndIsCounted() throws Exception {
        double before = sample("claimtrail_dead_letters_total", "source_topic=\"claims\"", "reason=\"undecodable\"");
        String traceId = randomHex(32);
        String producerSpanId = randomHex(16);
        RecordMetadata poison;
        try (EventProducer producer = EventProducer.connect()) {
            poison = producer.publishRaw(Topics.CLAIMS, UUID.randomUUID().toString(), "{\"claim\": ",
                    Map.of(CloudEvents.TYPE_HEADER, ClaimRecorded.TYPE,
                            "traceparent", "00-" + traceId + "-" + producerSpanId + "-01"));
        }
        ConsumerRecord<String, String> letter = deadLetter(Topics.CLAIMS_DLQ, poison);
        Header last = letter.headers().lastHeader("traceparent");
        assertNotNull(last);
        Matcher traceparent = TRACEPARENT.matcher(new String(last.value(), StandardCharsets.UTF_8));
        assertTrue(traceparent.matches(), traceparent.toString());
        assertEquals(traceId, traceparent.group(1), "the dead letter continues the record's trace");
        assertNotEquals(producerSpanId, traceparent.group(2), "under a span of query-service");

        Await.projection().until(() ->
                sample("claimtrail_dead_letters_total", "source_topic=\"claims\"", "reason=\"undecodable\"") == before + 1);
    }

    @Test
    void rebuildProgressIsAGaugeWhileItRunsAndACountOnceItEnded() {
        String rebuild = "obs-" + UUID.randomUUID();
        String label = "rebuild=\"" + rebuild + "\"";
        rebuildMetrics.progress(rebuild, 50, 200);
        assertEquals(50.0, sample("claimtrail_rebuild_applied_events", label));
        assertEquals(200.0, sample("claimtrail_rebuild_target_events", label));
        assertEquals(0.25, sample("claimtrail_rebuild_progress_ratio", label));
        rebuildMetrics.progress(rebuild, 200, 200);
        assertEquals(1.0, sample("claimtrail_rebuild_progress_ratio", label));

        double succeeded = sample("claimtrail_rebuilds_total", "outcome=\"succeeded\"");
        rebuildMetrics.finished(rebuild, true);
        assertFalse(metrics().contains(label), "a finished rebuild has no gauges left");
        assertEquals(succeeded + 1, sample("claimtrail_rebuilds_total", "outcome=\"succeeded\""));
    }

    @Test
    void kafkaConsumerMetricsNameTheirConsumerGroup() {
        Await.projection().untilAsserted(() -> {
            List<String> articleConsumer = metrics().lines()
                    .filter(line -> line.startsWith("kafka_consumer_") && line.contains("client_id=\"kafka-consumer-articles-in\""))
                    .toList();
            assertFalse(articleConsumer.isEmpty(), "the articles projection's consumer is measured");
            for (String line : articleConsumer) {
                assertTrue(line.contains("group=\"query-service-articles\""), line);
            }
        });
    }

    private static String metrics() {
        return given().accept("text/plain").when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** Sum of the samples of {@code name} whose labels contain every one of {@code labels}. */
    private static double sample(String name, String... labels) {
        double sum = 0;
        Matcher sample = Pattern.compile("^" + name + "\\{([^}]*)} (\\S+)", Pattern.MULTILINE).matcher(metrics());
        while (sample.find()) {
            String found = sample.group(1);
            if (List.of(labels).stream().allMatch(found::contains)) {
                sum += Double.parseDouble(sample.group(2));
            }
        }
        return sum;
    }

    private static ConsumerRecord<String, String> deadLetter(String topic, RecordMetadata original) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EventProducer.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(15)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (Long.toString(original.offset()).equals(header(r, "dead-letter-offset"))
                            && Integer.toString(original.partition()).equals(header(r, "dead-letter-partition"))
                            && original.topic().equals(header(r, "dead-letter-topic"))) {
                        return r;
                    }
                }
            }
        }
        fail("no dead letter for " + original + " on " + topic);
        return null;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String randomHex(int length) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < length) {
            hex.append(UUID.randomUUID().toString().replace("-", ""));
        }
        return hex.substring(0, length);
    }
}
