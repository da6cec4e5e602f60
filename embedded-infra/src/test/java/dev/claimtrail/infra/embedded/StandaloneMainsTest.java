package dev.claimtrail.infra.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mains as the local launcher runs them: separate JVMs, READY on stdout, SIGTERM to stop. */
class StandaloneMainsTest {

    @Test
    void kafkaMainCreatesTheTopicsAnnouncesReadyAndStopsOnSigterm(@TempDir Path data) throws Exception {
        Process process = launch(KafkaMain.class, data, Map.of("KAFKA_PORT", "0"));
        try {
            String[] ready = awaitReadyLine(process).split(" ");
            assertEquals("kafka", ready[1]);
            String bootstrap = ready[2];
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                Map<String, TopicDescription> topics = admin
                        .describeTopics(List.of("articles", "claims", "articles.dlq", "claims.dlq"))
                        .allTopicNames().get(10, TimeUnit.SECONDS);
                assertEquals(3, topics.get("articles").partitions().size());
                assertEquals(3, topics.get("claims").partitions().size());
                assertEquals(1, topics.get("articles.dlq").partitions().size());
                assertEquals(1, topics.get("claims.dlq").partitions().size());
            }
            assertTrue(Files.exists(data.resolve("kafka").resolve("meta.properties")));
            stopWithSigterm(process);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void postgresMainAnnouncesReadyAndLeavesNoPostmasterBehind(@TempDir Path data) throws Exception {
        Process process = launch(PostgresMain.class, data, Map.of("POSTGRES_PORT", "0"));
        try {
            String[] ready = awaitReadyLine(process).split(" ");
            assertEquals("postgres", ready[1]);
            assertTrue(ready[2].endsWith("/claimtrail"), ready[2]);
            try (Connection connection = DriverManager.getConnection(ready[2], ready[3], ready[4])) {
                assertTrue(connection.isValid(5));
            }
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
            assertTrue(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false));

            stopWithSigterm(process);
            // The stopped postmaster may linger as a zombie until init reaps it; give init a moment.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertFalse(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false),
                    "the postmaster must stop with the JVM that started it");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aPostmasterOrphanedBySigkillIsStoppedByTheNextStart(@TempDir Path data) throws Exception {
        Process process = launch(PostgresMain.class, data, Map.of("POSTGRES_PORT", "0"));
        long orphan;
        try {
            awaitReadyLine(process);
            orphan = Long.parseLong(Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
        } finally {
            process.destroyForcibly();
        }
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        assertTrue(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false), "SIGKILL leaves the postmaster running");

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(data.resolve("postgres"), 0);
                Connection connection = DriverManager.getConnection(restarted.jdbcUrl("claimtrail"),
                        restarted.username(), restarted.password())) {
            assertTrue(connection.isValid(5), "the database created by the killed run is still there");
        }
    }

    private static Process launch(Class<?> main, Path data, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                main.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("CLAIMTRAIL_DATA", data.toString());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static String awaitReadyLine(Process process) throws Exception {
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return stdout.readLine();
            } catch (Exception e) {
                return null;
            }
        }).get(60, TimeUnit.SECONDS);
        assertTrue(line != null && line.startsWith("READY "), "first stdout line must be READY, was " + line);
        return line;
    }

    private static void stopWithSigterm(Process process) throws InterruptedException {
        process.destroy();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "process must exit after SIGTERM");
        assertEquals(143, process.exitValue(), "128 + SIGTERM: the JVM ran its shutdown hooks and exited");
    }
}
