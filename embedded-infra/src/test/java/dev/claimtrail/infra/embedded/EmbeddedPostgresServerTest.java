package dev.claimtrail.infra.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @Test
    void sharedServerAnswersAndHasTheClaimtrailDatabase() throws Exception {
        try (Connection connection = DriverManager.getConnection(PostgresTestResource.sharedJdbcUrl(),
                PostgresTestResource.sharedUsername(), PostgresTestResource.sharedPassword());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 1, current_database(), current_setting('server_version_num')::int")) {
            assertTrue(rows.next());
            assertEquals(1, rows.getInt(1));
            assertEquals("claimtrail", rows.getString(2));
            assertTrue(rows.getInt(3) >= 170000, "PostgreSQL 17 or later, was " + rows.getInt(3));
        }
    }

    @Test
    void testResourceHandsQuarkusTheSharedDatasource() {
        Map<String, String> config = new PostgresTestResource().start();
        assertEquals(PostgresTestResource.sharedJdbcUrl(), config.get("quarkus.datasource.jdbc.url"));
        assertEquals(PostgresTestResource.sharedUsername(), config.get("quarkus.datasource.username"));
        assertEquals(PostgresTestResource.sharedPassword(), config.get("quarkus.datasource.password"));
        assertTrue(config.get("quarkus.datasource.jdbc.url").endsWith("/claimtrail"));
        assertEquals(config, new PostgresTestResource().start(), "a second test class reuses the same server");
    }

    @Test
    void createDatabaseIfMissingIsIdempotentAndRejectsOddNames() throws Exception {
        EmbeddedPostgresServer server = PostgresTestResource.shared();
        server.createDatabaseIfMissing("second_db");
        server.createDatabaseIfMissing("second_db");
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("second_db"), server.username(), server.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_database()")) {
            assertTrue(rows.next());
            assertEquals("second_db", rows.getString(1));
        }
        assertThrows(IllegalArgumentException.class, () -> server.createDatabaseIfMissing("x; DROP DATABASE postgres"));
    }

    @Test
    void unicodeCaseMappingWorksForNamesWithAccents() throws Exception {
        try (Connection connection = DriverManager.getConnection(PostgresTestResource.sharedJdbcUrl(),
                PostgresTestResource.sharedUsername(), PostgresTestResource.sharedPassword());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT upper('Éléonore Łukasz'), 'ÉLÉONORE' ILIKE 'éléonore'")) {
            assertTrue(rows.next());
            assertEquals("ÉLÉONORE ŁUKASZ", rows.getString(1));
            assertTrue(rows.getBoolean(2));
        }
    }

    @Test
    void restartOnTheSameDirectoryKeepsTablesAndStopsThePostmaster(@TempDir Path root) throws Exception {
        Path dataDir = root.resolve("postgres");
        int firstPort;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0)) {
            firstPort = server.port();
            server.createDatabaseIfMissing("claimtrail");
            execute(server, "CREATE TABLE kept (id int PRIMARY KEY, note text)");
            execute(server, "INSERT INTO kept VALUES (1, 'survives a restart')");
        }
        assertFalse(Files.exists(dataDir.resolve("postmaster.pid")), "the postmaster must be stopped by close()");
        assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + firstPort + "/claimtrail?connectTimeout=2", "postgres", "postgres").close());

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0)) {
            server.createDatabaseIfMissing("claimtrail");
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl("claimtrail"), server.username(), server.password());
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT note FROM kept WHERE id = 1")) {
                assertTrue(rows.next());
                assertEquals("survives a restart", rows.getString(1));
            }
        }
    }

    @Test
    void aPortTakenByAnotherServerIsRefusedInsteadOfConnectingToIt(@TempDir Path root) {
        int taken = PostgresTestResource.shared().port();
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> EmbeddedPostgresServer.start(root.resolve("postgres"), taken));
        assertTrue(failure.getMessage().contains("already in use"), failure.getMessage());
    }

    @Test
    void aDataDirectoryInUseIsRefusedAndItsServerKeepsRunning(@TempDir Path root) throws Exception {
        Path dataDir = root.resolve("postgres");
        try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(dataDir, 0)) {
            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> EmbeddedPostgresServer.start(dataDir, 0));
            assertTrue(failure.getMessage().contains("in use"), failure.getMessage());
            try (Connection connection = DriverManager.getConnection(running.jdbcUrl("postgres"), running.username(), running.password())) {
                assertTrue(connection.isValid(5), "the first server must not have been stopped as an orphan");
            }
        }
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("claimtrail"), server.username(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
