package dev.claimtrail.query.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Claims published to the real broker, projected into the real database, read through the API. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimApiTest {

    static final String TEXT = "Officials from both provinces met in the capital on Monday. "
            + "Interior minister Karim Abadí said that up to 3,000 fighters of the Northern Front had crossed the border. "
            + "The Northern Front denied that it had any presence in the valley. "
            + "Analysts warned that the river dispute could escalate further.";

    @Inject
    ClaimQueryService queries;

    @Inject
    ObjectMapper mapper;

    ArticleSnapshot article;
    Claim abadi;
    Claim denial;
    Claim analysts;

    /**
     * Once per class (the instance lives for the whole class); in {@code @BeforeEach} rather than
     * {@code @BeforeAll} because REST Assured only knows the application's random port from then on.
     */
    @BeforeEach
    void publishOneProcessedArticle() {
        if (article != null) {
            return;
        }
        article = TestEvents.article(TestEvents.uniqueExternalId("claims-api"), 1, "2024-02-14", TEXT);
        ClaimRecorded c1 = TestEvents.claim(article, "1.0")
                .source("Karim Abadí", Claim.Source.PERSON, "Karim Abadí").cue("said", "say")
                .content("up to 3,000 fighters of the Northern Front had crossed the border")
                .subject("NF", "Northern Front").quantity(3000, "up to", "fighters", "NF").recorded();
        ClaimRecorded c2 = TestEvents.claim(article, "1.0")
                .source("Northern Front", Claim.Source.GROUP, "The Northern Front").cue("denied", "deny")
                .content("it had any presence in the valley").denies().claimedAt("2023", "year").recorded();
        ClaimRecorded c3 = TestEvents.claim(article, "1.0")
                .source("unnamed source", Claim.Source.UNNAMED, "Analysts").cue("warned", "warn")
                .content("the river dispute could escalate further").claimedAt("2024-01", "month").recorded();
        abadi = c1.claim();
        denial = c2.claim();
        analysts = c3.claim();
        try (EventProducer producer = EventProducer.connect()) {
            producer.publish(Topics.ARTICLES, TestEvents.ingested(article));
            producer.publishInTransaction(Topics.CLAIMS, c1, c2, c3,
                    TestEvents.processed(article, "1.0", 3, ArticleProcessed.EXTRACTED));
        }
        Await.projection().until(() -> ids(Map.of("articleId", article.id())).size() == 3
                && given().get("/api/articles/" + article.id()).jsonPath().getString("status").equals("processed"));
    }

    @Test
    void claimsComeInTheEvaluationShapeWithSpansIntoTheStoredText() {
        String storedText = given().get("/api/articles/" + article.id()).then().statusCode(200)
                .extract().path("text");
        given().queryParam("articleId", article.id()).get("/api/claims")
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("items", hasSize(3))
                .body("next", nullValue())
                .body("items[0].id", equalTo(abadi.id()))
                .body("items[0].articleId", equalTo(article.id()))
                .body("items[0].externalId", equalTo(article.externalId()))
                .body("items[0].kind", equalTo("attributed"))
                .body("items[0].source.name", equalTo("Karim Abadí"))
                .body("items[0].source.type", equalTo("person"))
                .body("items[0].cue.lemma", equalTo("say"))
                .body("items[0].stance", equalTo("asserts"))
                .body("items[0].direct", equalTo(false))
                .body("items[0].subjects[0].id", equalTo("NF"))
                .body("items[0].subjects[0].alias", equalTo("Northern Front"))
                .body("items[0].quantities[0].value", equalTo(3000))
                .body("items[0].quantities[0].qualifier", equalTo("up to"))
                .body("items[0]", hasKey("claimedAt"))
                .body("items[0].claimedAt", nullValue())
                .body("items[0]", hasKey("storyId"))
                .body("items[0].extractor.version", equalTo("1.0"))
                .body("items[0].article.title", equalTo(article.title()))
                .body("items[0].article.revision", equalTo(1))
                .body("items[1].stance", equalTo("denies"))
                .body("items[1].claimedAt.value", equalTo("2023"))
                .body("items[1].claimedAt.precision", equalTo("year"));

        JsonNode first = given().queryParam("articleId", article.id()).get("/api/claims")
                .then().extract().as(JsonNode.class).get("items").get(0);
        for (String span : List.of("content", "evidence")) {
            JsonNode s = first.get(span);
            assertEquals(s.get("text").asText(), storedText.substring(s.get("start").asInt(), s.get("end").asInt()), span);
        }
        JsonNode cue = first.get("cue");
        assertEquals(cue.get("text").asText(), storedText.substring(cue.get("start").asInt(), cue.get("end").asInt()));
    }

    @Test
    void filtersBySourceSubstringIgnoringCaseAndAccents() {
        assertEquals(List.of(abadi.id()), ids(Map.of("articleId", article.id(), "source", "ABADI")));
        assertEquals(List.of(denial.id()), ids(Map.of("externalId", article.externalId(), "source", "northern")));
    }

    @Test
    void filtersBySubjectIdOrAlias() {
        assertEquals(List.of(abadi.id()), ids(Map.of("articleId", article.id(), "subject", "nf")));
        assertEquals(List.of(abadi.id()), ids(Map.of("articleId", article.id(), "subject", "northern FRONT")));
        assertEquals(List.of(), ids(Map.of("articleId", article.id(), "subject", "Northern")));
    }

    @Test
    void filtersByDateUsingClaimedAtElseThePublicationDate() {
        // Abadi has no claimedAt: his claim is dated by the article (2024-02-14).
        assertEquals(List.of(abadi.id()), ids(Map.of("articleId", article.id(), "from", "2024-02-14", "to", "2024-02-14")));
        // A claim dated only to 2023 matches any range inside 2023.
        assertEquals(List.of(denial.id()), ids(Map.of("articleId", article.id(), "from", "2023-06-01", "to", "2023-06-30")));
        assertEquals(List.of(analysts.id(), abadi.id()).stream().sorted().toList(),
                ids(Map.of("articleId", article.id(), "from", "2024-01-31")).stream().sorted().toList());
        assertEquals(List.of(denial.id()), ids(Map.of("articleId", article.id(), "to", "2023-12-31")));
    }

    @Test
    void searchesTheContentWithWebSearchSyntax() {
        assertEquals(List.of(analysts.id()), ids(Map.of("articleId", article.id(), "q", "escalating")));
        assertEquals(List.of(abadi.id()), ids(Map.of("articleId", article.id(), "q", "fighters crossing borders")));
        assertEquals(List.of(), ids(Map.of("articleId", article.id(), "q", "\"river valley\"")));
        assertEquals(List.of(denial.id()), ids(Map.of("articleId", article.id(), "q", "presence OR nothing -river")));
    }

    @Test
    void pagesWithAnOpaqueCursorUntilNextIsNull() {
        Response first = given().queryParam("articleId", article.id()).queryParam("limit", 2).get("/api/claims");
        first.then().statusCode(200).body("items", hasSize(2));
        String next = first.path("next");
        assertNotNull(next);
        Response second = given().queryParam("articleId", article.id()).queryParam("limit", 2)
                .queryParam("cursor", next).get("/api/claims");
        second.then().statusCode(200).body("items", hasSize(1));
        assertNull(second.path("next"));
        List<String> all = new ArrayList<>(first.path("items.id"));
        all.addAll(second.path("items.id"));
        assertEquals(List.of(abadi.id(), denial.id(), analysts.id()), all);
    }

    @Test
    void withAFirstDayTheListIsInDateOrderAndPagesOnIt() throws Exception {
        // Recorded abadi, denial, analysts; their periods end 2024-02-14, 2023-12-31 and 2024-01-31.
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("articleId", article.id()).queryParam("from", "2023-01-01")
                    .queryParam("limit", 1);
            Response page = (cursor == null ? request : request.queryParam("cursor", cursor)).get("/api/claims");
            page.then().statusCode(200).body("items", hasSize(1));
            paged.addAll(page.path("items.id"));
            cursor = page.path("next");
        } while (cursor != null);
        assertEquals(List.of(denial.id(), analysts.id(), abadi.id()), paged);

        String stream = given().accept("application/x-ndjson").queryParam("articleId", article.id())
                .queryParam("from", "2023-01-01").get("/api/claims").then().statusCode(200).extract().asString();
        List<String> streamed = new ArrayList<>();
        for (String line : stream.split("\n")) {
            streamed.add(mapper.readTree(line).get("id").asText());
        }
        assertEquals(paged, streamed);

        // A cursor of the recording order means nothing in date order: refused, not silently restarted.
        String recordingCursor = given().queryParam("articleId", article.id()).queryParam("limit", 1)
                .get("/api/claims").path("next");
        given().queryParam("articleId", article.id()).queryParam("from", "2023-01-01")
                .queryParam("cursor", recordingCursor).get("/api/claims").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void ndjsonStreamsEveryMatchOneObjectPerLine() throws Exception {
        Response response = given().accept("application/x-ndjson").queryParam("articleId", article.id())
                .queryParam("limit", 1) // a page size does not cut a stream
                .get("/api/claims");
        response.then().statusCode(200).contentType(startsWith("application/x-ndjson"));
        String[] lines = response.asString().split("\n");
        assertEquals(3, lines.length);
        List<String> ids = new ArrayList<>();
        for (String line : lines) {
            JsonNode claim = mapper.readTree(line);
            ids.add(claim.get("id").asText());
            assertEquals(article.id(), claim.get("articleId").asText());
        }
        assertEquals(List.of(abadi.id(), denial.id(), analysts.id()), ids);

        // A cursor from a JSON page continues the stream after that page.
        String next = given().queryParam("articleId", article.id()).queryParam("limit", 1).get("/api/claims")
                .path("next");
        String rest = given().accept("application/x-ndjson").queryParam("articleId", article.id())
                .queryParam("cursor", next).get("/api/claims").then().statusCode(200).extract().asString();
        assertEquals(2, rest.split("\n").length);
        assertEquals(denial.id(), mapper.readTree(rest.split("\n")[0]).get("id").asText());
    }

    @Test
    void streamingReadsInChunksWithoutLosingOrRepeatingClaims() {
        ClaimFilter filter = new ClaimFilter(article.id(), null, null, null, null, null, null, false);
        List<String> streamed = new ArrayList<>();
        queries.forEach(filter, ClaimQueryService.After.START, 1, claim -> streamed.add(claim.id()));
        assertEquals(List.of(abadi.id(), denial.id(), analysts.id()), streamed);
        Set<String> unique = new HashSet<>(streamed);
        assertEquals(streamed.size(), unique.size());
    }

    @Test
    void theArticleShowsItsServedExtraction() {
        given().get("/api/articles/" + article.id()).then().statusCode(200)
                .body("id", equalTo(article.id()))
                .body("externalId", equalTo(article.externalId()))
                .body("url", equalTo(article.url()))
                .body("title", equalTo(article.title()))
                .body("outlet", equalTo(article.outlet()))
                .body("publishedAt", equalTo("2024-02-14"))
                .body("language", equalTo("en"))
                .body("revision", equalTo(1))
                .body("text", equalTo(TEXT))
                .body("status", equalTo("processed"))
                .body("claimCount", equalTo(3))
                .body("extractor.name", equalTo(TestEvents.EXTRACTOR))
                .body("extractor.version", equalTo("1.0"))
                .body("processedAt", org.hamcrest.Matchers.notNullValue())
                .body("ingestedAt", equalTo("2024-02-14T10:00:00Z"));
    }

    @Test
    void articlesAreFoundByExternalIdOrUrlWithoutTheirText() {
        given().queryParam("externalId", article.externalId()).get("/api/articles").then().statusCode(200)
                .body("items.id", contains(article.id()))
                .body("items[0]", org.hamcrest.Matchers.not(hasKey("text")))
                .body("items[0].claimCount", equalTo(3))
                .body("next", nullValue());
        given().queryParam("url", article.url()).get("/api/articles").then().statusCode(200)
                .body("items.externalId", containsInAnyOrder(article.externalId()));
    }

    private static List<String> ids(Map<String, String> params) {
        return given().queryParams(params).get("/api/claims").then().statusCode(200).extract().path("items.id");
    }
}
