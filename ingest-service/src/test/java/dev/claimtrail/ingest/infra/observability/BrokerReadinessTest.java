package dev.claimtrail.ingest.infra.observability;

import dev.claimtrail.infra.embedded.EmbeddedKafka;
import dev.claimtrail.infra.embedded.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Readiness follows the broker: DOWN while none answers, UP again once one does; liveness stays UP.
 * The service gets a broker of its own, so stopping it leaves the one the other tests share alone.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(BrokerReadinessTest.DedicatedBroker.class)
class BrokerReadinessTest {

    /** A broker only this test's application uses, which the test can stop and start again. */
    public static class DedicatedBroker implements QuarkusTestResourceLifecycleManager {

        private Broker broker;

        @Override
        public Map<String, String> start() {
            broker = new Broker();
            return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(broker, new TestInjector.MatchesType(Broker.class));
        }

        @Override
        public void stop() {
            if (broker != null) {
                broker.stop();
                broker.deleteData();
            }
        }
    }

    /** Restarts on the same port, so the service's clients find it again at the address they know. */
    static final class Broker {
        private final List<Path> dataDirs = new ArrayList<>();
        private final int port;
        private EmbeddedKafka kafka;

        Broker() {
            kafka = EmbeddedKafka.start(tempDir(), 0);
            String servers = kafka.bootstrapServers();
            port = Integer.parseInt(servers.substring(servers.lastIndexOf(':') + 1));
        }

        String bootstrapServers() {
            return "127.0.0.1:" + port;
        }

        synchronized void stop() {
            if (kafka != null) {
                kafka.close();
                kafka = null;
            }
        }

        /** A fresh cluster on the old port: only reachability matters to readiness. */
        synchronized void start() {
            if (kafka == null) {
                kafka = EmbeddedKafka.start(tempDir(), port);
            }
        }

        void deleteData() {
            for (Path dir : dataDirs) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                } catch (IOException | UncheckedIOException e) {
                    // A temporary directory left behind is no test failure.
                }
            }
        }

        private Path tempDir() {
            try {
                Path dir = Files.createTempDirectory("claimtrail-readiness-kafka-");
                dataDirs.add(dir);
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    Broker broker;

    @Test
    void readinessIsDownWhileTheBrokerIsUnreachableAndUpWhenItReturns() {
        assertNotNull(broker, "the broker was injected");
        Response up = DatabaseReadinessTest.awaitReadiness(200);
        assertEquals("UP", DatabaseReadinessTest.check(up, "kafka-broker"), up.asString());

        broker.stop();
        try {
            Response down = DatabaseReadinessTest.awaitReadiness(503);
            assertEquals("DOWN", DatabaseReadinessTest.check(down, "kafka-broker"), down.asString());
            given().when().get("/q/health/live").then().statusCode(200);
        } finally {
            broker.start();
        }

        Response back = DatabaseReadinessTest.awaitReadiness(200);
        assertEquals("UP", DatabaseReadinessTest.check(back, "kafka-broker"), back.asString());
    }
}
