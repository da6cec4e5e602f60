package dev.claimtrail.ingest.articles;

import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.infra.embedded.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad pushes get the right 4xx as RFC 9457 problem+json and publish nothing. "Nothing" is checked on
 * the real topic: after each bad push a good one is sent, and it must be the only record appended.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ArticleValidationTest {

    private static final String JSON = "application/json";
    private static ArticlesLog log;

    @BeforeAll
    static void openLog() {
        log = new ArticlesLog();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    static Stream<Arguments> badPushes() {
        return Stream.of(
                bad("malformed JSON", JSON, "{\"text\": \"a\",}", 400, "not valid JSON at line 1, column 14"),
                bad("truncated JSON", JSON, "{\"text\": \"The minister sa", 400, "ends before the JSON value is complete"),
                bad("text is a number", JSON, "{\"text\": 5}", 400, "'text' must be a string, not a number"),
                bad("title is an object", JSON, "{\"text\": \"a\", \"title\": {}}", 400, "'title' must be a string, not an object"),
                bad("missing text", JSON, "{\"title\": \"A headline\"}", 400, "'text' is required"),
                bad("blank text", JSON, "{\"text\": \" \\n \"}", 400, "'text' must not be blank"),
                bad("unknown date format", JSON, "{\"text\": \"a\", \"publishedAt\": \"14/02/2024\"}", 400,
                        "'publishedAt' '14/02/2024' is not an ISO-8601 date"),
                bad("url not http(s)", JSON, "{\"text\": \"a\", \"url\": \"ftp://example.org/a\"}", 400,
                        "'url' must be an absolute http or https URL"),
                bad("relative url", JSON, "{\"text\": \"a\", \"url\": \"/2024/02/a\"}", 400,
                        "'url' must be an absolute http or https URL"),
                bad("title too long", JSON, "{\"text\": \"a\", \"title\": \"" + "t".repeat(1001) + "\"}", 400,
                        "'title' has 1001 characters; at most 1000 are accepted"),
                bad("duplicate field", JSON, "{\"text\": \"a\", \"text\": \"b\"}", 400, "Duplicate field 'text'"),
                bad("JSON array instead of object", JSON, "[{\"text\": \"a\"}]", 400, "must be a JSON object, not an array"),
                bad("JSON null", JSON, "null", 400, "must be a JSON object, not null"),
                bad("empty body", JSON, null, 400, "request body is empty"),
                bad("text over the limit", JSON, "{\"text\": \"" + "x".repeat(500_001) + "\"}", 413,
                        "'text' has 500001 characters; at most 500000 are accepted"),
                bad("body over max-body-size", JSON, "{\"text\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}", 413,
                        "at most 2097152 bytes are accepted"),
                bad("wrong content type", "text/csv", "{\"text\": \"a\"}", 415, "Content-Type 'text/csv"),
                bad("form content type", "application/x-www-form-urlencoded", "text=a", 415,
                        "send the article as application/json"));
    }

    private static Arguments bad(String name, String contentType, String body, int status, String detail) {
        return Arguments.of(name, contentType, body, status, detail);
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("badPushes")
    void isRejectedAsProblemAndPublishesNothing(String name, String contentType, String body, int status, String detail) {
        Map<TopicPartition, Long> before = log.end();

        RequestSpecification request = given().contentType(contentType);
        if (body != null) {
            request.body(body);
        }
        Response response = request.when().post("/api/articles");

        assertProblem(response, status, "/api/articles", detail);
        assertOnlyMarkerAppendedSince(before);
    }

    @TestHTTPResource("/api/articles")
    URI articles;

    /** Without a Content-Length the limit can only bite while the body streams in; it must still be a problem. */
    @Test
    void chunkedBodyOverMaxBodySizeIsAProblemAndPublishesNothing() throws Exception {
        Map<TopicPartition, Long> before = log.end();
        byte[] body = ("{\"text\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(articles)
                .header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("the request body is over the limit; at most 2097152 bytes are accepted"),
                response.body());
        assertOnlyMarkerAppendedSince(before);
    }

    @Test
    void unknownPathIsAProblemToo() {
        assertProblem(given().when().get("/api/nothing-here"), 404, "/api/nothing-here", "no resource");
    }

    @Test
    void wrongMethodIsAProblemToo() {
        assertProblem(given().when().get("/api/articles"), 405, "/api/articles", "not allowed");
    }

    static void assertProblem(Response response, int status, String instance, String detailFragment) {
        String body = response.asString();
        assertEquals(status, response.statusCode(), body);
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        assertEquals(status, (int) response.path("status"));
        String type = response.path("type");
        assertTrue(type.startsWith("https://claimtrail.dev/problems/"), type);
        assertFalse(((String) response.path("title")).isBlank());
        assertEquals(instance, response.path("instance"));
        String detail = response.path("detail");
        assertTrue(detail.contains(detailFragment), "detail: " + detail);
        for (String leak : List.of("Exception", "java.", "jackson", "\tat ", "dev.claimtrail")) {
            assertFalse(body.contains(leak), "no internals in the response: " + body);
        }
    }

    /**
     * Sends a good article and checks it is the only record appended since {@code before}. Every 202
     * waits for the broker's ack, so a record from the rejected push would already be in the log.
     */
    private static void assertOnlyMarkerAppendedSince(Map<TopicPartition, Long> before) {
        String url = "https://marker.example.org/" + UUID.randomUUID();
        String id = given().contentType(JSON).body("{\"url\":\"" + url + "\",\"text\":\"marker\"}")
                .when().post("/api/articles").then().statusCode(202).extract().path("id");
        List<ConsumerRecord<String, String>> appended = log.since(before);
        assertEquals(1, appended.size(), "only the marker was appended, got " + appended.size());
        assertEquals(id, appended.get(0).key());
    }
}
