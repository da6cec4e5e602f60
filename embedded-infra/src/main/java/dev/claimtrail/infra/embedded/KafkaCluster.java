package dev.claimtrail.infra.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * A KRaft cluster of several nodes, each a separate JVM ({@link KafkaNodeMain}) on loopback, for tests
 * that kill and restart brokers the way machines fail. Every node is broker and controller; topics get
 * three replicas with two in sync, as in production.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path root;
    private final String clusterId;
    private final List<EmbeddedKafka.Node> nodes;
    private final Process[] processes;
    private final String classpath;

    private KafkaCluster(Path root, List<EmbeddedKafka.Node> nodes, String classpath) {
        this.root = root;
        this.clusterId = Uuid.randomUuid().toString();
        this.nodes = nodes;
        this.processes = new Process[nodes.size()];
        this.classpath = classpath;
    }

    /** Starts {@code size} nodes under {@code root} (one data dir and log file each) and waits for all. */
    public static KafkaCluster start(Path root, int size) {
        int[] ports = FreePorts.pick(2 * size);
        List<EmbeddedKafka.Node> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            nodes.add(new EmbeddedKafka.Node(i + 1, ports[2 * i], ports[2 * i + 1]));
        }
        KafkaCluster cluster = new KafkaCluster(root.toAbsolutePath(), nodes, currentClasspath());
        try {
            // Every node is launched before any is awaited: none is ready before a majority of the voters runs.
            List<Process> launched = new ArrayList<>();
            for (EmbeddedKafka.Node node : nodes) {
                launched.add(cluster.launch(node.id()));
            }
            for (EmbeddedKafka.Node node : nodes) {
                cluster.awaitReady(launched.get(node.id() - 1), node.id());
            }
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** {@code bootstrap.servers} naming every node. */
    public String bootstrapServers() {
        return nodes.stream().map(node -> "127.0.0.1:" + node.brokerPort()).collect(Collectors.joining(","));
    }

    public List<Integer> nodeIds() {
        return nodes.stream().map(EmbeddedKafka.Node::id).toList();
    }

    /** Starts (or restarts) one node on its old ports and data, returning once it serves clients. */
    public void startNode(int id) {
        awaitReady(launch(id), id);
    }

    private synchronized Process launch(int id) {
        node(id);
        if (processes[id - 1] != null && processes[id - 1].isAlive()) {
            return processes[id - 1];
        }
        Path dir = root.resolve("node-" + id);
        Path log = root.resolve("node-" + id + ".log");
        try {
            Files.createDirectories(dir);
            ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx512m", "-cp", classpath,
                    KafkaNodeMain.class.getName(), dir.toString());
            builder.environment().put(KafkaNodeMain.NODE_ID_ENV, String.valueOf(id));
            builder.environment().put(KafkaNodeMain.VOTERS_ENV, KafkaNodeMain.format(nodes));
            builder.environment().put(KafkaNodeMain.CLUSTER_ID_ENV, clusterId);
            builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Process process = builder.start();
            processes[id - 1] = process;
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka node " + id, e);
        }
    }

    /** Kills one node at once (SIGKILL): no clean shutdown, no leadership hand-over. */
    public synchronized void killNode(int id) {
        Process process = processes[id - 1];
        if (process != null) {
            process.destroyForcibly();
            waitFor(process);
        }
    }

    /** Stops one node cleanly (SIGTERM). */
    public synchronized void stopNode(int id) {
        Process process = processes[id - 1];
        if (process != null) {
            process.destroy();
            waitFor(process);
        }
    }

    /** The node id leading the given partition now, or -1 if it has no leader. */
    public int leaderOf(String topic, int partition) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(20, TimeUnit.SECONDS).get(topic);
            var leader = description.partitions().get(partition).leader();
            return leader == null || leader.isEmpty() ? -1 : leader.id();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe " + topic + ": " + e.getMessage(), e);
        }
    }

    /** Creates the topics of design.md: three replicas, two in sync, so one node may fail. */
    public void createTopics() {
        EmbeddedKafka.createTopics(bootstrapServers(), TopicLayout.EVENT_PARTITIONS, (short) 3,
                Map.of("min.insync.replicas", "2"), dev.claimtrail.events.Topics.ARTICLES, dev.claimtrail.events.Topics.CLAIMS);
        EmbeddedKafka.createTopics(bootstrapServers(), TopicLayout.DLQ_PARTITIONS, (short) 3,
                Map.of("min.insync.replicas", "2"), dev.claimtrail.events.Topics.ARTICLES_DLQ, dev.claimtrail.events.Topics.CLAIMS_DLQ);
    }

    @Override
    public synchronized void close() {
        for (Process process : processes) {
            if (process != null && process.isAlive()) {
                process.destroy();
            }
        }
        for (Process process : processes) {
            if (process != null) {
                waitFor(process);
            }
        }
    }

    private EmbeddedKafka.Node node(int id) {
        return nodes.stream().filter(node -> node.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + id + " in " + nodeIds()));
    }

    private void awaitReady(Process process, int id) {
        Path log = root.resolve("node-" + id + ".log");
        // A thread of its own per node: the common pool may have a single thread on a small machine.
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> ready.complete(readUntilReady(process)), "kafka-node-" + id + "-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            if (ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) == null) {
                throw new IllegalStateException("Kafka node " + id + " exited before it was ready:\n" + tail(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("Kafka node " + id + " not ready within " + START_TIMEOUT + ":\n" + tail(log), e);
        }
    }

    /** The READY line, or null if the node exited first; keeps draining stdout afterwards. */
    private static String readUntilReady(Process process) {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("READY ")) {
                    // Keep draining so the node never blocks on a full pipe.
                    Thread drainer = new Thread(() -> drain(out), "kafka-node-drain");
                    drainer.setDaemon(true);
                    drainer.start();
                    return line;
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The end of a node's log, for a failure message that explains itself. */
    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.startsWith("\tat ")).toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // discard
            }
        } catch (IOException ignored) {
            // the node went away
        }
    }

    private static void waitFor(Process process) {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * This JVM's classpath, which holds the broker jars. Surefire may hide it behind a manifest-only
     * booter jar, whose Class-Path lists the real entries.
     */
    static String currentClasspath() {
        String classpath = System.getProperty("java.class.path");
        String[] entries = classpath.split(File.pathSeparator);
        if (entries.length == 1 && entries[0].contains("surefirebooter")) {
            try (JarFile booter = new JarFile(entries[0])) {
                String manifestPath = booter.getManifest().getMainAttributes().getValue("Class-Path");
                return Arrays.stream(manifestPath.trim().split("\\s+"))
                        .map(url -> Path.of(URI.create(url.startsWith("file:") ? url : "file:" + url)).toString())
                        .collect(Collectors.joining(File.pathSeparator));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the surefire booter's classpath", e);
            }
        }
        return classpath;
    }
}
