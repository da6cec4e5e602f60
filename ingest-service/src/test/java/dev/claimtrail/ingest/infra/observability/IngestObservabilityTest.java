package dev.claimtrail.ingest.infra.observability;

import dev.claimtrail.events.Topics;
import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.infra.embedded.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Health, the ingest metrics and the trace an article carries from the HTTP request into the log. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class IngestObservabilityTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

    @Test
    void healthIsUpWithTheDatabaseAndBrokerChecks() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'kafka-broker' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
    }

    @Test
    void everyOutcomeIsCountedPerFeed() {
        Map<String, Double> before = outcomes();
        String url = "https://news.example.org/metrics/" + UUID.randomUUID();
        push("{\"url\":\"" + url + "\",\"text\":\"The minister said talks would resume.\"}", 202);
        push("{\"url\":\"" + url + "\",\"text\":\"The minister said talks would resume.\"}", 200);
        push("{\"url\":\"" + url + "\",\"text\":\"The minister said talks would resume on Monday.\"}", 202);
        push("{\"url\":\"" + url + "\"}", 400);
        // A bulk body counts per article: one new, one rejected.
        given().contentType("application/x-ndjson")
                .body(("{\"text\":\"bulk " + UUID.randomUUID() + "\"}\n{\"title\":\"no text\"}\n").getBytes(StandardCharsets.UTF_8))
                .when().post("/api/articles").then().statusCode(200);

        Map<String, Double> after = outcomes();
        assertEquals(2.0, delta(before, after, "accepted"), after.toString());
        assertEquals(1.0, delta(before, after, "duplicate"), after.toString());
        assertEquals(1.0, delta(before, after, "revised"), after.toString());
        assertEquals(2.0, delta(before, after, "rejected"), after.toString());
    }

    @Test
    void theArticleRecordContinuesTheTraceOfTheHttpRequest() {
        String traceId = randomHex(32);
        String parentSpanId = randomHex(16);
        String url = "https://news.example.org/traced/" + UUID.randomUUID();
        String id = given().contentType("application/json")
                .header("traceparent", "00-" + traceId + "-" + parentSpanId + "-01")
                .body("{\"url\":\"" + url + "\",\"text\":\"The mayor said the bridge would reopen.\"}")
                .when().post("/api/articles").then().statusCode(202).extract().path("id");

        ConsumerRecord<String, String> record = articleRecord(id);
        Header header = record.headers().lastHeader("traceparent");
        assertNotNull(header, "the articles record carries a traceparent header");
        Matcher traceparent = TRACEPARENT.matcher(new String(header.value(), StandardCharsets.UTF_8));
        assertTrue(traceparent.matches(), traceparent.toString());
        assertEquals(traceId, traceparent.group(1), "same trace as the HTTP request");
        assertNotEquals(parentSpanId, traceparent.group(2), "the record's parent is a span of ingest, not the caller");
    }

    @Test
    void metricsAreExposedForPrometheus() {
        push("{\"url\":\"https://news.example.org/m/" + UUID.randomUUID() + "\",\"text\":\"The mayor said so.\"}", 202);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        // Prometheus text or OpenMetrics (with trace exemplars), whichever the scraper asks for.
        assertTrue(metrics.contains("claimtrail_ingest_articles_total{feed=\"none\",outcome=\"accepted\"}"), metrics);
        assertTrue(metrics.contains("kafka_producer_"), "the producer's own metrics are bound too");
    }

    private static void push(String json, int status) {
        given().contentType("application/json").body(json).when().post("/api/articles").then().statusCode(status);
    }

    /** Samples of {@code claimtrail_ingest_articles_total} for pushes without a feed key, by outcome. */
    private static Map<String, Double> outcomes() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> values = new HashMap<>();
        Matcher sample = Pattern.compile("^claimtrail_ingest_articles_total\\{([^}]*)} (\\S+)", Pattern.MULTILINE)
                .matcher(metrics);
        while (sample.find()) {
            String labels = sample.group(1);
            if (labels.contains("feed=\"none\"")) {
                Matcher outcome = Pattern.compile("outcome=\"([a-z]+)\"").matcher(labels);
                if (outcome.find()) {
                    values.put(outcome.group(1), Double.parseDouble(sample.group(2)));
                }
            }
        }
        return values;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String outcome) {
        return after.getOrDefault(outcome, 0.0) - before.getOrDefault(outcome, 0.0);
    }

    private static ConsumerRecord<String, String> articleRecord(String articleId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLES, Duration.ofSeconds(15)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (articleId.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        fail("no record of article " + articleId + " on " + Topics.ARTICLES);
        return null;
    }

    private static String randomHex(int length) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < length) {
            hex.append(UUID.randomUUID().toString().replace("-", ""));
        }
        return hex.substring(0, length);
    }
}
