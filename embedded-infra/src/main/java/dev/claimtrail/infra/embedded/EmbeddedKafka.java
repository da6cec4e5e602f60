package dev.claimtrail.infra.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker and controller) running inside this JVM.
 *
 * <p>The storage directory is formatted only once, so starting again on the same directory keeps every
 * topic and offset. Settings that production spreads over three nodes (replication factor, ISR of the
 * internal topics) are shrunk to one node so that consumer groups and transactions work.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    /** The broker logs every partition it loads at INFO; in a test run that buries the test's own output. */
    private static final List<String> BROKER_LOG_CATEGORIES = List.of("kafka", "state.change.logger",
            "org.apache.kafka.server", "org.apache.kafka.controller", "org.apache.kafka.raft",
            "org.apache.kafka.metadata", "org.apache.kafka.image", "org.apache.kafka.storage",
            "org.apache.kafka.coordinator", "org.apache.kafka.queue", "org.apache.kafka.snapshot",
            "org.apache.kafka.security", "org.apache.kafka.network");

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path dataDir;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, Path dataDir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
    }

    /**
     * Formats {@code dataDir} if it holds no broker yet, starts the broker and returns once a client can
     * use it.
     *
     * @param dataDir log and metadata directory; created if missing, reused as is if already formatted
     * @param port    PLAINTEXT port on 127.0.0.1, or 0 for any free port
     */
    public static EmbeddedKafka start(Path dataDir, int port) {
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1..65535, was " + port);
        }
        int[] free = FreePorts.pick(2);
        int brokerPort = port == 0 ? free[0] : port;
        int controllerPort = free[0] == brokerPort ? free[1] : free[0];
        Node self = new Node(NODE_ID, brokerPort, controllerPort);
        return startNode(dataDir, self, List.of(self), Uuid.randomUuid().toString());
    }

    /**
     * One node (broker and controller) of a cluster with a static voter set: every node is given the
     * same {@code voters} and {@code clusterId}. Replication of the internal topics and the defaults for
     * new topics follow the cluster size: three replicas and two in sync once there are three nodes,
     * so one node can be lost without losing an acknowledged write or stopping writes.
     * Returns once this node's broker serves clients, which needs a controller quorum (a majority of
     * the voters running).
     */
    public static EmbeddedKafka startNode(Path dataDir, Node self, List<Node> voters, String clusterId) {
        Objects.requireNonNull(dataDir, "dataDir");
        if (!voters.contains(self)) {
            throw new IllegalArgumentException("node " + self + " is not among the voters " + voters);
        }
        QuietLogging.warnAndAbove(BROKER_LOG_CATEGORIES);
        Path dir = dataDir.toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Kafka data directory " + dir, e);
        }
        Properties props = brokerProperties(dir, self, voters);
        formatIfNeeded(dir, props, clusterId);

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        EmbeddedKafka kafka = new EmbeddedKafka(server, "127.0.0.1:" + self.brokerPort(), dir);
        try {
            // Returns once the controller quorum has a leader and this broker is unfenced.
            server.startup();
            kafka.awaitClientsServed();
        } catch (RuntimeException e) {
            kafka.close();
            throw new IllegalStateException("Kafka node " + self.id() + " on " + kafka.bootstrapServers + " (data "
                    + dir + ") did not start: " + e.getMessage(), e);
        }
        return kafka;
    }

    /** A cluster node: its id, its client (PLAINTEXT) port and its controller port on 127.0.0.1. */
    public record Node(int id, int brokerPort, int controllerPort) {
        /** The {@code id@host:port} form of controller.quorum.voters. */
        public String voter() {
            return id + "@127.0.0.1:" + controllerPort;
        }
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The directory holding this broker's logs and metadata. */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Creates the topics that do not exist yet, each with {@code partitions} partitions and replication
     * factor 1. Existing topics are left alone, whatever their partition count.
     */
    public void createTopics(int partitions, String... names) {
        createTopics(partitions, (short) 1, Map.of(), names);
    }

    /** Creates the topics that do not exist yet with the given replication factor and topic configs. */
    public void createTopics(int partitions, short replicationFactor, Map<String, String> configs, String... names) {
        createTopics(bootstrapServers, partitions, replicationFactor, configs, names);
    }

    /** Creates the topics that do not exist yet on the cluster at {@code bootstrapServers}. */
    static void createTopics(String bootstrapServers, int partitions, short replicationFactor,
                             Map<String, String> configs, String... names) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        if (names.length == 0) {
            return;
        }
        List<NewTopic> topics = Arrays.stream(names)
                .distinct()
                .map(name -> new NewTopic(name, partitions, replicationFactor).configs(configs))
                .toList();
        try (Admin admin = admin(bootstrapServers)) {
            Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
            for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
                try {
                    result.getValue().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + result.getKey() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            awaitVisible(admin, results.keySet());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics " + Arrays.toString(names), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out creating topics " + Arrays.toString(names), e);
        }
    }

    /** Shuts the broker down cleanly (so the next start skips log recovery) and waits until it has. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    private Admin admin() {
        return admin(bootstrapServers);
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis()));
    }

    /**
     * The controller acknowledges a new topic before the broker has applied the metadata record, and a
     * client asking in between is told the topic does not exist. Callers (and the READY line of
     * KafkaMain) expect usable topics, so wait until the broker itself describes them.
     */
    private static void awaitVisible(Admin admin, Collection<String> topics) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        while (true) {
            try {
                admin.describeTopics(topics).allTopicNames().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Topics " + topics + " did not become visible: "
                            + e.getCause().getMessage(), e.getCause());
                }
                Thread.sleep(50);
            }
        }
    }

    /** A client round trip proves the PLAINTEXT listener is up, not just the server object. */
    private void awaitClientsServed() {
        try (Admin admin = admin()) {
            int brokers = admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
            if (brokers < 1) {
                throw new IllegalStateException("expected a live broker, the cluster reports none");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Broker did not answer within " + READY_TIMEOUT, e);
        }
    }

    static Properties brokerProperties(Path dir, Node self, List<Node> voters) {
        Properties p = new Properties();
        // Every process is both a controller (quorum voter) and a broker.
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(self.id()));
        // A static voter set lives only in this config, not in the metadata log, so a restart may move the
        // controller to another free port without breaking the quorum (single node).
        p.put("controller.quorum.voters", String.join(",", voters.stream().map(Node::voter).toList()));
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + self.brokerPort() + ",CONTROLLER://127.0.0.1:" + self.controllerPort());
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + self.brokerPort());
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dir.toString());

        // Replicas follow the cluster size: one on a single node, three (two in sync) from three nodes on,
        // as in production (docker-compose.yml).
        String replicas = String.valueOf(Math.min(3, voters.size()));
        String inSync = String.valueOf(Math.min(2, voters.size()));
        p.put("default.replication.factor", replicas);
        p.put("min.insync.replicas", inSync);
        p.put("offsets.topic.replication.factor", replicas);
        p.put("transaction.state.log.replication.factor", replicas);
        p.put("transaction.state.log.min.isr", inSync);
        p.put("share.coordinator.state.topic.replication.factor", replicas);
        p.put("share.coordinator.state.topic.min.isr", inSync);
        // The defaults (50 partitions each) cost seconds when the first group or transaction appears.
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");

        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", "3");
        p.put("group.initial.rebalance.delay.ms", "0");
        // The topics are the system of record: replaying them rebuilds every projection, so keep them forever.
        p.put("log.retention.ms", "-1");
        p.put("log.retention.bytes", "-1");

        // Small machine, small load: fewer threads and a smaller compaction buffer than a production broker.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "2");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        // Faster heartbeats unfence the broker sooner after start-up.
        p.put("broker.heartbeat.interval.ms", "500");
        return p;
    }

    /**
     * Runs the equivalent of {@code kafka-storage.sh format} unless the directory already carries a
     * {@code meta.properties}. {@code StorageTool.execute} is used rather than {@code main}, which would
     * exit the JVM.
     */
    private static void formatIfNeeded(Path dir, Properties props, String clusterId) {
        if (Files.exists(dir.resolve("meta.properties"))) {
            return;
        }
        Path configFile = null;
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            configFile = Files.createTempFile("claimtrail-kafka-format-", ".properties");
            try (Writer writer = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
                props.store(writer, "Claimtrail embedded broker, used once to format the storage directory");
            }
            int exitCode;
            try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
                exitCode = StorageTool.execute(new String[] {
                        "format",
                        "--config", configFile.toString(),
                        "--cluster-id", clusterId
                }, out);
            }
            if (exitCode != 0) {
                throw new IllegalStateException("Formatting Kafka storage in " + dir + " failed (exit code "
                        + exitCode + "): " + output.toString(StandardCharsets.UTF_8).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot format Kafka storage in " + dir, e);
        } finally {
            if (configFile != null) {
                try {
                    Files.deleteIfExists(configFile);
                } catch (IOException ignored) {
                    // A leftover temp file holds no secrets, only listener ports.
                }
            }
        }
    }
}
