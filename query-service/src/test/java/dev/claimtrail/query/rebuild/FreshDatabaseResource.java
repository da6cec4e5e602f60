package dev.claimtrail.query.rebuild;

import dev.claimtrail.infra.embedded.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A database of its own on the shared test PostgreSQL server. Comparing a rebuilt read model with the live
 * one needs a live one that holds exactly what the logs say: the shared database also holds rows other
 * tests wrote without a log (a projection called directly on a made-up topic).
 */
public class FreshDatabaseResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String sharedUrl = PostgresTestResource.sharedJdbcUrl();
        String user = PostgresTestResource.sharedUsername();
        String password = PostgresTestResource.sharedPassword();
        String database = "claimtrail_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(sharedUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
        int slash = sharedUrl.lastIndexOf('/');
        int query = sharedUrl.indexOf('?', slash);
        String url = sharedUrl.substring(0, slash + 1) + database + (query < 0 ? "" : sharedUrl.substring(query));
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
        // The server goes with the JVM.
    }
}
