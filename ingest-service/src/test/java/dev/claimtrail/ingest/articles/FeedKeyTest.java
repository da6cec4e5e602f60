package dev.claimtrail.ingest.articles;

import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.infra.embedded.PostgresTestResource;
import dev.claimtrail.ingest.auth.FeedKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.response.Response;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With feed keys configured, only a known, unrevoked key may push; refusals are problems and publish nothing. */
@QuarkusTest
@TestProfile(FeedKeyTest.WithKeys.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class FeedKeyTest {

    private static final String DAWN_KEY = "k9Xq-3vT7pL0wQ2e-dawn";
    private static final String OLD_KEY = "r4Zp-8sY1mN6uB5c-old";

    public static class WithKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "claimtrail.auth.feed-keys", "dawn:s4lt-1:" + hex("s4lt-1", DAWN_KEY) + ",old-crawler:s4lt-2:"
                            + hex("s4lt-2", OLD_KEY),
                    "claimtrail.auth.revoked-feeds", "old-crawler");
        }
    }

    private static String hex(String salt, String key) {
        return HexFormat.of().formatHex(FeedKeys.hash(salt, key));
    }

    private static ArticlesLog log;

    @BeforeAll
    static void openLog() {
        log = new ArticlesLog();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    private static String article() {
        return "{\"url\":\"https://keys.example.org/" + UUID.randomUUID() + "\",\"text\":\"The minister said.\"}";
    }

    @Test
    void knownKeyMayPush() {
        given().header("X-API-Key", DAWN_KEY).contentType("application/json").body(article())
                .when().post("/api/articles").then().statusCode(202).body("status", equalTo("accepted"));
    }

    @Test
    void missingUnknownAndRevokedKeysAreRefusedAndPublishNothing() {
        Map<TopicPartition, Long> before = log.end();

        Response missing = given().contentType("application/json").body(article()).when().post("/api/articles");
        ArticleValidationTest.assertProblem(missing, 401, "/api/articles", "needs a feed key in the X-API-Key header");
        assertEquals("X-API-Key", missing.header("WWW-Authenticate"));

        Response unknown = given().header("X-API-Key", DAWN_KEY + "x").contentType("application/json").body(article())
                .when().post("/api/articles");
        ArticleValidationTest.assertProblem(unknown, 401, "/api/articles", "holds no known feed key");
        assertFalse(unknown.asString().contains(DAWN_KEY), "the key is never echoed");

        Response revoked = given().header("X-API-Key", OLD_KEY).contentType("application/x-ndjson")
                .body(article().getBytes(StandardCharsets.UTF_8)).when().post("/api/articles");
        ArticleValidationTest.assertProblem(revoked, 403, "/api/articles", "the key of feed 'old-crawler' has been revoked");

        assertEquals(0, log.since(before).size(), "nothing published");
    }

    /**
     * The authorization matrix for ingest's one endpoint: only a feed key pushes. Ingest is configured with
     * feed keys only, so the query API's reader and operator keys are unknown here (401), as a wrong key is.
     */
    @Test
    void authorizationMatrix() {
        String readerKey = "reader-Hc3nB8kY5uJ0aZ6d";
        String operatorKey = "operator-Tf1gW7qN4mR9xV2s";
        String[] callers = {null, DAWN_KEY + "x", DAWN_KEY, readerKey, operatorKey};
        String[] names = {"no key", "wrong key", "feed key", "reader", "operator"};
        int[] expected = {401, 401, 202, 401, 401};
        Map<TopicPartition, Long> before = log.end();
        for (int i = 0; i < callers.length; i++) {
            var request = given().contentType("application/json").body(article());
            if (callers[i] != null) {
                request.header("X-API-Key", callers[i]);
            }
            Response response = request.when().post("/api/articles");
            assertEquals(expected[i], response.statusCode(), "POST /api/articles with " + names[i]);
            if (expected[i] == 401) {
                ArticleValidationTest.assertProblem(response, 401, "/api/articles", "feed key");
                assertEquals("X-API-Key", response.header("WWW-Authenticate"));
                for (String key : new String[] {DAWN_KEY, readerKey, operatorKey}) {
                    assertFalse(response.asString().contains(key), "no key is ever echoed");
                }
                assertFalse(response.asString().contains(hex("s4lt-1", DAWN_KEY)), "nor a hash");
            }
        }
        assertEquals(1, log.since(before).size(), "only the feed's article was published");
    }

    @TestHTTPResource("/api/articles")
    URI articles;

    /** A stranger is refused from the headers alone: before the body limits, without reading the body. */
    @Test
    void strangerIsRefusedBeforeTheBodyIsRead() throws Exception {
        try (Socket socket = new Socket(articles.getHost(), articles.getPort())) {
            socket.setSoTimeout(15_000);
            String head = "POST /api/articles HTTP/1.1\r\nHost: " + articles.getHost() + "\r\nContent-Type: application/json"
                    + "\r\nContent-Length: 50000000\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 401 "), answer);
            assertTrue(answer.contains("needs a feed key in the X-API-Key header"), answer);
        }
    }

    @Test
    void healthNeedsNoKey() {
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
