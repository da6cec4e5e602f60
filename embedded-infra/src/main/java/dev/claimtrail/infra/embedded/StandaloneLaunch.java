package dev.claimtrail.infra.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** What KafkaMain and PostgresMain share: logging set-up, settings from the environment, the READY line. */
final class StandaloneLaunch {

    static final String DATA_ENV = "CLAIMTRAIL_DATA";
    static final String DEFAULT_DATA = ".claimtrail";

    private StandaloneLaunch() {
    }

    /**
     * Configures slf4j-simple (copied to target/lib for the launcher) before any logger exists: WARN and
     * up, on stderr, so stdout carries nothing but the READY line a script waits for. Any -D given on the
     * command line wins.
     */
    static void configureLogging() {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    }

    /** The data root: first argument, else $CLAIMTRAIL_DATA, else .claimtrail in the working directory. */
    static Path dataRoot(String[] args) {
        if (args.length > 0 && !args[0].isBlank()) {
            return Path.of(args[0]).toAbsolutePath();
        }
        String env = System.getenv(DATA_ENV);
        return Path.of(env == null || env.isBlank() ? DEFAULT_DATA : env).toAbsolutePath();
    }

    static int port(String env, int defaultPort) {
        String value = System.getenv(env);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // Reported below together with the out-of-range case.
        }
        throw new IllegalArgumentException(env + " must be a port number (0..65535), was '" + value + "'");
    }

    static void ready(String line) {
        System.out.println("READY " + line);
        System.out.flush();
    }

    /**
     * Blocks the main thread until the JVM shuts down. SIGTERM and SIGINT run the shutdown hook, which
     * stops the server; the JVM waits for that hook before it exits.
     */
    static void runUntilShutdown(String name, AutoCloseable server) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println(name + " did not stop cleanly: " + e);
            } finally {
                stopped.countDown();
            }
        }, name + "-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Start-up failed: one line a human can act on, a non-zero exit code for the script. */
    static void fail(String name, Exception e) {
        System.err.println("FAILED " + name + ": " + e.getMessage());
        e.printStackTrace();
        System.exit(1);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
