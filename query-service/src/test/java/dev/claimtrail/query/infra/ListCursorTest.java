package dev.claimtrail.query.infra;

import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.events.Event;
import dev.claimtrail.events.Topics;
import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.infra.embedded.PostgresTestResource;
import dev.claimtrail.query.support.Await;
import dev.claimtrail.query.support.EventProducer;
import dev.claimtrail.query.support.TestEvents;
import dev.claimtrail.query.support.ValleyFrontReports;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /api/conflicts and figure timelines page with keyset cursors like every other list. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ListCursorTest {

    @Test
    void aCursorWalksEveryConflictOnceInOrder() {
        // two copies, years apart, give two conflicts (one per invented group)
        List<ValleyFrontReports> copies = List.of(
                new ValleyFrontReports(UUID.randomUUID().toString().substring(0, 8), 20),
                new ValleyFrontReports(UUID.randomUUID().toString().substring(0, 8), 30));
        copies.forEach(ListCursorTest::publish);
        for (ValleyFrontReports r : copies) {
            Await.projection().until(() -> given().queryParam("subject", r.subject).get("/api/conflicts")
                    .path("items.size()").equals(1));
        }

        JsonPath all = given().queryParam("limit", 500).get("/api/conflicts").then().statusCode(200).extract().jsonPath();
        List<String> expected = keys(all);
        assertTrue(expected.size() >= 2, expected.toString());
        assertNull(all.getString("next"));

        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 1);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/conflicts").then().statusCode(200).extract().jsonPath();
            List<String> items = keys(page);
            assertTrue(items.size() <= 1);
            walked.addAll(items);
            cursor = page.getString("next");
            pages++;
        } while (cursor != null && pages < 1000);
        assertEquals(expected, walked, "every conflict once, in the order of the whole list");

        // a subject filter and a cursor together
        JsonPath first = given().queryParam("subject", copies.get(0).subject).queryParam("limit", 1)
                .get("/api/conflicts").then().statusCode(200).extract().jsonPath();
        assertEquals(1, keys(first).size());
        assertNull(first.getString("next"));
        assertNotNull(first.get("items[0].attributions"));

        given().queryParam("cursor", "forged").get("/api/conflicts").then().statusCode(400);

        // a figure timeline, two at a time, is the whole timeline in order
        String subject = copies.get(1).subject;
        String path = "/api/subjects/" + subject + "/figures";
        JsonPath whole = given().queryParam("limit", 500).get(path).then().statusCode(200).extract().jsonPath();
        List<String> timeline = whole.getList("items.claimId");
        assertEquals(7, timeline.size(), timeline.toString());
        List<String> paged = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        cursor = null;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(path).then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.claimId"));
            dates.addAll(page.getList("items.date"));
            cursor = page.getString("next");
        } while (cursor != null);
        assertEquals(timeline, paged);
        assertEquals(dates.stream().sorted().toList(), dates);
        given().queryParam("cursor", "forged").get(path).then().statusCode(400);
    }

    private static List<String> keys(JsonPath page) {
        List<String> out = new ArrayList<>();
        List<String> subjects = page.getList("items.subject", String.class);
        List<Object> values = page.getList("items.value");
        for (int i = 0; i < subjects.size(); i++) {
            out.add(subjects.get(i) + "=" + values.get(i));
        }
        return out;
    }

    private static void publish(ValleyFrontReports r) {
        try (EventProducer producer = EventProducer.connect()) {
            for (ArticleSnapshot article : r.articles()) {
                producer.publish(Topics.ARTICLES, TestEvents.ingested(article));
                List<ClaimRecorded> claims = r.claimsOf(article);
                List<Event> events = new ArrayList<>(claims);
                events.add(ValleyFrontReports.processed(article, ValleyFrontReports.V1, claims.size()));
                producer.publishInTransaction(Topics.CLAIMS, events.toArray(new Event[0]));
            }
        }
    }
}
