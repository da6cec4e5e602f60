package dev.claimtrail.system;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's first command as a newcomer runs it: {@code ./claimtrail up} on a fresh data folder
 * starts everything; {@code push} and the operator's {@code status} work against it; a service killed
 * with SIGKILL is restarted by the script's supervisor, which logs it; SIGTERM stops every process.
 */
class ClaimtrailScriptTest {

    static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void upStartsEverythingRestartsWhatDiesAndStopsOnSigterm() throws Exception {
        // The script runs the services from target/; a build into another directory has nothing there.
        Assumptions.assumeTrue(ServiceProcess.BUILD_DIR_NAME.equals("target"),
                "./claimtrail runs the packaged services from target/; skipped for -Dclaimtrail.build.dir builds");
        Path data = Files.createTempDirectory("claimtrail-script");
        Path output = data.resolve("up.out");
        Map<String, String> ports = Map.of("QUERY_PORT", port(), "INGEST_PORT", port(), "CLAIMS_PORT", port(),
                "KAFKA_PORT", port(), "POSTGRES_PORT", port());
        ProcessBuilder up = new ProcessBuilder("bash", REPO.resolve("claimtrail").toString(), "up")
                .directory(REPO.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        up.environment().put("CLAIMTRAIL_DATA", data.toString());
        up.environment().putAll(ports);
        Process script = up.start();
        try {
            await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                assertTrue(script.isAlive(), "./claimtrail up exited early:\n" + Files.readString(output));
                return Files.readString(output).contains("Claimtrail is up.");
            });
            System.out.println("[script] ./claimtrail up is up");

            Process push = run(data, ports, "push", REPO.resolve("samples/border-briefing.txt").toString());
            assertEquals(0, push.waitFor(), "push: " + new String(push.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            Process status = run(data, ports, "status");
            String statusOutput = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, status.waitFor(), "status: " + statusOutput);
            assertTrue(statusOutput.contains("articles"), "status names the topics: " + statusOutput);

            Path pidFile = data.resolve("run/claims-service.pid");
            long killed = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(killed).ifPresent(ProcessHandle::destroyForcibly);
            System.out.printf("[script] kill -9 of claims-service (pid %d)%n", killed);
            Path supervisorLog = data.resolve("logs/supervisor.log");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(supervisorLog)
                    && Files.readString(supervisorLog).contains("claims-service exited"));
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    ready("http://localhost:" + ports.get("CLAIMS_PORT") + "/q/health/ready"));
            long restarted = Long.parseLong(Files.readString(pidFile).trim());
            assertNotEquals(killed, restarted, "a new claims-service process runs");
            System.out.printf("[script] supervisor restarted claims-service as pid %d: %s", restarted,
                    Files.readString(supervisorLog));

            List<Long> pids = new ArrayList<>();
            try (var files = Files.list(data.resolve("run"))) {
                for (Path file : files.toList()) {
                    pids.add(Long.parseLong(Files.readString(file).trim()));
                }
            }
            script.destroy(); // SIGTERM
            assertTrue(script.waitFor(2, TimeUnit.MINUTES), "./claimtrail stops on SIGTERM");
            for (long pid : pids) {
                assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " stopped");
            }
        } finally {
            if (script.isAlive()) {
                script.destroy();
                script.waitFor(2, TimeUnit.MINUTES);
            }
        }
    }

    static Process run(Path data, Map<String, String> ports, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", REPO.resolve("claimtrail").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true);
        builder.environment().put("CLAIMTRAIL_DATA", data.toString());
        builder.environment().putAll(ports);
        return builder.start();
    }

    static boolean ready(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    static String port() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
