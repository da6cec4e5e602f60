package dev.claimtrail.ingest.articles;

import dev.claimtrail.events.ArticleEvent;
import dev.claimtrail.events.ArticleIngested;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.EventCodec;
import dev.claimtrail.events.Ids;
import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.infra.embedded.PostgresTestResource;
import dev.claimtrail.ingest.formats.HtmlTextExtractor;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real-world-looking documents in every accepted format, pushed through the real endpoint: each must
 * end as the same kind of event on the real {@code articles} topic, with the fields mapped as documented.
 * The samples' hosts get a per-test prefix so that a rerun against a kept broker still sees new articles.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ArticleFormatsTest {

    private static ArticlesLog log;

    @BeforeAll
    static void openLog() {
        log = new ArticlesLog();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    static String sample(String name) {
        try (InputStream in = ArticleFormatsTest.class.getResourceAsStream("/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes, so that RestAssured does not re-encode the body in its default charset for the type. */
    static byte[] utf8(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** A sample whose article URLs are unique to this test run. */
    private static String uniqueSample(String name, String run) {
        return sample(name).replace(".example.com/", ".example.com/" + run + "/")
                .replace(".example.net/", ".example.net/" + run + "/");
    }

    private static ArticleSnapshot onlyEventFor(String articleId) {
        List<ConsumerRecord<String, String>> records = log.forKey(articleId);
        assertEquals(1, records.size(), "one record for " + articleId);
        ConsumerRecord<String, String> record = records.get(0);
        assertEquals(ArticleIngested.TYPE, ArticlesLog.header(record, "ce_type"));
        return ((ArticleEvent) EventCodec.fromJson(ArticleIngested.TYPE, record.value())).article();
    }

    @Test
    void rssFeedPublishesEveryItemThenDuplicates() {
        String run = UUID.randomUUID().toString();
        String feed = uniqueSample("feed.rss.xml", run);
        Response response = given().contentType("application/rss+xml").body(utf8(feed)).when().post("/api/articles");
        response.then().statusCode(200).contentType("application/json")
                .body("received", equalTo(3)).body("published", equalTo(3)).body("rejected", equalTo(0))
                .body("results.item", equalTo(List.of(1, 2, 3)))
                .body("results.status", equalTo(List.of("accepted", "accepted", "accepted")));

        ArticleSnapshot strike = onlyEventFor(response.path("results[0].id"));
        assertEquals("https://courier.example.com/" + run + "/world/2024/02/13/port-strike-second-week?utm_source=rss&utm_medium=feed",
                strike.url());
        assertEquals("Port strike enters second week as talks stall", strike.title());
        assertEquals("The Harbour Courier – World", strike.outlet());
        assertEquals("2024-02-13T13:05:00Z", strike.publishedAt());
        assertEquals("en-gb", strike.language());
        assertEquals("courier-88121", strike.externalId());
        assertTrue(strike.text().startsWith("KARACHI – The strike at the city's main port"), strike.text());
        assertFalse(strike.text().contains("<"), strike.text());
        assertEquals(Ids.articleId("url:https://courier.example.com/" + run + "/world/2024/02/13/port-strike-second-week"),
                strike.id(), "identity from the normalised link");

        ArticleSnapshot rate = onlyEventFor(response.path("results[2].id"));
        assertEquals("The governor said inflation was expected to fall to 20 percent by June.", rate.text());

        Map<TopicPartition, Long> before = log.end();
        given().contentType("text/xml; charset=utf-8").body(utf8(feed)).when().post("/api/articles").then().statusCode(200)
                .body("duplicates", equalTo(3)).body("published", equalTo(0));
        assertEquals(0, log.since(before).size(), "a re-polled feed publishes nothing");
    }

    @Test
    void atomFeedPublishesEveryEntry() {
        String feed = uniqueSample("feed.atom.xml", UUID.randomUUID().toString());
        Response response = given().contentType("application/atom+xml").body(utf8(feed)).when().post("/api/articles");
        response.then().statusCode(200).body("published", equalTo(2));
        ArticleSnapshot mayor = onlyEventFor(response.path("results[0].id"));
        assertEquals("Valley Ledger", mayor.outlet());
        assertEquals("Mayor rejects budget cuts", mayor.title());
        assertEquals("2024-02-14T07:30:00Z", mayor.publishedAt());
        assertTrue(mayor.text().endsWith("a deficit of 12 million euros."), mayor.text());
    }

    @Test
    void newsPleaseRecordIsMapped() {
        String run = UUID.randomUUID().toString();
        String id = given().contentType("application/json").body(utf8(uniqueSample("news-please.json", run)))
                .when().post("/api/articles").then().statusCode(202).extract().path("id");
        ArticleSnapshot article = onlyEventFor(id);
        assertEquals("https://courier.example.com/" + run + "/world/2024/02/14/ceasefire-talks", article.url());
        assertEquals("courier.example.com", article.outlet());
        assertEquals("2024-02-14T10:31:00Z", article.publishedAt());
        assertEquals("en", article.language());
        assertEquals("Ceasefire talks to resume, minister says", article.title());
        assertTrue(article.text().startsWith("ISLAMABAD — Talks between the government"), article.text());
        assertTrue(article.text().contains("\n\"We have agreed on a venue and a date,\""), "maintext kept as sent");
    }

    @Test
    void newsApiItemIsMapped() {
        String id = given().contentType("application/json").body(utf8(uniqueSample("newsapi-item.json", UUID.randomUUID().toString())))
                .when().post("/api/articles").then().statusCode(202).extract().path("id");
        ArticleSnapshot article = onlyEventFor(id);
        assertEquals("Valley Ledger", article.outlet());
        assertEquals("2024-02-14T07:30:00Z", article.publishedAt());
        assertTrue(article.text().endsWith("the largest in a decade"), article.text());
        assertNull(article.language());
    }

    /** A whole NewsAPI response is a bulk body; NewsAPI's "[Removed]" placeholders are refused on their own. */
    @Test
    void newsApiResponseIsTakenAsABulkOfItsArticles() {
        Response response = given().contentType("application/json")
                .body(utf8(uniqueSample("newsapi-response.json", UUID.randomUUID().toString())))
                .when().post("/api/articles");
        response.then().statusCode(200)
                .body("received", equalTo(3)).body("published", equalTo(2)).body("rejected", equalTo(1))
                .body("results.item", equalTo(List.of(1, 2, 3)))
                .body("results[1].problem.detail", equalTo("'content' is required"));
        ArticleSnapshot port = onlyEventFor(response.path("results[0].id"));
        assertEquals("Harbour Courier", port.outlet());
        assertTrue(port.text().endsWith("the backlog would take a week to"), port.text());
        assertEquals("The city council voted 31 to 12 on Wednesday to fund the two libraries the mayor had said would close.",
                onlyEventFor(response.path("results[2].id")).text());
    }

    @Test
    void htmlPageIsPublishedAsItsReadableText() {
        String run = UUID.randomUUID().toString();
        String page = uniqueSample("article-with-furniture.html", run);
        String id = given().contentType("text/html; charset=utf-8").queryParam("externalId", "crawl-" + run)
                .body(utf8(page)).when().post("/api/articles").then().statusCode(202).extract().path("id");
        ArticleSnapshot article = onlyEventFor(id);
        String canonical = "https://courier.example.com/" + run + "/world/2024/02/14/ceasefire-talks-resume";
        assertEquals(canonical, article.url(), "the page's canonical link");
        assertEquals(Ids.articleId("url:" + canonical), id);
        assertEquals("crawl-" + run, article.externalId());
        assertEquals("Ceasefire talks to resume, minister says", article.title());
        assertEquals("The Harbour Courier", article.outlet());
        assertEquals("2024-02-14T10:31:00+05:00", article.publishedAt());
        assertEquals("en-GB", article.language());
        assertEquals(HtmlTextExtractor.extractPage(page, null).text(), article.text(),
                "the stored text is exactly what the extractor produced");
        assertTrue(article.text().contains("three months.\n\n“We have agreed"), article.text());
        for (String gone : List.of("<", "javascript:", "Share on X", "Comments", "cookies", "dataLayer")) {
            assertFalse(article.text().contains(gone), gone + " in " + article.text());
        }
    }

    @Test
    void plainTextWithMetadataInTheQuery() {
        String url = "https://dispatch.example.org/" + UUID.randomUUID();
        String text = sample("plain-article.txt");
        String id = given().contentType("text/plain; charset=utf-8")
                .queryParam("url", url).queryParam("title", "Dengue cases rise").queryParam("outlet", "Lahore Dispatch")
                .queryParam("publishedAt", "2024-02-14").queryParam("language", "en")
                .body(text.getBytes(StandardCharsets.UTF_8)).when().post("/api/articles")
                .then().statusCode(202).body("status", equalTo("accepted")).extract().path("id");
        ArticleSnapshot article = onlyEventFor(id);
        assertEquals(text, article.text(), "plain text is kept byte for byte");
        assertEquals(url, article.url());
        assertEquals("Dengue cases rise", article.title());
        assertEquals("Lahore Dispatch", article.outlet());
        assertEquals("2024-02-14", article.publishedAt());
        assertEquals("en", article.language());
    }

    @Test
    void plainTextIsDecodedWithTheCharsetItIsSentIn() {
        String text = "Le ministre a déclaré « pas de négociation » " + UUID.randomUUID();
        String id = given().contentType("text/plain; charset=ISO-8859-1")
                .body(text.getBytes(StandardCharsets.ISO_8859_1)).when().post("/api/articles")
                .then().statusCode(202).extract().path("id");
        assertEquals(text, onlyEventFor(id).text());
    }

    /** Zero-width and direction characters are text: kept verbatim, never stripped or refused. */
    @Test
    void invisibleAndRightToLeftCharactersAreKeptVerbatim() {
        String text = "\u200F\u0627\u0644\u0648\u0632\u064A\u0631 \u0642\u0627\u0644\u200E (the minister said)\u200B "
                + "\u202Eevil\u202C zero\u200Dwidth\uFEFF joiner " + UUID.randomUUID();
        String id = given().contentType("text/plain; charset=utf-8").body(text.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/articles").then().statusCode(202).extract().path("id");
        assertEquals(text, onlyEventFor(id).text());
    }

    @Test
    void ndjsonBadLineDoesNotStopTheGoodOnes() {
        String run = UUID.randomUUID().toString();
        String body = "{\"url\":\"https://bulk.example.org/" + run + "/1\",\"text\":\"First article.\"}\n"
                + "{\"url\":\"https://bulk.example.org/" + run + "/2\",\"text\":5}\r\n"
                + "\n"
                + uniqueSample("news-please.json", run).replace("\n", "") + "\n"
                + "{\"text\": \"truncated\n"
                + "{\"url\":\"https://bulk.example.org/" + run + "/1\",\"text\":\"First article.\"}\n";
        Map<TopicPartition, Long> before = log.end();
        Response response = given().contentType("application/x-ndjson").body(utf8(body)).when().post("/api/articles");
        response.then().statusCode(200)
                .body("received", equalTo(5)).body("published", equalTo(2)).body("duplicates", equalTo(1))
                .body("rejected", equalTo(2))
                .body("results.line", equalTo(List.of(1, 2, 4, 5, 6)))
                .body("results.status", equalTo(List.of("accepted", "rejected", "accepted", "rejected", "duplicate")))
                .body("results[1].problem.status", equalTo(400))
                .body("results[1].problem.type", equalTo("https://claimtrail.dev/problems/invalid-request"))
                .body("results[1].problem.detail", equalTo("'text' must be a string, not a number"))
                .body("results[3].problem.detail", startsWith("line 5 is not valid JSON"))
                .body("results[4].id", equalTo(response.path("results[0].id")));
        List<ConsumerRecord<String, String>> appended = log.since(before);
        assertEquals(2, appended.size());
        assertEquals(Set.of(response.path("results[0].id"), response.path("results[2].id")),
                appended.stream().map(ConsumerRecord::key).collect(Collectors.toSet()),
                "only the two new articles were published");
    }
}
