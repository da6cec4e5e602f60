package dev.claimtrail.claims.infra.auth;


import dev.claimtrail.auth.ApiKeys;
import dev.claimtrail.infra.embedded.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
 * Every claims endpoint × every kind of caller, with reader and operator keys configured. Claims does not
 * know feed keys, so a feed key is as unknown here as a wrong one (401); trying a text is operator-only.
 */
@QuarkusTest
@TestProfile(AuthorizationMatrixTest.WithKeys.class)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class AuthorizationMatrixTest {

    static final String FEED_KEY = "feed-Qm7vX2pL9sT4wE1r";
    static final String READER_KEY = "reader-Hc3nB8kY5uJ0aZ6d";
    static final String OPERATOR_KEY = "operator-Tf1gW7qN4mR9xV2s";
    static final String WRONG_KEY = OPERATOR_KEY + "x";

    public static class WithKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "claimtrail.auth.reader-keys", entry("analysts", "salt-r", READER_KEY),
                    "claimtrail.auth.operator-keys", entry("ops", "salt-o", OPERATOR_KEY));
        }
    }

    static String entry(String name, String salt, String key) {
        return name + ":" + salt + ":" + HexFormat.of().formatHex(ApiKeys.hash(salt, key));
    }

    private static final String[] CALLERS = {null, WRONG_KEY, FEED_KEY, READER_KEY, OPERATOR_KEY};
    private static final String[] CALLER_NAMES = {"no key", "wrong key", "feed key", "reader", "operator"};
    private static final String TEXT = "{\"text\":\"The minister said on Monday that 40 schools would close.\"}";

    @Test
    void everyEndpointTimesEveryCaller() {
        Map<String, int[]> matrix = new LinkedHashMap<>();
        matrix.put("GET /api/extractor", new int[] {401, 401, 401, 200, 200});
        matrix.put("POST /api/extractor/try", new int[] {401, 401, 401, 403, 200});
        // An operator reaches the redrive itself, which refuses a letter that is not there.
        matrix.put("POST /api/admin/dead-letters/articles.dlq-0-999999999/redrive", new int[] {401, 401, 401, 403, 404});
        matrix.put("GET /q/health/live", new int[] {200, 200, 200, 200, 200});

        List<String> wrong = new ArrayList<>();
        matrix.forEach((endpoint, expected) -> {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            for (int i = 0; i < CALLERS.length; i++) {
                RequestSpecification request = given();
                if (CALLERS[i] != null) {
                    request.header("X-API-Key", CALLERS[i]);
                }
                if (method.equals("POST")) {
                    request.contentType("application/json").body(TEXT);
                }
                Response response = request.request(method, path);
                if (response.statusCode() != expected[i]) {
                    wrong.add(endpoint + " with " + CALLER_NAMES[i] + ": " + response.statusCode() + ", expected " + expected[i]);
                } else if (expected[i] == 401 || expected[i] == 403) {
                    assertRefusal(response, expected[i], path, CALLERS[i]);
                }
            }
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void anOperatorGetsTheExtractorsAnswer() {
        Response response = given().header("X-API-Key", OPERATOR_KEY).contentType("application/json").body(TEXT)
                .post("/api/extractor/try");
        assertEquals(200, response.statusCode());
        assertTrue(response.asString().contains("40 schools"), response.asString());
    }

    @TestHTTPResource("/api/extractor/try")
    URI tryUri;

    /** A stranger is refused from the headers alone: the server answers before the body has arrived. */
    @Test
    void strangerIsRefusedBeforeTheBodyIsRead() throws Exception {
        try (Socket socket = new Socket(tryUri.getHost(), tryUri.getPort())) {
            socket.setSoTimeout(15_000);
            String head = "POST /api/extractor/try HTTP/1.1\r\nHost: " + tryUri.getHost()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n{\"text\":";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] answer = new byte[12];
            int read = socket.getInputStream().readNBytes(answer, 0, answer.length);
            assertEquals("HTTP/1.1 401", new String(answer, 0, read, StandardCharsets.US_ASCII));
        }
    }

    private static void assertRefusal(Response response, int status, String path, String presented) {
        assertTrue(response.contentType().startsWith("application/problem+json"), path + ": " + response.contentType());
        assertEquals(status, response.jsonPath().getInt("status"));
        assertEquals(path, response.jsonPath().getString("instance"));
        if (status == 401) {
            assertEquals("X-API-Key", response.header("WWW-Authenticate"));
        } else {
            assertTrue(response.jsonPath().getString("detail").contains("operator role"));
        }
        String body = response.asString();
        for (String key : new String[] {FEED_KEY, READER_KEY, OPERATOR_KEY}) {
            assertFalse(body.contains(key), "the key is never echoed");
        }
        if (presented != null) {
            assertFalse(body.contains(presented), "the presented key is never echoed");
        }
    }
}
