package dev.claimtrail.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimtrail.events.Topics;
import dev.claimtrail.infra.embedded.EmbeddedPostgresServer;
import dev.claimtrail.infra.embedded.KafkaCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production shape on loopback: three KRaft brokers as separate JVMs (replication factor 3,
 * min.insync.replicas=2) and two claims-service instances sharing the partitions. During a steady
 * stream of articles the leader of an {@code articles} partition and one claims-service instance are
 * killed with SIGKILL. Afterwards: every article ingest acknowledged is in the log exactly once, the
 * surviving instance owns every partition, every article was processed exactly once by the extractor
 * version and its claims are served.
 */
class ClusterFailoverTest {

    static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();
    static final Path OUT = Path.of(System.getProperty("user.dir"), ServiceProcess.BUILD_DIR_NAME, "system-tests", "cluster");
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final int ARTICLES = 120;
    static final String EXTRACTOR_GROUP = "claims-extractor-1.0.0";

    static KafkaCluster kafka;
    static EmbeddedPostgresServer postgres;
    static final List<ServiceProcess> services = new ArrayList<>();
    static ServiceProcess ingest;
    static ServiceProcess claimsOne;
    static ServiceProcess claimsTwo;
    static ServiceProcess query;

    @BeforeAll
    static void startCluster() throws Exception {
        Files.createDirectories(OUT);
        long started = System.nanoTime();
        kafka = KafkaCluster.start(Files.createTempDirectory("claimtrail-cluster"), 3);
        kafka.createTopics();
        postgres = EmbeddedPostgresServer.start(null, 0);
        postgres.createDatabaseIfMissing("claimtrail");

        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("DB_JDBC_URL", postgres.jdbcUrl("claimtrail"));
        env.put("DB_USERNAME", postgres.username());
        env.put("DB_PASSWORD", postgres.password());
        Path logs = OUT.resolve("logs");
        ingest = start("ingest-service", "INGEST_PORT", "384m", env, logs, Map.of());
        claimsOne = start("claims-service", "CLAIMS_PORT", "1200m", env, logs.resolve("claims-1"),
                Map.of("CLAIMS_INSTANCE_ID", "cluster-claims-1", "EXTRACTION_THREADS", "1"));
        claimsTwo = start("claims-service", "CLAIMS_PORT", "1200m", env, logs.resolve("claims-2"),
                Map.of("CLAIMS_INSTANCE_ID", "cluster-claims-2", "EXTRACTION_THREADS", "1"));
        query = start("query-service", "QUERY_PORT", "512m", env, logs, Map.of());
        for (ServiceProcess service : services) {
            service.awaitReady(Duration.ofMinutes(4));
        }
        System.out.printf("cluster of 3 brokers, PostgreSQL and 4 service JVMs ready in %.0f s%n",
                (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (ServiceProcess service : services) {
            service.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void losingAPartitionLeaderAndAnExtractorInstanceLosesNothingAndCountsNothingTwice() throws Exception {
        Set<String> acknowledged = new LinkedHashSet<>();
        int retried = 0;
        int leader = -1;
        for (int i = 0; i < ARTICLES; i++) {
            if (i == ARTICLES / 3) {
                leader = kafka.leaderOf(Topics.ARTICLES, 0);
                kafka.killNode(leader);
                claimsOne.kill();
                System.out.printf("injected after %d acknowledged articles: kill -9 of broker %d (leader of %s-0)"
                        + " and of claims-service instance 1%n", acknowledged.size(), leader, Topics.ARTICLES);
            }
            retried += post(article(i), acknowledged);
        }
        System.out.printf("acknowledged %d articles; %d answers were 503 and retried as a feed would%n",
                acknowledged.size(), retried);
        assertEquals(ARTICLES, acknowledged.size(), "every article was eventually acknowledged");

        // The survivor takes every partition of the articles topic over.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertEquals(3, assignedPartitions(EXTRACTOR_GROUP).size(), "one instance holds all partitions"));

        // Every acknowledged article ends up processed and served.
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(2)).until(() ->
                servedArticles().containsAll(acknowledged));

        LogInvariants.Events ingested = LogInvariants.read(kafka.bootstrapServers(), Topics.ARTICLES, "read_uncommitted",
                "dev.claimtrail.article.");
        LogInvariants.Events processed = LogInvariants.read(kafka.bootstrapServers(), Topics.CLAIMS, "read_committed",
                "dev.claimtrail.article.processed");
        for (String id : acknowledged) {
            // By event id: a 503 (ack not seen in time) followed by a retry may write the same event twice.
            assertEquals(1, ingested.distinct(id), "article " + id + " is in the articles log exactly once");
            // read_committed: the killed instance's open transaction was aborted, its records are invisible.
            assertEquals(1, processed.records(id), "article " + id + " was processed exactly once");
        }
        int claims = servedClaimCount();
        System.out.printf("invariants: %d acknowledged = %d in the articles log once each; %d ArticleProcessed once each;"
                        + " %d claims served; broker %d restarted next%n",
                acknowledged.size(), ingested.eventIds().size(), processed.eventIds().size(), claims, leader);
        assertTrue(claims >= ARTICLES, "each article's statement is served as a claim (" + claims + ")");

        // The killed broker rejoins and catches up; the cluster keeps serving.
        kafka.startNode(leader);
    }

    /** An article with one attributed statement, different names, figures and places each time. */
    static String article(int i) {
        String[] names = {"Amina Roshan", "Pavel Drozdov", "Lena Marsh", "Tomas Ibarra", "Keiko Mori", "Farid Qasemi"};
        String[] roles = {"a police spokesman", "the regional governor", "an army officer", "a border official"};
        String[] places = {"Kunduz", "Khorog", "Termez", "Osh", "Mazar-i-Sharif", "Kulob"};
        String name = names[i % names.length];
        ObjectNode body = JSON.createObjectNode()
                .put("externalId", "cluster-" + i)
                .put("outlet", "Cluster Wire")
                .put("publishedAt", "2025-03-" + String.format("%02d", 1 + i % 28))
                .put("text", name + ", " + roles[i % roles.length] + ", said on Tuesday that " + (20 + i)
                        + " families had left villages near " + places[i % places.length]
                        + " after the floods. Aid groups were sending tents and food, " + name.split(" ")[1]
                        + " added.");
        return body.toString();
    }

    /** POSTs until acknowledged; a 503 (no broker ack) is retried after its Retry-After. Returns the retries. */
    static int post(String body, Set<String> acknowledged) throws Exception {
        int retries = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            HttpResponse<String> response;
            try {
                response = HTTP.send(HttpRequest.newBuilder(URI.create(ingest.url("/api/articles")))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException timeout) {
                response = null;
            }
            if (response != null && (response.statusCode() == 202 || response.statusCode() == 200)) {
                // 200 is a duplicate: an earlier attempt was acknowledged after all.
                acknowledged.add(JSON.readTree(response.body()).path("id").asText());
                return retries;
            }
            if (response != null && response.statusCode() != 503) {
                throw new AssertionError("unexpected answer " + response.statusCode() + ": " + response.body());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("ingest did not acknowledge within 2 minutes");
            }
            retries++;
            Thread.sleep(1000);
        }
    }

    static Set<TopicPartition> assignedPartitions(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                    .get(20, TimeUnit.SECONDS).get(group);
            Set<TopicPartition> partitions = new HashSet<>();
            if (description.members().size() != 1) {
                return Set.of();
            }
            for (MemberDescription member : description.members()) {
                partitions.addAll(member.assignment().topicPartitions());
            }
            return partitions;
        }
    }

    static Set<String> servedArticles() throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection db = database(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT article_id FROM query.article_serving")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    static int servedClaimCount() throws Exception {
        JsonNode page = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(query.url("/api/claims?q=families&limit=500")))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        return page.path("items").size();
    }

    static Connection database() throws Exception {
        return DriverManager.getConnection(postgres.jdbcUrl("claimtrail"), postgres.username(), postgres.password());
    }

    static ServiceProcess start(String module, String portVariable, String heap, Map<String, String> env, Path logs,
                                Map<String, String> extra) throws IOException {
        int port = freePort();
        Map<String, String> own = new HashMap<>(env);
        own.put(portVariable, Integer.toString(port));
        own.putAll(extra);
        ServiceProcess service = ServiceProcess.start(REPO, module, port, heap, own, logs);
        services.add(service);
        return service;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
