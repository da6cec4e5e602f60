package dev.claimtrail.infra.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One real Kafka broker per test JVM, for {@code @QuarkusTestResource(KafkaTestResource.class)} and for
 * plain JUnit tests ({@link #sharedBootstrapServers()}).
 *
 * <p>The broker has the topics {@code articles}, {@code claims} (3 partitions) and {@code articles.dlq},
 * {@code claims.dlq} (1 partition), like the local run; other topics are auto-created with 3 partitions.
 * It starts with the first test class that needs it and is reused by every later one; a
 * shutdown hook stops it and deletes its temporary directory when the JVM exits. Set
 * {@value #EXTERNAL_BOOTSTRAP_ENV} to use a broker that is already running instead.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    /** {@code host:port[,...]} of an external broker; when set, nothing is started. */
    public static final String EXTERNAL_BOOTSTRAP_ENV = "CLAIMTRAIL_KAFKA_BOOTSTRAP_SERVERS";

    /**
     * Quarkus may load this class in more than one class loader within one JVM (one per application it
     * boots), and each copy has its own statics. The broker's address therefore lives in a system
     * property, and the lock is a string literal, which the JVM interns once for all class loaders.
     */
    private static final String SHARED_BOOTSTRAP_PROPERTY = "claimtrail.embedded-infra.kafka.bootstrap-servers";
    private static final String LOCK = "dev.claimtrail.infra.embedded.KafkaTestResource#broker";

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", sharedBootstrapServers());
    }

    @Override
    public void stop() {
        // The broker outlives this test class so the next one does not pay for another start-up;
        // the shutdown hook stops it when the JVM exits.
    }

    /**
     * {@code bootstrap.servers} of the JVM-wide test broker, starting it on first use (or the value of
     * {@value #EXTERNAL_BOOTSTRAP_ENV} if set).
     */
    public static String sharedBootstrapServers() {
        String external = System.getenv(EXTERNAL_BOOTSTRAP_ENV);
        if (external != null && !external.isBlank()) {
            return external.trim();
        }
        synchronized (LOCK) {
            String running = System.getProperty(SHARED_BOOTSTRAP_PROPERTY);
            if (running != null) {
                return running;
            }
            Path dataDir = TempDirectories.create("claimtrail-test-kafka-");
            long started = System.nanoTime();
            EmbeddedKafka broker = EmbeddedKafka.start(dataDir, 0);
            // Same topics and partition counts as the local run (KafkaMain), not auto-created defaults.
            TopicLayout.createOn(broker);
            TestServerLog.started("Kafka broker", broker.bootstrapServers(), started);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    broker.close();
                } finally {
                    TempDirectories.deleteQuietly(dataDir);
                }
            }, "claimtrail-test-kafka-shutdown"));
            System.setProperty(SHARED_BOOTSTRAP_PROPERTY, broker.bootstrapServers());
            return broker.bootstrapServers();
        }
    }
}
