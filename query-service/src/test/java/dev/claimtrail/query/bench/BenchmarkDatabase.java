package dev.claimtrail.query.bench;

import dev.claimtrail.infra.embedded.EmbeddedPostgresServer;
import dev.claimtrail.infra.embedded.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The database a benchmark fills, kept apart from the one the other tests share (their rows would
 * distort the figures, and a million claims would slow their tests down).
 *
 * <ul>
 *   <li>{@code mode=kept} (the benchmark): a PostgreSQL cluster in the data directory named by
 *       {@value #DATA_DIR_PROPERTY} (default {@code <tmp>/claimtrail-query-benchmark}), created on first
 *       use and reused on every later run, so a million claims are projected once, not per run;</li>
 *   <li>{@code mode=fresh} (the smoke test): the database {@value #SMOKE_DATABASE}, dropped and created
 *       again on the test JVM's shared server.</li>
 * </ul>
 */
public class BenchmarkDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String DATA_DIR_PROPERTY = "benchmark.data-dir";
    static final String SMOKE_DATABASE = "claimtrail_bench_smoke";

    private String mode = "fresh";
    private EmbeddedPostgresServer server;

    @Override
    public void init(Map<String, String> initArgs) {
        mode = initArgs.getOrDefault("mode", "fresh");
    }

    @Override
    public Map<String, String> start() {
        if ("kept".equals(mode)) {
            Path dir = Path.of(System.getProperty(DATA_DIR_PROPERTY,
                    Path.of(System.getProperty("java.io.tmpdir"), "claimtrail-query-benchmark").toString()));
            server = EmbeddedPostgresServer.start(dir, 0);
            server.createDatabaseIfMissing(PostgresTestResource.DATABASE);
            System.out.println("benchmark database: " + server.jdbcUrl(PostgresTestResource.DATABASE) + " in " + dir);
            return Map.of(
                    "quarkus.datasource.jdbc.url", server.jdbcUrl(PostgresTestResource.DATABASE),
                    "quarkus.datasource.username", server.username(),
                    "quarkus.datasource.password", server.password());
        }
        String shared = PostgresTestResource.sharedJdbcUrl();
        String admin = shared.substring(0, shared.lastIndexOf('/') + 1) + "postgres";
        try (Connection connection = DriverManager.getConnection(admin, PostgresTestResource.sharedUsername(),
                PostgresTestResource.sharedPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + SMOKE_DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + SMOKE_DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the smoke benchmark's database: " + e.getMessage(), e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", shared.substring(0, shared.lastIndexOf('/') + 1) + SMOKE_DATABASE,
                "quarkus.datasource.username", PostgresTestResource.sharedUsername(),
                "quarkus.datasource.password", PostgresTestResource.sharedPassword());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
