package dev.claimtrail.ingest.infra.observability;

import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.infra.embedded.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Readiness follows the database: DOWN while it cannot be reached, UP again once it can, and liveness
 * stays UP throughout (restarting the service would not bring the database back). The database is
 * reached through a proxy this test cuts, so the PostgreSQL server the other tests share keeps running.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(DatabaseReadinessTest.ProxiedDatabase.class)
class DatabaseReadinessTest {

    /** The shared test database behind a proxy; the test gets the proxy injected. */
    public static class ProxiedDatabase implements QuarkusTestResourceLifecycleManager {

        private TcpProxy proxy;

        @Override
        public Map<String, String> start() {
            String sharedUrl = PostgresTestResource.sharedJdbcUrl();
            URI uri = URI.create(sharedUrl.substring("jdbc:".length()));
            proxy = new TcpProxy(uri.getPort());
            return Map.of(
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + proxy.port() + uri.getPath(),
                    "quarkus.datasource.username", PostgresTestResource.sharedUsername(),
                    "quarkus.datasource.password", PostgresTestResource.sharedPassword(),
                    // Fail fast on a cut connection instead of the driver's defaults (no timeouts).
                    "quarkus.datasource.jdbc.acquisition-timeout", "2s",
                    "quarkus.datasource.jdbc.additional-jdbc-properties.connectTimeout", "2",
                    "quarkus.datasource.jdbc.additional-jdbc-properties.socketTimeout", "5");
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(proxy, new TestInjector.MatchesType(TcpProxy.class));
        }

        @Override
        public void stop() {
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    TcpProxy database;

    @Test
    void readinessIsDownWhileTheDatabaseIsUnreachableAndUpWhenItReturns() {
        assertNotNull(database, "the proxy was injected");
        awaitReadiness(200);

        database.cut();
        try {
            Response down = awaitReadiness(503);
            assertEquals("DOWN", check(down, "Database connections health check"), down.asString());
            given().when().get("/q/health/live").then().statusCode(200);
        } finally {
            database.restore();
        }

        Response up = awaitReadiness(200);
        assertEquals("UP", check(up, "Database connections health check"), up.asString());
    }

    static Response awaitReadiness(int status) {
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            last[0] = given().when().get("/q/health/ready");
            return last[0].statusCode() == status;
        });
        return last[0];
    }

    static String check(Response health, String name) {
        return health.jsonPath().getString("checks.find { it.name == '" + name + "' }.status");
    }
}
