package dev.claimtrail.query.rebuild;

import dev.claimtrail.events.ArticleProcessed;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.events.CloudEvents;
import dev.claimtrail.events.Event;
import dev.claimtrail.events.EventCodec;
import dev.claimtrail.events.Topics;
import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.query.support.Await;
import dev.claimtrail.query.support.EventProducer;
import dev.claimtrail.query.support.TestEvents;
import dev.claimtrail.query.support.ValleyFrontReports;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.claimtrail.query.support.CouncilClaims.engineers;
import static dev.claimtrail.query.support.CouncilClaims.mayor;
import static dev.claimtrail.query.support.CouncilClaims.servedIds;
import static dev.claimtrail.query.support.ReadModelRows.count;
import static dev.claimtrail.query.support.ReadModelRows.storedOffset;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rebuild replays the logs into a new schema while the live read models serve, swaps it in, and the
 * result is the live read model exactly: every table, row for row. In a database of its own, so that the
 * live read model holds nothing but what the logs say.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(FreshDatabaseResource.class)
class RebuildTest {

    static final String TEXT = "The council met late on Tuesday. "
            + "Mayor Lena Ortiz said that the new bridge would open in spring. "
            + "Engineers warned that the budget could double.";
    static final String REVISED_TEXT = "The council met late on Tuesday evening. "
            + "Mayor Lena Ortiz said that the new bridge would open in summer.";

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/api/claims?limit=20")
    URI claimsPage;

    @Test
    void theRebuiltReadModelEqualsTheLiveOneAndTheApiAnswersThroughout() throws Exception {
        publishHistory();
        awaitLiveAtEndOfBothLogs();
        Map<String, ReadModelChecksums.Sum> before = ReadModelChecksums.of(dataSource, "query");
        assertTrue(before.get("story").rows() > 0, "the history forms stories: " + before);

        // A client keeps reading the API during the whole rebuild and swap.
        List<Integer> statuses = new ArrayList<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            HttpClient http = HttpClient.newHttpClient();
            while (!stop.get()) {
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(claimsPage).build(),
                            HttpResponse.BodyHandlers.ofString());
                    synchronized (statuses) {
                        statuses.add(response.statusCode());
                    }
                    if (response.statusCode() != 200) {
                        failures.add(response.statusCode() + " " + response.body());
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
        });
        reader.start();

