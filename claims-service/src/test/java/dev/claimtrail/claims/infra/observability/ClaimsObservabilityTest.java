package dev.claimtrail.claims.infra.observability;

import dev.claimtrail.events.ArticleIngested;
import dev.claimtrail.events.ArticleProcessed;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.events.CloudEvents;
import dev.claimtrail.events.EventCodec;
import dev.claimtrail.events.Ids;
import dev.claimtrail.events.Topics;
import dev.claimtrail.infra.embedded.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The trace of an article continues into its claims records; extraction and dead letters are measured. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class ClaimsObservabilityTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

    @Test
    void claimRecordsCarryTheTraceOfTheirArticleRecord() {
        String traceId = randomHex(32);
        String articleSpanId = randomHex(16);
        ArticleSnapshot article = article("Colonel Dana Reyes, a spokeswoman for the border guard, said on Monday that "
                + "up to 300 fighters had crossed the river.");
        publish(article, "00-" + traceId + "-" + articleSpanId + "-01");

        List<ConsumerRecord<String, String>> records = claimsOf(article.id());
        assertTrue(records.size() >= 2, "at least one claim and the ArticleProcessed: " + records.size());
        for (ConsumerRecord<String, String> record : records) {
            String type = header(record, CloudEvents.TYPE_HEADER);
            String traceparent = header(record, "traceparent");
            assertNotNull(traceparent, type + " carries a traceparent");
            Matcher matcher = TRACEPARENT.matcher(traceparent);
            assertTrue(matcher.matches(), traceparent);
            assertEquals(traceId, matcher.group(1), type + " continues the article's trace");
            assertNotEquals(articleSpanId, matcher.group(2), "a span of claims-service is the parent, not the producer's");
        }
        assertTrue(records.stream().anyMatch(r -> ClaimRecorded.TYPE.equals(header(r, CloudEvents.TYPE_HEADER))));
    }

    @Test
    void extractionAndDeadLettersAreMeasured() {
        double extractedBefore = sample("claimtrail_extraction_seconds_count", "outcome=\"extracted\"");
        double deadBefore = sample("claimtrail_dead_letters_total", "reason=\"undecodable\"");

        ArticleSnapshot article = article("The mayor said the bridge would reopen in May.");
        publish(article, null);
        String poisonKey = "poison-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            ProducerRecord<String, String> garbage = new ProducerRecord<>(Topics.ARTICLES, poisonKey, "{not json");
            garbage.headers().add(CloudEvents.TYPE_HEADER, ArticleIngested.TYPE.getBytes(StandardCharsets.UTF_8));
            producer.send(garbage);
            producer.flush();
        }
        claimsOf(article.id());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertTrue(sample("claimtrail_extraction_seconds_count", "outcome=\"extracted\"") >= extractedBefore + 1);
            assertEquals(deadBefore + 1, sample("claimtrail_dead_letters_total", "reason=\"undecodable\""));
        });
        String metrics = metrics();
        assertTrue(metrics.contains("claimtrail_extraction_claims_count{"), "claims per article");
        assertTrue(metrics.contains("claimtrail_extraction_seconds_bucket{"), "latency histogram");
    }

    @Test
    void readinessIncludesTheBroker() {
        given().when().get("/q/health/ready").then().statusCode(200);
        String health = given().when().get("/q/health/ready").then().extract().asString();
        assertTrue(health.contains("kafka-broker"), health);
        given().when().get("/q/health/live").then().statusCode(200);
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** Sum of the samples of {@code name} whose labels contain {@code label}. */
    private static double sample(String name, String label) {
        double sum = 0;
        Matcher sample = Pattern.compile("^" + name + "\\{([^}]*)} (\\S+)", Pattern.MULTILINE).matcher(metrics());
        while (sample.find()) {
            if (sample.group(1).contains(label)) {
                sum += Double.parseDouble(sample.group(2));
            }
        }
        return sum;
    }

    private static ArticleSnapshot article(String text) {
        String id = Ids.articleId("ext:obs-" + UUID.randomUUID());
        return new ArticleSnapshot(id, 1, "obs", null, null, "Test Outlet", "2025-03-04", "en", text, Ids.sha256Hex(text));
    }

    private static void publish(ArticleSnapshot article, String traceparent) {
        ArticleIngested event = new ArticleIngested(1, Ids.articleEventId(article.id(), 1), Instant.now(), article);
        try (KafkaProducer<String, String> producer = producer()) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ARTICLES, article.id(), EventCodec.toJson(event));
            CloudEvents.headers(event, "/test", Instant.now())
                    .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            if (traceparent != null) {
                record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
            }
            producer.send(record);
            producer.flush();
        }
    }

    /** The article's records on the claims topic, up to its ArticleProcessed (read_committed). */
    private static List<ConsumerRecord<String, String>> claimsOf(String articleId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.sharedBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> mine = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.CLAIMS));
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (articleId.equals(record.key())) {
                        mine.add(record);
                        if (ArticleProcessed.TYPE.equals(header(record, CloudEvents.TYPE_HEADER))) {
                            return mine;
                        }
                    }
                }
            }
        }
        fail("no ArticleProcessed for " + articleId + " within 90 s");
        return mine;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.sharedBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    private static String randomHex(int length) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < length) {
            hex.append(UUID.randomUUID().toString().replace("-", ""));
        }
        return hex.substring(0, length);
    }
}
