package dev.claimtrail.infra.embedded;

import java.nio.file.Path;

/**
 * Runs PostgreSQL 17 for a local Claimtrail, controlled by its own JVM.
 *
 * <pre>java -cp "embedded-infra/target/embedded-infra-0.1.0-SNAPSHOT.jar:embedded-infra/target/lib/*" \
 *     dev.claimtrail.infra.embedded.PostgresMain [dataRoot]</pre>
 *
 * Cluster in {@code <dataRoot>/postgres} (dataRoot: argument, else {@code $CLAIMTRAIL_DATA}, else
 * {@code .claimtrail}); port {@code $POSTGRES_PORT} (default 15432); database {@code claimtrail}. Prints
 * {@code READY postgres <jdbcUrl> <user> <password>} on stdout, then runs until SIGTERM/SIGINT, which
 * stop the postmaster too.
 */
public final class PostgresMain {

    static final String PORT_ENV = "POSTGRES_PORT";
    static final int DEFAULT_PORT = 15432;
    static final String DATABASE = "claimtrail";

    private PostgresMain() {
    }

    public static void main(String[] args) {
        StandaloneLaunch.configureLogging();
        EmbeddedPostgresServer postgres;
        try {
            Path dataDir = StandaloneLaunch.dataRoot(args).resolve("postgres");
            postgres = EmbeddedPostgresServer.start(dataDir, StandaloneLaunch.port(PORT_ENV, DEFAULT_PORT));
        } catch (RuntimeException e) {
            StandaloneLaunch.fail("postgres", e);
            return;
        }
        try {
            postgres.createDatabaseIfMissing(DATABASE);
        } catch (RuntimeException e) {
            postgres.close();
            StandaloneLaunch.fail("postgres", e);
            return;
        }
        StandaloneLaunch.ready("postgres " + postgres.jdbcUrl(DATABASE) + " " + postgres.username() + " "
                + postgres.password());
        StandaloneLaunch.runUntilShutdown("postgres", postgres);
    }
}
