package dev.claimtrail.infra.embedded;

import java.nio.file.Path;

/**
 * Runs the single-node KRaft broker for a local Claimtrail in its own JVM.
 *
 * <pre>java -cp "embedded-infra/target/embedded-infra-0.1.0-SNAPSHOT.jar:embedded-infra/target/lib/*" \
 *     dev.claimtrail.infra.embedded.KafkaMain [dataRoot]</pre>
 *
 * Data in {@code <dataRoot>/kafka} (dataRoot: argument, else {@code $CLAIMTRAIL_DATA}, else
 * {@code .claimtrail}); port {@code $KAFKA_PORT} (default 9092). Prints {@code READY kafka <bootstrap>}
 * on stdout once clients can connect and the topics exist, then runs until SIGTERM/SIGINT.
 */
public final class KafkaMain {

    static final String PORT_ENV = "KAFKA_PORT";
    static final int DEFAULT_PORT = 9092;

    private KafkaMain() {
    }

    public static void main(String[] args) {
        StandaloneLaunch.configureLogging();
        EmbeddedKafka kafka;
        try {
            Path dataDir = StandaloneLaunch.dataRoot(args).resolve("kafka");
            kafka = EmbeddedKafka.start(dataDir, StandaloneLaunch.port(PORT_ENV, DEFAULT_PORT));
            TopicLayout.createOn(kafka);
        } catch (RuntimeException e) {
            StandaloneLaunch.fail("kafka", e);
            return;
        }
        StandaloneLaunch.ready("kafka " + kafka.bootstrapServers());
        StandaloneLaunch.runUntilShutdown("kafka", kafka);
    }
}
