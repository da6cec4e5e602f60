package dev.claimtrail.query.claims;

import dev.claimtrail.events.ArticleProcessed;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.events.CloudEvents;
import dev.claimtrail.events.EventCodec;
import dev.claimtrail.events.Topics;
import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.infra.embedded.PostgresTestResource;
import dev.claimtrail.query.support.Await;
import dev.claimtrail.query.support.EventProducer;
import dev.claimtrail.query.support.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static dev.claimtrail.query.support.CouncilClaims.engineers;
import static dev.claimtrail.query.support.CouncilClaims.mayor;
import static dev.claimtrail.query.support.CouncilClaims.servedIds;
import static dev.claimtrail.query.support.ReadModelRows.count;
import static dev.claimtrail.query.support.ReadModelRows.storedOffset;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The projection guarantees of design.md against the real broker and database: each event applied
 * once, the newest complete extraction served with the history kept, undecodable records
 * dead-lettered without stopping the stream, offsets stored with the rows.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ProjectionGuaranteesTest {

    static final String TEXT = "The council met late on Tuesday. "
            + "Mayor Lena Ortiz said that the new bridge would open in spring. "
            + "Engineers warned that the budget could double.";

    static final String REVISED_TEXT = "The council met late on Tuesday evening. "
            + "Mayor Lena Ortiz said that the new bridge would open in summer.";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ClaimProjection projection;

    @Test
    void theSameClaimRecordedTwiceIsOneRow() throws Exception {
        ArticleSnapshot article = article();
        ClaimRecorded claim = mayor(article, "1.0");
        List<RecordMetadata> sent;
        try (EventProducer producer = EventProducer.connect()) {
            producer.publishInTransaction(Topics.CLAIMS, claim);
            // claims-service re-running after a crash records the very same event again
            sent = producer.publishInTransaction(Topics.CLAIMS, claim,
                    TestEvents.processed(article, "1.0", 1, ArticleProcessed.EXTRACTED));
        }
        Await.projection().until(() -> servedIds(article).size() == 1);
        assertEquals(1, count(dataSource, "SELECT count(*) FROM claim WHERE article_id = ?", article.id()));
        assertEquals(1, count(dataSource, "SELECT count(*) FROM claim_subject WHERE claim_id = ?", claim.eventId()));
        // The stored position is past the last record applied, in the same partition.
        RecordMetadata last = sent.get(sent.size() - 1);
        assertTrue(storedOffset(dataSource, "query-service-claims", last.topic(), last.partition()) > last.offset());
    }

    @Test
    void aNewerExtractorVersionIsServedAndTheOlderClaimsStayStored() {
        ArticleSnapshot article = article();
        ClaimRecorded oldMayor = mayor(article, "1.9");
        ClaimRecorded oldEngineers = engineers(article, "1.9");
        ClaimRecorded newMayor = mayor(article, "1.10");
        try (EventProducer producer = EventProducer.connect()) {
            producer.publish(Topics.ARTICLES, TestEvents.ingested(article));
            producer.publishInTransaction(Topics.CLAIMS, oldMayor, oldEngineers,
                    TestEvents.processed(article, "1.9", 2, ArticleProcessed.EXTRACTED));
            Await.projection().until(() -> servedIds(article).size() == 2);

            producer.publishInTransaction(Topics.CLAIMS, newMayor,
                    TestEvents.processed(article, "1.10", 1, ArticleProcessed.EXTRACTED));
            Await.projection().until(() -> servedIds(article).equals(List.of(newMayor.eventId())));

            // 1.10 is newer than 1.9 although it sorts before it as text; a failed run of a still newer
            // version must not displace a version that worked either.
            producer.publishInTransaction(Topics.CLAIMS,
                    TestEvents.processed(article, "1.11", 0, ArticleProcessed.FAILED));
            Await.projection().until(() -> count(dataSource,
                    "SELECT count(*) FROM article_processing WHERE article_id = ?",
                    article.id()) == 3);
        }
        assertEquals(List.of(newMayor.eventId()), servedIds(article));
        given().get("/api/articles/" + article.id()).then().statusCode(200)
                .body("extractor.version", equalTo("1.10"))
                .body("claimCount", equalTo(1))
                .body("status", equalTo("processed"));
        List<String> history = given().queryParam("articleId", article.id()).queryParam("history", true)
                .get("/api/claims").then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(oldMayor.eventId(), oldEngineers.eventId(), newMayor.eventId()), history);
    }

    @Test
    void aNewRevisionIsPendingUntilProcessedThenServedWithItsOwnText() {
        ArticleSnapshot first = article();
        ArticleSnapshot second = TestEvents.article(first.externalId(), 2, first.publishedAt(), REVISED_TEXT);
        ClaimRecorded firstClaim = mayor(first, "1.0");
        try (EventProducer producer = EventProducer.connect()) {
            producer.publish(Topics.ARTICLES, TestEvents.ingested(first));
            producer.publishInTransaction(Topics.CLAIMS, firstClaim,
                    TestEvents.processed(first, "1.0", 1, ArticleProcessed.EXTRACTED));
            Await.projection().until(() -> servedIds(first).size() == 1);

            producer.publish(Topics.ARTICLES, TestEvents.revised(second, first));
            Await.projection().until(() -> given().get("/api/articles/" + first.id()).path("latestRevision")
                    .equals(2));
            // Until revision 2 is extracted, revision 1 stays served with the text its spans point into.
            given().get("/api/articles/" + first.id()).then()
                    .body("status", equalTo("pending"))
                    .body("revision", equalTo(1))
                    .body("text", equalTo(TEXT))
                    .body("claimCount", equalTo(1));
            assertEquals(List.of(firstClaim.eventId()), servedIds(first));

            ClaimRecorded secondClaim = TestEvents.claim(second, "1.0")
                    .source("Lena Ortiz", Claim.Source.PERSON, "Lena Ortiz").cue("said", "say")
                    .content("the new bridge would open in summer").recorded();
            producer.publishInTransaction(Topics.CLAIMS, secondClaim,
                    TestEvents.processed(second, "1.0", 1, ArticleProcessed.EXTRACTED));
            Await.projection().until(() -> servedIds(first).equals(List.of(secondClaim.eventId())));
        }
        given().get("/api/articles/" + first.id()).then()
                .body("status", equalTo("processed"))
                .body("revision", equalTo(2))
                .body("text", equalTo(REVISED_TEXT));
    }

    @Test
    void undecodableRecordsAreDeadLetteredTheirOffsetsStoredAndTheStreamGoesOn() throws Exception {
        ArticleSnapshot article = article();
        RecordMetadata badClaim;
        RecordMetadata badArticle;
        try (EventProducer producer = EventProducer.connect()) {
            badClaim = producer.publishRaw(Topics.CLAIMS, article.id(), "{\"eventId\": \"x\", \"claim\": ",
                    Map.of(CloudEvents.TYPE_HEADER, ClaimRecorded.TYPE, CloudEvents.ID_HEADER, "broken-json"));
            badArticle = producer.publishRaw(Topics.ARTICLES, article.id(), "{}",
                    Map.of(CloudEvents.TYPE_HEADER, "dev.claimtrail.article.teleported"));
        }
        ConsumerRecord<String, String> claimLetter = deadLetter(Topics.CLAIMS_DLQ, badClaim);
        assertEquals("{\"eventId\": \"x\", \"claim\": ", claimLetter.value());
        assertEquals(article.id(), claimLetter.key());
        assertEquals(ClaimRecorded.TYPE, header(claimLetter, CloudEvents.TYPE_HEADER));
        assertEquals("broken-json", header(claimLetter, CloudEvents.ID_HEADER));
        assertTrue(header(claimLetter, "dead-letter-reason").contains("is not valid"),
                header(claimLetter, "dead-letter-reason"));
        assertEquals(Topics.CLAIMS, header(claimLetter, "dead-letter-topic"));
        assertEquals("query-service-claims", header(claimLetter, "dead-letter-consumer-group"));
        ConsumerRecord<String, String> articleLetter = deadLetter(Topics.ARTICLES_DLQ, badArticle);
        assertTrue(header(articleLetter, "dead-letter-reason").contains("unknown event type"));

        // The poison records are the last of their partitions, so only their own handling can have
        // moved the stored offsets past them: a restart will not dead-letter them again.
        Await.projection().until(() ->
                storedOffset(dataSource, "query-service-claims", Topics.CLAIMS, badClaim.partition())
                        == badClaim.offset() + 1
                && storedOffset(dataSource, "query-service-articles", Topics.ARTICLES, badArticle.partition())
                        == badArticle.offset() + 1);

        // Good events behind the poison ones, in the same partitions (same key), are applied.
        try (EventProducer producer = EventProducer.connect()) {
            producer.publish(Topics.ARTICLES, TestEvents.ingested(article));
            producer.publishInTransaction(Topics.CLAIMS, mayor(article, "1.0"),
                    TestEvents.processed(article, "1.0", 1, ArticleProcessed.EXTRACTED));
        }
        Await.projection().until(() -> servedIds(article).size() == 1
                && given().get("/api/articles/" + article.id()).statusCode() == 200);
    }

    @Test
    void recordsBelowTheStoredOffsetAreSkipped() {
        // A topic of its own, so the stored offsets of the live consumers are not touched.
        String topic = "redelivery-test-" + UUID.randomUUID();
        ArticleSnapshot article = article();
        ClaimRecorded first = mayor(article, "1.0");
        ClaimRecorded second = engineers(article, "1.0");

        projection.onRecord(record(topic, 5, first));
        assertEquals(6, storedOffset(dataSource, "query-service-claims", topic, 0));
        // A redelivery from before the stored position (a rebalance, a retried poll) changes nothing…
        projection.onRecord(record(topic, 3, second));
        assertEquals(0, count(dataSource, "SELECT count(*) FROM claim WHERE id = ?", second.eventId()));
        assertEquals(6, storedOffset(dataSource, "query-service-claims", topic, 0));
        // …while the record at the stored position is applied.
        projection.onRecord(record(topic, 6, second));
        assertEquals(1, count(dataSource, "SELECT count(*) FROM claim WHERE id = ?", second.eventId()));
        assertEquals(7, storedOffset(dataSource, "query-service-claims", topic, 0));
    }

    private static ConsumerRecord<String, String> record(String topic, long offset, ClaimRecorded event) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, offset, event.articleId(),
                EventCodec.toJson(event));
        CloudEvents.headers(event, "/tests", Instant.now()).forEach((name, value) ->
                record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static ArticleSnapshot article() {
        return TestEvents.article(TestEvents.uniqueExternalId("guarantees"), 1, "2024-03-05", TEXT);
    }

    /** The dead letter for the record at {@code original}, read from the start of the dead-letter topic. */
    private static ConsumerRecord<String, String> deadLetter(String topic, RecordMetadata original) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EventProducer.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "query-service-test-dlq-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                if (consumer.assignment().isEmpty()) {
                    // The topic appears with the projection's first dead letter.
                    List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                    if (partitions == null || partitions.isEmpty()) {
                        Thread.sleep(200);
                        continue;
                    }
                    consumer.assign(partitions.stream().map(i -> new TopicPartition(topic, i.partition())).toList());
                    consumer.seekToBeginning(consumer.assignment());
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (Long.toString(original.offset()).equals(header(r, "dead-letter-offset"))
                            && Integer.toString(original.partition()).equals(header(r, "dead-letter-partition"))
                            && original.topic().equals(header(r, "dead-letter-topic"))) {
                        return r;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no dead letter in " + topic + " for " + original);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