        String id;
        try (Connection inFlight = dataSource.getConnection()) {
            // A live projection transaction that does not end: it holds its lock on the live offsets table,
            // so the swap has to wait for it.
            inFlight.setAutoCommit(false);
            try (Statement s = inFlight.createStatement()) {
                s.execute("LOCK TABLE query.projection_offset IN ROW SHARE MODE");
            }
            id = given().contentType(ContentType.JSON).body("{\"from\": null}")
                    .post("/api/admin/rebuilds").then().statusCode(202)
                    .header("Location", containsString("/api/admin/rebuilds/"))
                    .body("state", equalTo("running")).extract().path("id");
            String status = "/api/admin/rebuilds/" + id;
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() ->
                    given().get(status).then().statusCode(200).extract().<String>path("state").equals("swapping"));
            Thread.sleep(500);
            assertEquals("swapping", given().get(status).path("state"), "the swap waits for the live transaction");
            given().contentType(ContentType.JSON).body("{}").post("/api/admin/rebuilds").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", containsString("one rebuild runs at a time"));
            inFlight.commit();
        }

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().get("/api/admin/rebuilds/" + id).then().statusCode(200).extract().<String>path("state")
                        .matches("done|failed"));
        int duringRebuild;
        synchronized (statuses) {
            duringRebuild = statuses.size();
        }
        given().get("/api/admin/rebuilds/" + id).then()
                .body("state", equalTo("done"))
                .body("error", equalTo(null))
                .body("applied", equalTo(given().get("/api/admin/rebuilds/" + id).path("target")))
                .body("finishedAt", containsString("T"));
        assertTrue(given().get("/api/admin/rebuilds/" + id).<Float>path("ratePerSecond") > 0);
        assertEquals(List.of(id), given().get("/api/admin/rebuilds").path("id"));

        // The swapped-in schema is the live one was, table for table, row for row.
        String retired = ReadModelSchemas.retiredSchema(Long.parseLong(id));
        Map<String, ReadModelChecksums.Sum> live = ReadModelChecksums.of(dataSource, retired);
        Map<String, ReadModelChecksums.Sum> rebuilt = ReadModelChecksums.of(dataSource, "query");
        assertEquals(before, live, "nothing was published during the rebuild");
        assertEquals(live.keySet(), rebuilt.keySet());
        for (String table : live.keySet()) {
            assertEquals(live.get(table), rebuilt.get(table), table);
        }
        for (String table : List.of("article", "article_revision", "claim", "claim_subject", "article_processing",
                "article_serving", "served_claim", "served_term", "served_figure", "story", "story_link",
                "projection_offset")) {
            assertTrue(rebuilt.get(table).rows() > 0, table + " is compared on rows, not on two empty tables");
        }

        // Events after the swap reach the new tables, and every pooled connection of the API reads those.
        ArticleSnapshot later = article("after-swap");
        ClaimRecorded laterClaim = mayor(later, "1.0");
        try (EventProducer producer = EventProducer.connect()) {
            producer.publish(Topics.ARTICLES, TestEvents.ingested(later));
            producer.publishInTransaction(Topics.CLAIMS, laterClaim,
                    TestEvents.processed(later, "1.0", 1, ArticleProcessed.EXTRACTED));
        }
        Await.projection().until(() -> servedIds(later).equals(List.of(laterClaim.eventId())));
        for (int i = 0; i < 20; i++) {
            given().get("/api/articles/" + later.id()).then().statusCode(200).body("claimCount", equalTo(1));
        }
        assertEquals(1, count(dataSource, "SELECT count(*) FROM query.claim WHERE id = ?", laterClaim.eventId()));
        assertEquals(0, count(dataSource, "SELECT count(*) FROM " + retired + ".claim WHERE id = ?",
                laterClaim.eventId()));

        stop.set(true);
        reader.join();
        assertTrue(failures.isEmpty(), "every read succeeded: " + failures);
        assertTrue(duringRebuild > 0, "the API was read while the rebuild ran");
    }

    @Test
    void aPartialRebuildIsRefusedSayingWhy() {
        given().contentType(ContentType.JSON).body("{\"from\": \"2024-03-01T00:00:00Z\"}")
                .post("/api/admin/rebuilds").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/partial-rebuild-unsupported"))
                .body("detail", containsString("not supported"));
        given().contentType(ContentType.JSON).body("{\"from\": \"last tuesday\"}")
                .post("/api/admin/rebuilds").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("ISO-8601"));
        given().get("/api/admin/rebuilds/999999").then().statusCode(404).contentType("application/problem+json");
    }

    /** Stories, figures and denials; a re-extraction; a revision; a record only fit for the dead-letter topic. */
    private void publishHistory() {
        ValleyFrontReports reports = new ValleyFrontReports(UUID.randomUUID().toString().substring(0, 8));
        ArticleSnapshot reextracted = article("reextracted");
        ArticleSnapshot first = article("revised");
        ArticleSnapshot second = TestEvents.article(first.externalId(), 2, first.publishedAt(), REVISED_TEXT);
        try (EventProducer producer = EventProducer.connect()) {
            for (ArticleSnapshot article : reports.articles()) {
                producer.publish(Topics.ARTICLES, TestEvents.ingested(article));
                List<ClaimRecorded> claims = reports.claimsOf(article);
                List<Event> events = new ArrayList<>(claims);
                events.add(ValleyFrontReports.processed(article, ValleyFrontReports.V1, claims.size()));
                producer.publishInTransaction(Topics.CLAIMS, events.toArray(Event[]::new));
            }
            producer.publish(Topics.ARTICLES, TestEvents.ingested(reextracted));
            producer.publishInTransaction(Topics.CLAIMS, mayor(reextracted, "1.9"), engineers(reextracted, "1.9"),
                    TestEvents.processed(reextracted, "1.9", 2, ArticleProcessed.EXTRACTED));
            producer.publishInTransaction(Topics.CLAIMS, mayor(reextracted, "1.10"),
                    TestEvents.processed(reextracted, "1.10", 1, ArticleProcessed.EXTRACTED));
            producer.publishInTransaction(Topics.CLAIMS,
                    TestEvents.processed(reextracted, "1.11", 0, ArticleProcessed.FAILED));

            producer.publish(Topics.ARTICLES, TestEvents.ingested(first));
            producer.publishInTransaction(Topics.CLAIMS, mayor(first, "1.0"),
                    TestEvents.processed(first, "1.0", 1, ArticleProcessed.EXTRACTED));
            producer.publish(Topics.ARTICLES, TestEvents.revised(second, first));
            producer.publishInTransaction(Topics.CLAIMS, TestEvents.claim(second, "1.0")
                            .source("Lena Ortiz", Claim.Source.PERSON, "Lena Ortiz").cue("said", "say")
                            .content("the new bridge would open in summer").recorded(),
                    TestEvents.processed(second, "1.0", 1, ArticleProcessed.EXTRACTED));

            producer.publishRaw(Topics.CLAIMS, first.id(), "{\"eventId\": \"x\", \"claim\": ",
                    Map.of(CloudEvents.TYPE_HEADER, ClaimRecorded.TYPE));
        }
    }

    /**
     * Publishes one last event into every partition of both logs and waits until the live projections
     * stored offsets past each: records are applied in partition order, so everything before is applied.
     */
    private void awaitLiveAtEndOfBothLogs() {
        List<RecordMetadata> sentinels = new ArrayList<>();
        try (EventProducer producer = EventProducer.connect()) {
            for (int partition = 0; partition < 3; partition++) {
                ArticleSnapshot article = article("sentinel");
                sentinels.add(publishInto(producer, Topics.ARTICLES, partition, TestEvents.ingested(article)));
                sentinels.add(publishInto(producer, Topics.CLAIMS, partition,
                        TestEvents.processed(article, "1.0", 0, ArticleProcessed.FAILED)));
            }
        }
        // The live projections of this fresh database apply the whole history of the shared topics first.
        Await.projection().atMost(Duration.ofMinutes(5)).until(() -> sentinels.stream().allMatch(sent ->
                storedOffset(dataSource,
                        sent.topic().equals(Topics.ARTICLES) ? "query-service-articles" : "query-service-claims",
                        sent.topic(), sent.partition()) > sent.offset()));
    }

    private static RecordMetadata publishInto(EventProducer producer, String topic, int partition, Event event) {
        return producer.publishRaw(topic, partition, event.articleId(), EventCodec.toJson(event),
                CloudEvents.headers(event, "/claimtrail/query-service-tests", Instant.now()));
    }

    private static ArticleSnapshot article(String prefix) {
        return TestEvents.article(TestEvents.uniqueExternalId(prefix), 1, "2024-03-05", TEXT);
    }
}
