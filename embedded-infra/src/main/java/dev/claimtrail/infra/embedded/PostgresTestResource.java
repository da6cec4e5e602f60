package dev.claimtrail.infra.embedded;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One real PostgreSQL server per test JVM with the database {@value #DATABASE}, for
 * {@code @QuarkusTestResource(PostgresTestResource.class)} and for plain JUnit tests
 * ({@link #sharedJdbcUrl()}, {@link #sharedUsername()}, {@link #sharedPassword()}, {@link #shared()}).
 *
 * <p>The server starts with the first test class that needs it and is reused by every later one; a
 * shutdown hook stops it when the JVM exits. Set {@value #EXTERNAL_JDBC_URL_ENV} (plus
 * {@value #EXTERNAL_USERNAME_ENV} and {@value #EXTERNAL_PASSWORD_ENV}) to use a database that is already
 * running instead.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "claimtrail";
    public static final String EXTERNAL_JDBC_URL_ENV = "CLAIMTRAIL_DB_JDBC_URL";
    public static final String EXTERNAL_USERNAME_ENV = "CLAIMTRAIL_DB_USERNAME";
    public static final String EXTERNAL_PASSWORD_ENV = "CLAIMTRAIL_DB_PASSWORD";

    /**
     * Quarkus may load this class in several class loaders within one JVM, each with its own statics;
     * system properties and an interned string lock keep it to one server per JVM (see KafkaTestResource).
     */
    private static final String SHARED_URL_PROPERTY = "claimtrail.embedded-infra.postgres.jdbc-url";
    private static final String SHARED_USERNAME_PROPERTY = "claimtrail.embedded-infra.postgres.username";
    private static final String SHARED_PASSWORD_PROPERTY = "claimtrail.embedded-infra.postgres.password";
    private static final String LOCK = "dev.claimtrail.infra.embedded.PostgresTestResource#server";

    /** The server this class loader started, if it was this one. */
    private static EmbeddedPostgresServer owned;

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", sharedJdbcUrl(),
                "quarkus.datasource.username", sharedUsername(),
                "quarkus.datasource.password", sharedPassword());
    }

    @Override
    public void stop() {
        // Reused by the next test class; the shutdown hook stops the server when the JVM exits.
    }

    /** JDBC URL of {@value #DATABASE} on the JVM-wide test server (or the external one), starting it on first use. */
    public static String sharedJdbcUrl() {
        String external = externalJdbcUrl();
        return external != null ? external : ensureStarted(SHARED_URL_PROPERTY);
    }

    public static String sharedUsername() {
        return externalJdbcUrl() != null ? envOrEmpty(EXTERNAL_USERNAME_ENV) : ensureStarted(SHARED_USERNAME_PROPERTY);
    }

    public static String sharedPassword() {
        return externalJdbcUrl() != null ? envOrEmpty(EXTERNAL_PASSWORD_ENV) : ensureStarted(SHARED_PASSWORD_PROPERTY);
    }

    /**
     * The embedded server itself, e.g. to create further databases. Prefer {@link #sharedJdbcUrl()} where
     * a URL is enough: this fails when an external database is configured, and when the server was
     * started by a copy of this class in another class loader (inside a {@code @QuarkusTest}).
     */
    public static EmbeddedPostgresServer shared() {
        if (externalJdbcUrl() != null) {
            throw new IllegalStateException(EXTERNAL_JDBC_URL_ENV + " points at an external database; "
                    + "use sharedJdbcUrl(), sharedUsername() and sharedPassword()");
        }
        synchronized (LOCK) {
            ensureStarted(SHARED_URL_PROPERTY);
            if (owned == null) {
                throw new IllegalStateException("The shared PostgreSQL server was started from another class "
                        + "loader; use sharedJdbcUrl(), sharedUsername() and sharedPassword()");
            }
            return owned;
        }
    }

    private static String ensureStarted(String property) {
        synchronized (LOCK) {
            String value = System.getProperty(property);
            if (value != null) {
                return value;
            }
            long started = System.nanoTime();
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(null, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "claimtrail-test-postgres-shutdown"));
            server.createDatabaseIfMissing(DATABASE);
            TestServerLog.started("PostgreSQL", server.jdbcUrl(DATABASE), started);
            owned = server;
            System.setProperty(SHARED_USERNAME_PROPERTY, server.username());
            System.setProperty(SHARED_PASSWORD_PROPERTY, server.password());
            // Set last: its presence tells other class loaders the server is complete.
            System.setProperty(SHARED_URL_PROPERTY, server.jdbcUrl(DATABASE));
            return System.getProperty(property);
        }
    }

    private static String externalJdbcUrl() {
        String url = System.getenv(EXTERNAL_JDBC_URL_ENV);
        return url == null || url.isBlank() ? null : url.trim();
    }

    private static String envOrEmpty(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
