package dev.claimtrail.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged service ({@code target/quarkus-app}) running as its own JVM, as in production. */
final class ServiceProcess implements AutoCloseable {

    /** The name of every module's build directory in this build ("target" by default). */
    static final String BUILD_DIR_NAME = Path.of(System.getProperty("claimtrail.build.dir", "target")).getFileName().toString();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final Path repoRoot;
    private final String heap;
    private final Map<String, String> env;

    private ServiceProcess(String name, int port, Process process, Path log, Path repoRoot, String heap,
                           Map<String, String> env) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.repoRoot = repoRoot;
        this.heap = heap;
        this.env = Map.copyOf(env);
    }

    static ServiceProcess start(Path repoRoot, String module, int port, String heap, Map<String, String> env, Path logDir)
            throws IOException {
        Path jar = repoRoot.resolve(module).resolve(BUILD_DIR_NAME).resolve("quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests with `./mvnw verify` so the services are packaged first");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(module + ".log");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + heap, "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return new ServiceProcess(module, port, builder.start(), log, repoRoot, heap, env);
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " during start-up; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url("/q/health/ready")))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** kill -9: no shutdown hook, no graceful close of consumers, producers or transactions. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** The same service started again on its port with its settings, as a supervisor would (log appended). */
    ServiceProcess restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        return start(repoRoot, name, port, heap, env, log.getParent());
    }

    String name() {
        return name;
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: Quarkus shuts down gracefully
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
