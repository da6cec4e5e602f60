package dev.claimtrail.infra.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one node of a multi-node KRaft cluster (broker and controller) in its own JVM, so that a test
 * can kill a node the way a machine dies. {@link KafkaCluster} starts these; by hand:
 *
 * <pre>KAFKA_NODE_ID=1 KAFKA_VOTERS=1@127.0.0.1:19093:19092,2@…,3@… KAFKA_CLUSTER_ID=… \
 * java -cp "embedded-infra/target/embedded-infra-0.1.0-SNAPSHOT.jar:embedded-infra/target/lib/*" \
 *     dev.claimtrail.infra.embedded.KafkaNodeMain dataDir</pre>
 *
 * {@code KAFKA_VOTERS} lists every node as {@code id@host:controllerPort:brokerPort}. Prints
 * {@code READY kafka-node <id> <bootstrap>} once the node serves clients (which needs a majority of
 * the nodes running), then runs until SIGTERM/SIGINT.
 */
public final class KafkaNodeMain {

    static final String NODE_ID_ENV = "KAFKA_NODE_ID";
    static final String VOTERS_ENV = "KAFKA_VOTERS";
    static final String CLUSTER_ID_ENV = "KAFKA_CLUSTER_ID";

    private KafkaNodeMain() {
    }

    public static void main(String[] args) {
        StandaloneLaunch.configureLogging();
        EmbeddedKafka kafka;
        int id;
        try {
            if (args.length != 1) {
                throw new IllegalArgumentException("usage: KafkaNodeMain <dataDir>");
            }
            id = Integer.parseInt(required(NODE_ID_ENV));
            List<EmbeddedKafka.Node> voters = parseVoters(required(VOTERS_ENV));
            EmbeddedKafka.Node self = voters.stream().filter(node -> node.id() == id).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(NODE_ID_ENV + "=" + id + " is not in " + VOTERS_ENV));
            kafka = EmbeddedKafka.startNode(Path.of(args[0]), self, voters, required(CLUSTER_ID_ENV));
        } catch (RuntimeException e) {
            StandaloneLaunch.fail("kafka-node", e);
            return;
        }
        StandaloneLaunch.ready("kafka-node " + id + " " + kafka.bootstrapServers());
        StandaloneLaunch.runUntilShutdown("kafka-node-" + id, kafka);
    }

    /** {@code id@host:controllerPort:brokerPort,…} (host must be 127.0.0.1: the nodes listen on loopback). */
    static List<EmbeddedKafka.Node> parseVoters(String value) {
        List<EmbeddedKafka.Node> nodes = new ArrayList<>();
        for (String entry : value.split(",")) {
            String[] idAndAddress = entry.trim().split("@", 2);
            String[] parts = idAndAddress.length == 2 ? idAndAddress[1].split(":") : new String[0];
            if (parts.length != 3) {
                throw new IllegalArgumentException(VOTERS_ENV + " entries look like 1@127.0.0.1:19093:19092, got '" + entry + "'");
            }
            nodes.add(new EmbeddedKafka.Node(Integer.parseInt(idAndAddress[0]), Integer.parseInt(parts[2]),
                    Integer.parseInt(parts[1])));
        }
        return nodes;
    }

    static String format(List<EmbeddedKafka.Node> voters) {
        return String.join(",", voters.stream()
                .map(node -> node.id() + "@127.0.0.1:" + node.controllerPort() + ":" + node.brokerPort()).toList());
    }

    private static String required(String env) {
        String value = System.getenv(env);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(env + " is not set");
        }
        return value.trim();
    }
}
