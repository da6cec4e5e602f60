package dev.claimtrail.query.infra.auth;


import dev.claimtrail.auth.ApiKeys;
import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.infra.embedded.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every query endpoint × every kind of caller, with reader and operator keys configured. Query does not
 * know feed keys, so a feed key is as unknown here as a wrong one (401). The admin endpoints (status, dead
 * letters, redrive, replay) need the operator role.
 */
@QuarkusTest
@TestProfile(ReaderKeysProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class AuthorizationMatrixTest {

    static final String FEED_KEY = "feed-Qm7vX2pL9sT4wE1r";
    static final String READER_KEY = ReaderKeysProfile.READER_KEY;
    static final String OPERATOR_KEY = ReaderKeysProfile.OPERATOR_KEY;
    static final String WRONG_KEY = READER_KEY + "x";

    /** Callers in matrix order; null = no header. */
    private static final String[] CALLERS = {null, WRONG_KEY, FEED_KEY, READER_KEY, OPERATOR_KEY};
    private static final String[] CALLER_NAMES = {"no key", "wrong key", "feed key", "reader", "operator"};

    @Test
    void everyEndpointTimesEveryCaller() {
        // endpoint → expected status per caller; an allowed call gets the endpoint's own answer (404 for unknown ids).
        Map<String, int[]> matrix = new LinkedHashMap<>();
        matrix.put("GET /api/claims", new int[] {401, 401, 401, 200, 200});
        matrix.put("GET /api/articles", new int[] {401, 401, 401, 200, 200});
        matrix.put("GET /api/articles/no-such-article", new int[] {401, 401, 401, 404, 404});
        matrix.put("GET /api/stories", new int[] {401, 401, 401, 200, 200});
        matrix.put("GET /api/conflicts", new int[] {401, 401, 401, 200, 200});
        matrix.put("GET /api/denials", new int[] {401, 401, 401, 200, 200});
        matrix.put("GET /api/subjects/nobody/figures", new int[] {401, 401, 401, 404, 404});
        matrix.put("GET /api/sources", new int[] {401, 401, 401, 200, 200});
        matrix.put("GET /api/entities", new int[] {401, 401, 401, 200, 200});
        matrix.put("GET /api/admin/probe", new int[] {401, 401, 401, 403, 200});
        matrix.put("GET /api/admin/status", new int[] {401, 401, 401, 403, 200});
        matrix.put("GET /api/admin/extractor-versions", new int[] {401, 401, 401, 403, 200});
        matrix.put("GET /api/admin/dead-letters", new int[] {401, 401, 401, 403, 200});
        matrix.put("GET /api/admin/dead-letters/claims.dlq-0-999999999", new int[] {401, 401, 401, 403, 404});
        matrix.put("POST /api/admin/dead-letters/claims.dlq-0-999999999/redrive", new int[] {401, 401, 401, 403, 404});
        // An operator reaches the replay itself, which asks for the topic.
        matrix.put("GET /api/admin/replay", new int[] {401, 401, 401, 403, 400});
        matrix.put("GET /api/admin/rebuilds", new int[] {401, 401, 401, 403, 200});
        matrix.put("GET /api/admin/rebuilds/999999", new int[] {401, 401, 401, 403, 404});
        matrix.put("GET /", new int[] {200, 200, 200, 200, 200});
        matrix.put("GET /dashboard/app.js", new int[] {200, 200, 200, 200, 200});
        matrix.put("GET /q/health/ready", new int[] {200, 200, 200, 200, 200});

        List<String> wrong = new ArrayList<>();
        matrix.forEach((endpoint, expected) -> {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            for (int i = 0; i < CALLERS.length; i++) {
                RequestSpecification request = given();
                if (CALLERS[i] != null) {
                    request.header("X-API-Key", CALLERS[i]);
                }
                Response response = request.request(method, path);
                if (response.statusCode() != expected[i]) {
                    wrong.add(endpoint + " with " + CALLER_NAMES[i] + ": " + response.statusCode() + ", expected " + expected[i]);
                }
                if (expected[i] == 401 || expected[i] == 403) {
                    assertRefusal(response, expected[i], path, CALLERS[i]);
                }
            }
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void refusalsSayWhy() {
        assertTrue(given().get("/api/claims").then().extract().path("detail").toString().contains("needs an API key"));
        assertTrue(given().header("X-API-Key", WRONG_KEY).get("/api/claims").then().extract().path("detail").toString()
                .contains("no known API key"));
        assertTrue(given().header("X-API-Key", READER_KEY).get("/api/admin/probe").then().extract().path("detail").toString()
                .contains("'analysts' does not grant the operator role"));
    }

    private static void assertRefusal(Response response, int status, String path, String presented) {
        assertEquals(status, response.statusCode());
        assertTrue(response.contentType().startsWith("application/problem+json"), path + ": " + response.contentType());
        assertEquals(status, response.jsonPath().getInt("status"));
        assertEquals(path, response.jsonPath().getString("instance"));
        if (status == 401) {
            assertEquals("X-API-Key", response.header("WWW-Authenticate"));
        }
        String body = response.asString();
        for (String key : new String[] {FEED_KEY, READER_KEY, OPERATOR_KEY}) {
            assertFalse(body.contains(key), "the key is never echoed");
        }
        if (presented != null) {
            assertFalse(body.contains(presented), "the presented key is never echoed");
        }
        assertFalse(body.contains(HexFormat.of().formatHex(ApiKeys.hash("salt-r", READER_KEY))), "nor a hash");
    }
}
