package dev.claimtrail.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimtrail.events.Topics;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production layout in docker-compose.yml. Nothing here can start it (no Docker engine on the
 * development machines), so it is checked in two ways: by reading, always, against the code it
 * deploys (topics, configuration variables, broker quorum, instance ids); and by running it with
 * Testcontainers where a Docker engine exists, skipped with a message elsewhere.
 */
class ProductionLayoutTest {

    static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();
    static final Path COMPOSE = REPO.resolve("docker-compose.yml");
    /** Variables the JVM image itself reads (run-java.sh), not the application. */
    static final Set<String> IMAGE_VARIABLES = Set.of("JAVA_OPTS_APPEND", "JAVA_OPTS", "JAVA_MAX_MEM_RATIO");
    static final Pattern CONFIG_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    static JsonNode services;

    @BeforeAll
    static void readCompose() throws IOException {
        // SnakeYAML resolves the merge keys (<<: *anchor) the layout uses to share settings.
        Object layout = new Yaml().load(Files.readString(COMPOSE));
        services = new ObjectMapper().valueToTree(layout).path("services");
        assertTrue(services.size() > 0, "docker-compose.yml declares services");
    }

    @Test
    void kafkaInitCreatesEveryTopicReplicatedThreeTimesWithTwoInSync() {
        String script = services.path("kafka-init").path("command").toString();
        for (String topic : List.of(Topics.ARTICLES, Topics.CLAIMS, Topics.ARTICLES_DLQ, Topics.CLAIMS_DLQ)) {
            Matcher create = Pattern.compile("--topic " + Pattern.quote(topic) + " ([^\\\\\"]*)").matcher(script);
            assertTrue(create.find(), "kafka-init creates " + topic);
            assertTrue(create.group(1).contains("--replication-factor 3"), topic + " has three replicas");
            assertTrue(create.group(1).contains("min.insync.replicas=2"), topic + " needs two in sync");
        }
    }

    @Test
    void everyBrokerIsAVoterWithItsOwnNodeId() {
        Set<String> voters = new HashSet<>();
        Set<String> nodes = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> service = it.next();
            JsonNode env = service.getValue().path("environment");
            if (!env.has("KAFKA_NODE_ID")) {
                continue;
            }
            nodes.add(env.path("KAFKA_NODE_ID").asText() + "@" + service.getKey() + ":9093");
            for (String voter : env.path("KAFKA_CONTROLLER_QUORUM_VOTERS").asText().split(",")) {
                voters.add(voter.trim());
            }
            assertTrue(env.path("KAFKA_ADVERTISED_LISTENERS").asText().contains(service.getKey() + ":9092"),
                    service.getKey() + " advertises its own name");
        }
        assertEquals(3, nodes.size(), "three KRaft nodes");
        assertEquals(nodes, voters, "the controller quorum is exactly the nodes");
    }

    @Test
    void everyVariableGivenToAServiceIsOneItReads() throws IOException {
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> service = it.next();
            String module = service.getValue().path("build").path("args").path("MODULE").asText(null);
            if (module == null) {
                continue;
            }
            Path properties = REPO.resolve(module).resolve("src/main/resources/application.properties");
            assertTrue(Files.exists(properties), service.getKey() + " builds module " + module);
            Set<String> read = new HashSet<>();
            Matcher variable = CONFIG_VARIABLE.matcher(Files.readString(properties));
            while (variable.find()) {
                read.add(variable.group(1));
            }
            for (Iterator<String> names = service.getValue().path("environment").fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!IMAGE_VARIABLES.contains(name)) {
                    assertTrue(read.contains(name), service.getKey() + " is given " + name
                            + " but " + module + "'s application.properties never reads it");
                    checked++;
                }
            }
        }
        assertTrue(checked > 5, "the services are configured through variables");
    }

    @Test
    void everyExtractorInstanceHasItsOwnStableTransactionalId() {
        List<String> ids = new ArrayList<>();
        for (JsonNode service : services) {
            if ("claims-service".equals(service.path("build").path("args").path("MODULE").asText())) {
                String id = service.path("environment").path("CLAIMS_INSTANCE_ID").asText("");
                assertFalse(id.isBlank(), "a claims-service instance names its CLAIMS_INSTANCE_ID");
                ids.add(id);
            }
        }
        assertTrue(ids.size() >= 2, "at least two extractor instances share the partitions");
        assertEquals(ids.size(), new HashSet<>(ids).size(), "instance ids are distinct: " + ids);
    }

    /** Runs the layout itself; needs a Docker engine and the packaged services (./mvnw package). */
    @Test
    void theLayoutRunsAndAnArticleBecomesClaims() throws Exception {
        Assumptions.assumeTrue(dockerAvailable(),
                "No Docker engine here: the production layout (docker-compose.yml) is only checked by reading. "
                        + "Where Docker runs, this test starts it with Testcontainers and pushes an article through it.");
        // The layout requires feed and operator keys (salted hashes); one key serves both roles here.
        String key = "layout-check-key";
        String salt = "layoutsalt";
        String entry = "layout:" + salt + ":" + dev.claimtrail.events.Ids.sha256Hex(salt + key);
        try (ComposeContainer layout = new ComposeContainer(COMPOSE.toFile())
                .withEnv(Map.of("INGEST_FEED_KEYS", entry, "QUERY_OPERATOR_KEYS", entry, "CLAIMS_OPERATOR_KEYS", entry))
                .withRemoveVolumes(true)
                .withBuild(true)
                .withExposedService("ingest-service-1", 8081, Wait.forHttp("/q/health/ready")
                        .withStartupTimeout(Duration.ofMinutes(5)))
                .withExposedService("query-service-1", 8080, Wait.forHttp("/q/health/ready")
                        .withStartupTimeout(Duration.ofMinutes(5)))) {
            layout.start();
            String ingest = "http://" + layout.getServiceHost("ingest-service-1", 8081) + ":"
                    + layout.getServicePort("ingest-service-1", 8081);
            String query = "http://" + layout.getServiceHost("query-service-1", 8080) + ":"
                    + layout.getServicePort("query-service-1", 8080);
            HttpClient http = HttpClient.newHttpClient();
            String article = """
                    {"url": "https://example.org/layout-check", "title": "Layout check",
                     "text": "The minister said on Monday that 40 new schools would open next year."}""";
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(ingest + "/api/articles"))
                    .header("Content-Type", "application/json").header("X-API-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(article)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, accepted.statusCode(), accepted.body());
            await().atMost(Duration.ofMinutes(3)).until(() -> http.send(
                    HttpRequest.newBuilder(URI.create(query + "/api/claims?q=schools")).build(),
                    HttpResponse.BodyHandlers.ofString()).body().contains("minister"));
        }
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
