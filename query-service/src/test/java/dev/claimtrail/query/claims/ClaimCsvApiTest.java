package dev.claimtrail.query.claims;

import dev.claimtrail.events.ArticleProcessed;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.events.Topics;
import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.infra.embedded.PostgresTestResource;
import dev.claimtrail.query.support.Await;
import dev.claimtrail.query.support.EventProducer;
import dev.claimtrail.query.support.TestEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV export of /api/claims on the real broker and database, with hostile article text. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ClaimCsvApiTest {

    static final String TEXT = "A leaflet found in Dorn read =HYPERLINK(\"http://evil.example\",\"open\"), the mayor said. "
            + "Mayor Hanna Pell said that 200 families, most of them farmers, had left \"for good\". "
            + "Police chief Omar Lind said @everyone should stay indoors.";

    @Test
    void claimsExportAsCsvWithFormulasNeutralised() {
        ArticleSnapshot article = TestEvents.article(TestEvents.uniqueExternalId("csv"), 1, "2024-04-02", TEXT,
                "Dorn Gazette, Evening");
        ClaimRecorded formula = TestEvents.claim(article, "1.0").source("Hanna Pell", Claim.Source.PERSON, "the mayor")
                .cue("said", "say").content("=HYPERLINK(\"http://evil.example\",\"open\")").recorded();
        ClaimRecorded families = TestEvents.claim(article, "1.0").source("Hanna Pell", Claim.Source.PERSON, "Mayor Hanna Pell")
                .cue("said that", "say").content("200 families, most of them farmers, had left \"for good\"")
                .quantity(200, null, "families", null).recorded();
        ClaimRecorded everyone = TestEvents.claim(article, "1.0").source("Omar Lind", Claim.Source.PERSON, "Police chief Omar Lind")
                .cue("said", "say").content("@everyone should stay indoors").recorded();
        try (EventProducer producer = EventProducer.connect()) {
            producer.publish(Topics.ARTICLES, TestEvents.ingested(article));
            producer.publishInTransaction(Topics.CLAIMS, formula, families, everyone,
                    TestEvents.processed(article, "1.0", 3, ArticleProcessed.EXTRACTED));
        }
        Await.projection().until(() -> given().queryParam("articleId", article.id()).get("/api/claims")
                .path("items.size()").equals(3));

        Response byAccept = given().accept("text/csv").queryParam("articleId", article.id()).get("/api/claims");
        byAccept.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"claims.csv\""));
        String csv = byAccept.asString();
        assertEquals(csv, given().queryParam("format", "csv").queryParam("articleId", article.id()).get("/api/claims")
                .then().statusCode(200).extract().asString(), "format=csv is the same as Accept: text/csv");

        List<String> lines = Arrays.asList(csv.split("\r\n", -1));
        assertEquals("", lines.get(lines.size() - 1), "every record ends with CRLF");
        List<String> header = ClaimCsvTest.parse(lines.get(0));
        assertEquals("id", header.get(0));
        assertEquals(5, lines.size(), csv); // header, three claims, the empty rest after the last CRLF
        int content = header.indexOf("content");
        int outlet = header.indexOf("outlet");
        int quantities = header.indexOf("quantities");
        for (String line : lines.subList(1, 4)) {
            List<String> row = ClaimCsvTest.parse(line);
            assertEquals(header.size(), row.size(), line);
            assertEquals("Dorn Gazette, Evening", row.get(outlet));
            String id = row.get(0);
            if (id.equals(formula.eventId())) {
                assertEquals("'=HYPERLINK(\"http://evil.example\",\"open\")", row.get(content));
            } else if (id.equals(families.eventId())) {
                assertEquals("200 families, most of them farmers, had left \"for good\"", row.get(content));
                assertEquals("200 families", row.get(quantities));
            } else {
                assertEquals(everyone.eventId(), id);
                assertEquals("'@everyone should stay indoors", row.get(content));
            }
        }
        // filters apply as to JSON: a search that matches one claim exports one row
        String one = given().queryParam("format", "csv").queryParam("articleId", article.id()).queryParam("q", "farmers")
                .get("/api/claims").asString();
        assertEquals(3, one.split("\r\n", -1).length);
        assertTrue(one.contains(families.eventId()));

        given().queryParam("format", "xml").get("/api/claims").then().statusCode(400)
                .body("type", equalTo("/problems/invalid-parameter"));
    }
}
