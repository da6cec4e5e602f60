package dev.claimtrail.query.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator API on the real broker and database: status, re-extracted versions in the read model,
 * replay as NDJSON, and dead letters listed, shown and redriven.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class AdminApiTest {

    static final String TEXT = "Interior minister Karim Abadi said that up to 3,000 fighters had crossed the border. "
            + "The Northern Front denied that it had any presence in the valley.";

    @Inject
    ObjectMapper mapper;

    /**
     * A re-extraction under {@code 1.0.0+rerun2}: each article serves the newest version that completed
     * it, the old version's claims stay queryable by version and in the history.
     */
    @Test
    void aReextractedVersionIsServedAndTheOldOneStaysQueryable() {
        ArticleSnapshot article = TestEvents.article(TestEvents.uniqueExternalId("reextract"), 1, "2024-02-14", TEXT);
        ClaimRecorded old = claim(article, "1.0.0");
        ClaimRecorded rerun = claim(article, "1.0.0+rerun2");
        assertFalse(old.claim().id().equals(rerun.claim().id()), "claim ids include the version");
        try (EventProducer producer = EventProducer.connect()) {
            producer.publish(Topics.ARTICLES, TestEvents.ingested(article));
            producer.publishInTransaction(Topics.CLAIMS, old, TestEvents.processed(article, "1.0.0", 1, ArticleProcessed.EXTRACTED));
            Await.projection().until(() -> ids(article, Map.of()).equals(List.of(old.claim().id())));
            producer.publishInTransaction(Topics.CLAIMS, rerun,
                    TestEvents.processed(article, "1.0.0+rerun2", 1, ArticleProcessed.EXTRACTED));
        }
        Await.projection().until(() -> ids(article, Map.of()).equals(List.of(rerun.claim().id())));
        assertEquals(List.of(old.claim().id()), ids(article, Map.of("version", "1.0.0")));
        assertEquals(List.of(rerun.claim().id()), ids(article, Map.of("version", "1.0.0+rerun2")));
        assertEquals(List.of(old.claim().id(), rerun.claim().id()), ids(article, Map.of("history", "true")));
        assertEquals(List.of(), ids(article, Map.of("version", "9.9.9")));

        JsonNode versions = given().get("/api/admin/extractor-versions").then().statusCode(200).extract().as(JsonNode.class);
        List<String> order = new ArrayList<>();
        assertTrue(versions.get("revisions").asLong() >= 1);
        versions.get("versions").forEach(v -> order.add(v.get("version").asText()));
        assertTrue(order.indexOf("1.0.0") >= 0 && order.indexOf("1.0.0") < order.indexOf("1.0.0+rerun2"), order.toString());
    }

    /** A failed run that claims-service redrives is closed again under the same event id; the success replaces it. */
    @Test
    void aRedrivenRunReplacesTheFailedOne() {
        ArticleSnapshot article = TestEvents.article(TestEvents.uniqueExternalId("redriven-run"), 1, "2024-02-14", TEXT);
        ClaimRecorded claim = claim(article, "1.0.0");
        try (EventProducer producer = EventProducer.connect()) {
            producer.publish(Topics.ARTICLES, TestEvents.ingested(article));
            producer.publishInTransaction(Topics.CLAIMS, TestEvents.processed(article, "1.0.0", 0, ArticleProcessed.FAILED));
            // The failed run closes the revision (processed) without serving anything.
            Await.projection().until(() -> "processed".equals(
                    given().get("/api/articles/" + article.id()).jsonPath().getString("status")));
            assertEquals(List.of(), ids(article, Map.of()));
            producer.publishInTransaction(Topics.CLAIMS, claim, TestEvents.processed(article, "1.0.0", 1, ArticleProcessed.EXTRACTED));
        }
        Await.projection().until(() -> ids(article, Map.of()).equals(List.of(claim.claim().id())));
    }

    @Test
    void statusShowsOffsetsLagDeadLettersArticlesAndVersions() {
        ArticleSnapshot article = TestEvents.article(TestEvents.uniqueExternalId("status"), 1, "2024-02-14", TEXT);
        try (EventProducer producer = EventProducer.connect()) {
            producer.publish(Topics.ARTICLES, TestEvents.ingested(article));
        }
        Await.projection().until(() -> given().get("/api/articles/" + article.id()).statusCode() == 200);
        JsonNode status = given().get("/api/admin/status").then().statusCode(200).extract().as(JsonNode.class);

        Map<String, Long> records = new LinkedHashMap<>();
        status.get("topics").forEach(t -> records.put(t.get("topic").asText(), t.get("records").asLong()));
        assertEquals(List.of("articles", "claims", "articles.dlq", "claims.dlq"), new ArrayList<>(records.keySet()));
        assertTrue(records.get("articles") >= 1);
        JsonNode articlesTopic = status.get("topics").get(0);
        assertEquals(3, articlesTopic.get("partitions").size());

        JsonNode projection = null;
        for (JsonNode group : status.get("consumerGroups")) {
            if (group.get("group").asText().equals("query-service-articles")) {
                projection = group;
            }
        }
        assertNotNull(projection, status.get("consumerGroups").toString());
        assertEquals("read-model", projection.get("committedBy").asText());
        // Caught up: the projection has applied everything it can see.
        assertEquals(0, projection.get("lag").asLong(), projection.toString());

        assertEquals(2, status.get("deadLetters").size());
        assertTrue(status.get("articles").get("ingested").asLong() >= 1);
        assertTrue(status.get("articles").get("pending").asLong() >= 1, "the article without ArticleProcessed is pending");
        assertTrue(status.get("extractorVersions").isArray());
    }

    @Test
    void replayPrintsTheWindowAsNdjson() throws Exception {
        ArticleSnapshot article = TestEvents.article(TestEvents.uniqueExternalId("replay"), 1, "2024-02-14", TEXT);
        Instant from = Instant.now().minusMillis(5);
        try (EventProducer producer = EventProducer.connect()) {
            producer.publish(Topics.ARTICLES, TestEvents.ingested(article));
        }
        Instant to = Instant.now().plusSeconds(1);
        Response response = given().queryParam("topic", "articles").queryParam("from", from.toString())
                .queryParam("to", to.toString()).get("/api/admin/replay");
        assertEquals(200, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/x-ndjson"));
        List<JsonNode> mine = new ArrayList<>();
        for (String line : response.asString().split("\n")) {
            JsonNode record = mapper.readTree(line);
            Instant at = Instant.parse(record.get("timestamp").asText());
            assertTrue(!at.isBefore(from.minusMillis(1)) && at.isBefore(to), "only the window: " + line);
            if (article.id().equals(record.get("key").asText())) {
                mine.add(record);
            }
        }
        assertEquals(1, mine.size());
        JsonNode record = mine.get(0);
        assertEquals("articles", record.get("topic").asText());
        assertTrue(record.get("offset").asLong() >= 0);
        assertEquals("dev.claimtrail.article.ingested", record.get("headers").get("ce_type").asText());
        assertEquals(article.id(), record.get("event").get("article").get("id").asText());

        // Before the article: nothing of it.
        String earlier = given().queryParam("topic", "articles").queryParam("to", from.minusSeconds(3600).toString())
                .get("/api/admin/replay").asString();
        assertFalse(earlier.contains(article.id()));

        assertProblem(given().queryParam("topic", "nope").get("/api/admin/replay"), 400, "topic must be one of");
        assertProblem(given().queryParam("topic", "claims").queryParam("from", "yesterday").get("/api/admin/replay"),
                400, "ISO-8601");
        assertProblem(given().queryParam("topic", "claims").queryParam("from", to.toString()).queryParam("to", from.toString())
                .get("/api/admin/replay"), 400, "to must be after from");
    }

    /**
     * An undecodable claims record lands in {@code claims.dlq} with its reason and consumer group, is
     * listed and shown, and a redrive refuses it while it still cannot be decoded.
     */
    @Test
    void anUndecodableRecordIsDeadLetteredListedAndShown() {
        ArticleSnapshot article = TestEvents.article(TestEvents.uniqueExternalId("poison"), 1, "2024-02-14", TEXT);
        try (EventProducer producer = EventProducer.connect()) {
            producer.publishRaw(Topics.CLAIMS, article.id(), "{not json", Map.of("ce_type", ClaimRecorded.TYPE));
        }
        JsonNode letter = awaitLetter("claims.dlq", article.id());
        assertEquals("pending", letter.get("status").asText());
        assertEquals("query-service-claims", letter.get("consumerGroup").asText());
        assertEquals("claims", letter.get("sourceTopic").asText());
        assertTrue(letter.get("reason").asText().contains("not valid"), letter.toString());
        String id = letter.get("id").asText();

        JsonNode shown = given().get("/api/admin/dead-letters/" + id).then().statusCode(200).extract().as(JsonNode.class);
        assertEquals("{not json", shown.get("value").asText());
        assertEquals(ClaimRecorded.TYPE, shown.get("headers").get("ce_type").asText());
        assertEquals(id, shown.get("letter").get("id").asText());

        assertProblem(given().post("/api/admin/dead-letters/" + id + "/redrive"), 422, "still cannot be decoded");
        assertEquals("pending", awaitLetter("claims.dlq", article.id()).get("status").asText());
        assertProblem(given().get("/api/admin/dead-letters/claims.dlq-0-99999999"), 404, "no dead letter");
        assertProblem(given().get("/api/admin/dead-letters/articles-0-1"), 400, "topic-partition-offset");
    }

    /**
     * A dead letter a fixed release can decode (here: a valid event dead-lettered by an older build) is
     * applied through the projection by a redrive, shows as redriven, and a second redrive is a no-op.
     * A letter of a claims extractor group is claims-service's to redrive.
     */
    @Test
    void aDeadLetterIsProcessedAfterRedriveOnce() {
        ArticleSnapshot article = TestEvents.article(TestEvents.uniqueExternalId("redrive"), 1, "2024-02-14", TEXT);
        ClaimRecorded claim = claim(article, "1.0.0");
        Map<String, String> headers = new LinkedHashMap<>(CloudEvents.headers(claim, "/claimtrail/claims-service", Instant.now()));
        headers.put("dead-letter-reason", "body of 'dev.claimtrail.claim.recorded' is not valid (older build)");
        headers.put("dead-letter-consumer-group", "query-service-claims");
        headers.put("dead-letter-topic", "claims");
        try (EventProducer producer = EventProducer.connect()) {
            producer.publish(Topics.ARTICLES, TestEvents.ingested(article));
            producer.publishRaw(Topics.CLAIMS_DLQ, article.id(), EventCodec.toJson(claim), headers);
        }
        String id = awaitLetter("claims.dlq", article.id()).get("id").asText();
        assertEquals(List.of(), ids(article, Map.of("history", "true")));

        Response redriven = given().post("/api/admin/dead-letters/" + id + "/redrive");
        assertEquals(200, redriven.statusCode(), redriven.asString());
        assertEquals("redriven", redriven.jsonPath().getString("status"));
        assertEquals(List.of(claim.claim().id()), ids(article, Map.of("history", "true")));
        JsonNode listed = awaitLetter("claims.dlq", article.id());
        assertEquals("redriven", listed.get("status").asText());
        assertEquals("query-service", listed.get("redrivenBy").asText());
        assertFalse(given().queryParam("status", "pending").get("/api/admin/dead-letters").asString().contains(id));

        Response again = given().post("/api/admin/dead-letters/" + id + "/redrive");
        assertEquals(200, again.statusCode());
        assertEquals("already-redriven", again.jsonPath().getString("status"));
        assertEquals(List.of(claim.claim().id()), ids(article, Map.of("history", "true")));

        Map<String, String> extractorLetter = new LinkedHashMap<>(headers);
        extractorLetter.put("dead-letter-consumer-group", "claims-extractor-1.0.0");
        RecordMetadata other;
        try (EventProducer producer = EventProducer.connect()) {
            other = producer.publishRaw(Topics.ARTICLES_DLQ, article.id(), "{}", extractorLetter);
        }
        assertProblem(given().post("/api/admin/dead-letters/articles.dlq-" + other.partition() + "-" + other.offset() + "/redrive"),
                409, "claims-service");
    }

    private JsonNode awaitLetter(String topic, String key) {
        JsonNode[] found = new JsonNode[1];
        Await.projection().until(() -> {
            JsonNode letters = given().queryParam("topic", topic).get("/api/admin/dead-letters").then().statusCode(200)
                    .extract().as(JsonNode.class);
            for (JsonNode letter : letters) {
                if (key.equals(letter.get("key").asText())) {
                    found[0] = letter;
                }
            }
            return found[0] != null;
        });
        return found[0];
    }

    private static ClaimRecorded claim(ArticleSnapshot article, String version) {
        return TestEvents.claim(article, version)
                .source("Karim Abadi", Claim.Source.PERSON, "Karim Abadi").cue("said", "say")
                .content("up to 3,000 fighters had crossed the border").recorded();
    }

    private static List<String> ids(ArticleSnapshot article, Map<String, String> params) {
        return given().queryParam("articleId", article.id()).queryParams(params).get("/api/claims")
                .then().statusCode(200).extract().path("items.id");
    }

    private static void assertProblem(Response response, int status, String detail) {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        assertTrue(response.jsonPath().getString("detail").contains(detail), response.asString());
        assertFalse(response.asString().contains("Exception"), "no class names in a problem");
    }
}
