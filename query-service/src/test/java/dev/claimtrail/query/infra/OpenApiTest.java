package dev.claimtrail.query.infra;

import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.infra.embedded.PostgresTestResource;
import dev.claimtrail.query.claims.ClaimResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document describes every API path the service's resources declare. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class OpenApiTest {

    @Test
    void theDocumentListsEveryApiPathWithADescriptionAndTheKeyScheme() throws Exception {
        JsonPath doc = given().accept("application/json").queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        Set<String> declared = declaredApiPaths();
        assertTrue(declared.contains("/api/claims") && declared.contains("/api/stream"), declared.toString());
        for (String path : declared) {
            assertTrue(paths.containsKey(path), "the document lacks " + path + "; it has " + paths.keySet());
            for (Map.Entry<String, Object> operation : paths.get(path).entrySet()) {
                Map<?, ?> op = (Map<?, ?>) operation.getValue();
                assertTrue(op.get("summary") != null && !op.get("summary").toString().isBlank(),
                        operation.getKey() + " " + path + " has no summary");
                assertFalse(((List<?>) op.get("tags")).isEmpty(), path + " has no tag");
            }
        }
        assertEquals("apiKey", doc.getString("components.securitySchemes.apiKey.type"));
        assertEquals("header", doc.getString("components.securitySchemes.apiKey.in"));
        assertEquals("X-API-Key", doc.getString("components.securitySchemes.apiKey.name"));
        assertEquals(List.of(), doc.getList("security[0].apiKey"));
        // the claim list documents its parameters and its three representations
        List<String> parameters = doc.getList("paths.'/api/claims'.get.parameters.name");
        assertTrue(parameters.containsAll(List.of("q", "subject", "cursor", "format")), parameters.toString());
        assertTrue(doc.getMap("paths.'/api/claims'.get.responses.'200'.content").keySet()
                .containsAll(Set.of("application/json", "application/x-ndjson", "text/csv")));
        given().get("/q/openapi").then().statusCode(200).body(containsString("openapi: 3"));
    }

    @Test
    void theSwaggerUiIsServedFromTheServiceWithItsOwnPolicy() {
        String page = given().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self' 'unsafe-inline'"))
                .extract().asString();
        assertTrue(page.contains("swagger-ui-bundle.js"));
        assertFalse(page.contains("https://"), "no CDN");
        given().get("/q/swagger-ui/swagger-ui-bundle.js").then().statusCode(200);
        // the dashboard and the API keep the strict policy
        given().get("/").then().header("Content-Security-Policy", containsString("script-src 'self';"));
        given().get("/api/claims").then().header("Content-Security-Policy", containsString("script-src 'self';"));
    }

    /** Every path of a JAX-RS resource in the service's own classes that starts with /api. */
    static Set<String> declaredApiPaths() throws IOException, ClassNotFoundException {
        java.nio.file.Path classes;
        try {
            classes = java.nio.file.Path.of(ClaimResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Set<String> out = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, OpenApiTest.class.getClassLoader());
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    if (Stream.of(method.getAnnotations()).noneMatch(a -> a.annotationType()
                            .isAnnotationPresent(jakarta.ws.rs.HttpMethod.class))) {
                        continue;
                    }
                    Path sub = method.getAnnotation(Path.class);
                    String path = join(root.value(), sub == null ? "" : sub.value());
                    if (path.startsWith("/api/") || path.equals("/api")) {
                        out.add(path);
                    }
                }
            }
        }
        return out;
    }

    private static String join(String a, String b) {
        String path = ("/" + a + "/" + b).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
