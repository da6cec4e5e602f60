package dev.claimtrail.ingest.articles;

import dev.claimtrail.events.ArticleEvent;
import dev.claimtrail.events.ArticleIngested;
import dev.claimtrail.events.ArticleRevised;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.CloudEvents;
import dev.claimtrail.events.EventCodec;
import dev.claimtrail.events.Ids;
import dev.claimtrail.events.Topics;
import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.infra.embedded.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pushes articles through the real endpoint and checks what lands on the real {@code articles} topic. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ArticleResourceTest {

    /** Line breaks, non-breaking and astral characters: offsets downstream depend on every one of them. */
    private static final String TEXT = "  ISLAMABAD — The minister said on Tuesday that \"talks will resume\".\r\n\n"
            + "Officials\u00A0denied it. \uD83D\uDCF0 Prices rose 12%.  ";

    private static ArticlesLog log;

    @BeforeAll
    static void openLog() {
        log = new ArticlesLog();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    private static String uniqueUrl() {
        return "https://news.example.org/2024/02/" + UUID.randomUUID();
    }

    private static Response push(String json) {
        return given().contentType("application/json").body(json).when().post("/api/articles");
    }

    private static String article(String url, String text) {
        return "{\"url\":" + quote(url) + ",\"text\":" + quote(text) + "}";
    }

    private static String quote(String value) {
        try {
            return EventCodec.mapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void newArticleIsPublishedOnceWithCloudEventHeadersAndTheTextUnchanged() {
        String url = uniqueUrl() + "?utm_source=rss&page=2#comments";
        String expectedId = Ids.articleId("url:" + UrlNormaliser.normalise(url));
        Instant before = Instant.now();

        push("{\"externalId\":\"feed-7\",\"url\":" + quote(url) + ",\"title\":\"Talks\",\"outlet\":\"Dawn\","
                + "\"publishedAt\":\"Wed, 14 Feb 2024 10:00:00 GMT\",\"language\":\"en\",\"text\":" + quote(TEXT) + "}")
                .then()
                .statusCode(202)
                .contentType("application/json")
                .body("id", equalTo(expectedId))
                .body("status", equalTo("accepted"))
                .body("revision", equalTo(1));

        List<ConsumerRecord<String, String>> records = log.forKey(expectedId);
        assertEquals(1, records.size(), "exactly one record for the article");
        ConsumerRecord<String, String> record = records.get(0);
        assertEquals(Topics.ARTICLES, record.topic());

        String eventId = Ids.articleEventId(expectedId, 1);
        assertEquals("1.0", ArticlesLog.header(record, "ce_specversion"));
        assertEquals(eventId, ArticlesLog.header(record, "ce_id"));
        assertEquals("/claimtrail/ingest-service", ArticlesLog.header(record, "ce_source"));
        assertEquals(ArticleIngested.TYPE, ArticlesLog.header(record, "ce_type"));
        assertEquals(expectedId, ArticlesLog.header(record, "ce_subject"));
        assertEquals("1", ArticlesLog.header(record, "ce_schemaversion"));
        assertEquals("application/json", ArticlesLog.header(record, "content-type"));
        Instant time = Instant.parse(ArticlesLog.header(record, "ce_time"));
        assertTrue(!time.isBefore(before.minusSeconds(1)) && !time.isAfter(Instant.now()), "ce_time " + time);
        for (String name : CloudEvents.headers(sampleEvent(), "/x", Instant.EPOCH).keySet()) {
            assertEquals(1, ArticlesLog.headerCount(record, name), "header " + name + " appears once");
        }

        ArticleIngested event = EventCodec.fromJson(ArticleIngested.class, record.value());
        assertEquals(eventId, event.eventId());
        assertEquals(ArticleIngested.SCHEMA_VERSION, event.schemaVersion());
        ArticleSnapshot article = event.article();
        assertEquals(expectedId, article.id());
        assertEquals(1, article.revision());
        assertEquals("feed-7", article.externalId());
        assertEquals(url, article.url(), "the URL as sent");
        assertEquals("Talks", article.title());
        assertEquals("Dawn", article.outlet());
        assertEquals("2024-02-14T10:00:00Z", article.publishedAt());
        assertEquals("en", article.language());
        assertEquals(TEXT, article.text(), "text byte-for-byte as sent");
        assertEquals(Ids.sha256Hex(TEXT), article.contentHash());

        ArticleIdentityRecord row = identityRow(expectedId);
        assertNotNull(row);
        assertEquals("url:" + UrlNormaliser.normalise(url), row.identityKey);
        assertEquals(1, row.currentRevision);
        assertEquals(Ids.sha256Hex(TEXT), row.contentHash);
    }

    @Test
    void theSamePushAgainIsADuplicateAndPublishesNothing() {
        String url = uniqueUrl();
        String id = push(article(url, TEXT)).then().statusCode(202).extract().path("id");

        push(article(url, TEXT)).then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("duplicate"))
                .body("revision", equalTo(1));
        // Another spelling of the same URL is the same article.
        push(article(url.replace("https://news.", "HTTPS://NEWS.") + "?utm_medium=email#top", TEXT)).then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("duplicate"));

        assertEquals(1, log.forKey(id).size());
    }

    @Test
    void changedTextIsPublishedAsRevision() {
        String url = uniqueUrl();
        String revisedText = TEXT + "\nUpdate: the talks were postponed.";
        String id = push(article(url, TEXT)).then().statusCode(202).extract().path("id");

        push(article(url, revisedText)).then()
                .statusCode(202)
                .body("id", equalTo(id))
                .body("status", equalTo("revised"))
                .body("revision", equalTo(2));
        push(article(url, revisedText)).then()
                .statusCode(200)
                .body("status", equalTo("duplicate"))
                .body("revision", equalTo(2));

        List<ConsumerRecord<String, String>> records = log.forKey(id);
        assertEquals(2, records.size());
        ConsumerRecord<String, String> second = records.get(1);
        assertEquals(ArticleRevised.TYPE, ArticlesLog.header(second, "ce_type"));
        assertEquals(Ids.articleEventId(id, 2), ArticlesLog.header(second, "ce_id"));
        ArticleRevised revised = EventCodec.fromJson(ArticleRevised.class, second.value());
        assertEquals(Ids.articleEventId(id, 2), revised.eventId());
        assertEquals(2, revised.article().revision());
        assertEquals(revisedText, revised.article().text());
        assertEquals(Ids.sha256Hex(revisedText), revised.article().contentHash());
        assertEquals(Ids.sha256Hex(TEXT), revised.previousContentHash());
        assertEquals(2, identityRow(id).currentRevision);
    }

    @Test
    void withoutUrlTheExternalIdThenTheTextIsTheIdentity() {
        String externalId = "feed-item-" + UUID.randomUUID();
        push("{\"externalId\":" + quote(externalId) + ",\"text\":\"First text.\"}").then()
                .statusCode(202).body("id", equalTo(Ids.articleId("ext:" + externalId)));
        push("{\"externalId\":" + quote(externalId) + ",\"text\":\"Second text.\"}").then()
                .statusCode(202).body("status", equalTo("revised"));

        String text = "An article known only by its text " + UUID.randomUUID();
        push("{\"text\":" + quote(text) + "}").then()
                .statusCode(202).body("id", equalTo(Ids.articleId("hash:" + Ids.sha256Hex(text))));
        push("{\"text\":" + quote(text) + ",\"title\":\"ignored for identity\"}").then()
                .statusCode(200).body("status", equalTo("duplicate"));
    }

    @Test
    void concurrentPushesOfOneNewArticlePublishOnce() throws Exception {
        String body = article(uniqueUrl(), TEXT);
        List<Response> responses = concurrently(8, i -> push(body));

        List<Integer> statuses = responses.stream().map(Response::statusCode).sorted().toList();
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 202), statuses);
        String id = responses.get(0).path("id");
        assertTrue(responses.stream().allMatch(r -> id.equals(r.path("id"))));
        assertEquals(1, log.forKey(id).size());
    }

    @Test
    void concurrentRevisionsGetConsecutiveNumbersInLogOrder() throws Exception {
        String url = uniqueUrl();
        List<Response> responses = concurrently(6, i -> push(article(url, TEXT + " revision text " + i)));

        assertTrue(responses.stream().allMatch(r -> r.statusCode() == 202), "every distinct text is published");
        String id = responses.get(0).path("id");
        List<ConsumerRecord<String, String>> records = log.forKey(id);
        assertEquals(6, records.size());
        String previousHash = null;
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            ArticleEvent event = (ArticleEvent) EventCodec.fromJson(ArticlesLog.header(record, "ce_type"), record.value());
            assertEquals(i + 1, event.article().revision(), "revisions appear in log order without gaps");
            if (i == 0) {
                assertInstanceOf(ArticleIngested.class, event);
            } else {
                assertEquals(previousHash, assertInstanceOf(ArticleRevised.class, event).previousContentHash(),
                        "each revision names the text it replaces");
            }
            previousHash = event.article().contentHash();
        }
        assertEquals(6, identityRow(id).currentRevision);
    }

    @Test
    void healthEndpointsAreUp() {
        push(article(uniqueUrl(), TEXT)).then().statusCode(202);
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static ArticleIdentityRecord identityRow(String articleId) {
        return QuarkusTransaction.requiringNew().call(() -> ArticleIdentityRecord.findById(UUID.fromString(articleId)));
    }

    private static ArticleIngested sampleEvent() {
        return new ArticleIngested(1, "e", Instant.EPOCH,
                new ArticleSnapshot("a", 1, null, null, null, null, null, null, "t", "h"));
    }

    private interface Indexed<T> {
        T call(int index);
    }

    /** Runs the calls at the same moment from different threads, as feeds retrying in parallel would. */
    private static <T> List<T> concurrently(int count, Indexed<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<T> task = () -> {
                    start.await();
                    return call.call(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
