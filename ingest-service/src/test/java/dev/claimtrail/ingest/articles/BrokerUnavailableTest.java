package dev.claimtrail.ingest.articles;

import dev.claimtrail.events.Ids;
import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.infra.embedded.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With no broker to take the write, a push must fail promptly with 503 and Retry-After, and must
 * leave no identity row behind (otherwise the feed's retry would be taken for a duplicate and the
 * article would never reach the log).
 */
@QuarkusTest
@TestProfile(BrokerUnavailableTest.NoBroker.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class BrokerUnavailableTest {

    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String channel = "mp.messaging.outgoing." + ArticleEventPublisher.CHANNEL + ".";
            return Map.of(
                    // The channel's own setting wins over the test broker's kafka.bootstrap.servers.
                    channel + "bootstrap.servers", "127.0.0.1:" + unusedPort(),
                    channel + "max.block.ms", "500",
                    channel + "request.timeout.ms", "500",
                    channel + "delivery.timeout.ms", "1000",
                    "claimtrail.ingest.retry-after", "7s");
        }

        private static int unusedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void pushIsRefusedWith503AndNothingIsRemembered() {
        String url = "https://news.example.org/" + UUID.randomUUID();
        String body = "{\"url\":\"" + url + "\",\"text\":\"The minister said talks would resume.\"}";

        for (int attempt = 1; attempt <= 2; attempt++) {
            long started = System.nanoTime();
            Response response = given().contentType("application/json").body(body).when().post("/api/articles");
            long millis = (System.nanoTime() - started) / 1_000_000;

            ArticleValidationTest.assertProblem(response, 503, "/api/articles", "could not be written to the article log");
            assertEquals("7", response.header("Retry-After"));
            assertTrue(millis < 15_000, "attempt " + attempt + " answered after " + millis + " ms");
        }

        String articleId = Ids.articleId("url:" + UrlNormaliser.normalise(url));
        assertNull(QuarkusTransaction.requiringNew().call(() -> ArticleIdentityRecord.findById(UUID.fromString(articleId))),
                "the identity row was rolled back");
    }

    /** A bulk body stops at the first article the log cannot take, and says the whole body can be retried. */
    @Test
    void bulkPushIsRefusedWith503AndRetryAfter() {
        String body = "{\"text\":\"first " + UUID.randomUUID() + "\"}\n{\"text\":\"second " + UUID.randomUUID() + "\"}\n";
        Response response = given().contentType("application/x-ndjson")
                .body(body.getBytes(StandardCharsets.UTF_8)).when().post("/api/articles");
        ArticleValidationTest.assertProblem(response, 503, "/api/articles",
                "line 1 could not be written to the article log and the rest of the body was not attempted");
        assertEquals("7", response.header("Retry-After"));
    }

    @Test
    void readinessReportsTheMissingBroker() {
        given().contentType("application/json").body("{\"text\":\"probe " + UUID.randomUUID() + "\"}")
                .when().post("/api/articles").then().statusCode(503);
        given().when().get("/q/health/ready").then().statusCode(503);
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
