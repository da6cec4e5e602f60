package dev.claimtrail.claims.recording;

import dev.claimtrail.events.ArticleIngested;
import dev.claimtrail.events.ArticleProcessed;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.events.CloudEvents;
import dev.claimtrail.events.Event;
import dev.claimtrail.events.EventCodec;
import dev.claimtrail.events.Ids;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The claims service on a real KRaft broker: articles in, claim events out, inside Kafka
 * transactions; poison records go to the dead-letter topic and the stream goes on.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class ArticleStreamProcessorTest {

    @Test
    void anArticleBecomesClaimEventsClosedByExactlyOneProcessedMarker() {
        String text = "Colonel Dana Reyes, a spokeswoman for the border guard, said on Monday that up to 300 fighters "
                + "had crossed the river. The weather was cold.";
        ArticleSnapshot article = article(text);
        publishArticle(article);

        List<ConsumerRecord<String, String>> events = awaitClaimsUntilProcessed(article.id());
        ArticleProcessed processed = (ArticleProcessed) decode(events.get(events.size() - 1));
        List<ClaimRecorded> claims = events.subList(0, events.size() - 1).stream()
                .map(r -> (ClaimRecorded) decode(r)).toList();
        assertEquals(claims.size(), processed.claimCount());
        assertEquals(ArticleProcessed.EXTRACTED, processed.outcome());
        assertTrue(claims.stream().anyMatch(c -> c.claim().source().name().contains("Reyes")
                && c.claim().content().text().contains("300 fighters")), claims.toString());
        for (ConsumerRecord<String, String> record : events) {
            assertEquals(article.id(), record.key(), "the claims topic is keyed by article id");
            assertEquals("1.0", header(record, "ce_specversion"));
            assertEquals(decode(record).eventId(), header(record, "ce_id"));
        }
        for (ClaimRecorded recorded : claims) {
            assertEquals(text.substring(recorded.claim().content().start(), recorded.claim().content().end()),
                    recorded.claim().content().text(), "content offsets point into the article text");
        }
    }

    @Test
    void poisonRecordsAreDeadLetteredWithTheirReasonAndTheStreamGoesOn() {
        String poisonKey = "poison-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            ProducerRecord<String, String> garbage = new ProducerRecord<>("articles", poisonKey, "{not json");
            garbage.headers().add("ce_type", ArticleIngested.TYPE.getBytes(StandardCharsets.UTF_8));
            producer.send(garbage);
            ProducerRecord<String, String> untyped = new ProducerRecord<>("articles", poisonKey, "{}");
            producer.send(untyped);
            producer.flush();
        }
        ArticleSnapshot after = article("The mayor said the bridge would reopen in May.");
        publishArticle(after);

        awaitClaimsUntilProcessed(after.id());
        List<ConsumerRecord<String, String>> dead = readUntil("articles.dlq", r -> poisonKey.equals(r.key()), 2);
        assertEquals(2, dead.size());
        for (ConsumerRecord<String, String> record : dead) {
            String reason = header(record, "dead-letter-reason");
            assertTrue(reason != null && !reason.isBlank(), "a dead letter says why");
            assertEquals("articles", header(record, "dead-letter-topic"));
        }
    }

    private static ArticleSnapshot article(String text) {
        String id = Ids.articleId("ext:test-" + UUID.randomUUID());
        return new ArticleSnapshot(id, 1, "test", null, null, "Test Outlet", "2025-03-04", "en", text, Ids.sha256Hex(text));
    }

    private static void publishArticle(ArticleSnapshot article) {
        ArticleIngested event = new ArticleIngested(1, Ids.articleEventId(article.id(), 1), Instant.now(), article);
        try (KafkaProducer<String, String> producer = producer()) {
            ProducerRecord<String, String> record = new ProducerRecord<>("articles", article.id(), EventCodec.toJson(event));
            CloudEvents.headers(event, "/test", Instant.now())
                    .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record);
            producer.flush();
        }
    }

    private static List<ConsumerRecord<String, String>> awaitClaimsUntilProcessed(String articleId) {
        List<ConsumerRecord<String, String>> mine = readUntil("claims", r -> articleId.equals(r.key())
                && ArticleProcessed.TYPE.equals(header(r, "ce_type")), 1, articleId);
        return mine;
    }

    private static List<ConsumerRecord<String, String>> readUntil(String topic,
            java.util.function.Predicate<ConsumerRecord<String, String>> stop, int stops) {
        return readUntil(topic, stop, stops, null);
    }

    /** Reads the topic from the start as a read_committed consumer until {@code stops} records matched. */
    private static List<ConsumerRecord<String, String>> readUntil(String topic,
            java.util.function.Predicate<ConsumerRecord<String, String>> stop, int stops, String keyFilter) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.sharedBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        int matched = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    boolean mine = keyFilter == null ? stop.test(record) : keyFilter.equals(record.key());
                    if (mine) {
                        seen.add(record);
                    }
                    if (stop.test(record) && ++matched == stops) {
                        return seen;
                    }
                }
            }
        }
        fail("no " + stops + " matching records on " + topic + " within 90 s; saw " + seen.size());
        return seen;
    }

    private static Event decode(ConsumerRecord<String, String> record) {
        return EventCodec.fromJson(header(record, "ce_type"), record.value());
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
}
