package dev.claimtrail.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimtrail.events.CloudEvents;
import dev.claimtrail.events.Topics;
import dev.claimtrail.infra.embedded.EmbeddedKafka;
import dev.claimtrail.infra.embedded.EmbeddedPostgresServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults injected into the running system (packaged services as separate JVMs, a real broker and a
 * real PostgreSQL, as {@code ./claimtrail up} runs them), each followed by the invariants Claimtrail
 * promises: every article acknowledged with 202 is in the {@code articles} log exactly once; every
 * article has exactly one ArticleProcessed (by event id) and one processing row; the read model holds
 * exactly the claims of the log; the stored projection offsets point just past the last event.
 *
 * <p>Sizes are small enough for CI; {@code -Dclaimtrail.soak=true} runs the sizes (10,000
 * articles through five kills of the extractor).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultScenariosTest {

    static final boolean SOAK = Boolean.getBoolean("claimtrail.soak");
    static final int KILLS = 5;
    static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();
    static final Path OUT = Path.of(System.getProperty("user.dir"), ServiceProcess.BUILD_DIR_NAME, "system-tests", "faults");
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final List<String> QUERY_GROUPS = List.of("query-service-articles", "query-service-claims");

    static Path kafkaDir;
    static int kafkaPort;
    static EmbeddedKafka kafka;
    static Path postgresDir;
    static int postgresPort;
    static EmbeddedPostgresServer postgres;
    static ServiceProcess ingest;
    static ServiceProcess claims;
    static ServiceProcess query;
    static final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    static final AtomicInteger articleNumber = new AtomicInteger();
    static final ExecutorService feeds = Executors.newFixedThreadPool(2);

    @BeforeAll
    static void startSystem() throws Exception {
        Path data = Files.createTempDirectory("claimtrail-faults");
        kafkaDir = data.resolve("kafka");
        kafkaPort = freePort();
        kafka = EmbeddedKafka.start(kafkaDir, kafkaPort);
        kafka.createTopics(3, Topics.ARTICLES, Topics.CLAIMS);
        kafka.createTopics(1, Topics.ARTICLES_DLQ, Topics.CLAIMS_DLQ);
        postgresDir = data.resolve("postgres");
        postgresPort = freePort();
        postgres = EmbeddedPostgresServer.start(postgresDir, postgresPort);
        postgres.createDatabaseIfMissing("claimtrail");

        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("DB_JDBC_URL", postgres.jdbcUrl("claimtrail"));
        env.put("DB_USERNAME", postgres.username());
        env.put("DB_PASSWORD", postgres.password());
        env.put("INGEST_PORT", Integer.toString(freePort()));
        env.put("CLAIMS_PORT", Integer.toString(freePort()));
        env.put("QUERY_PORT", Integer.toString(freePort()));
        env.put("CLAIMS_INSTANCE_ID", "faults");
        Path logs = OUT.resolve("logs");
        ingest = ServiceProcess.start(REPO, "ingest-service", Integer.parseInt(env.get("INGEST_PORT")), "384m", env, logs);
        claims = ServiceProcess.start(REPO, "claims-service", Integer.parseInt(env.get("CLAIMS_PORT")), "1200m", env, logs);
        query = ServiceProcess.start(REPO, "query-service", Integer.parseInt(env.get("QUERY_PORT")), "512m", env, logs);
        for (ServiceProcess service : List.of(ingest, claims, query)) {
            service.awaitReady(Duration.ofMinutes(4));
        }
    }

    @AfterAll
    static void stopSystem() throws Exception {
        feeds.shutdownNow();
        for (ServiceProcess service : new ServiceProcess[] {ingest, claims, query}) {
            if (service != null) {
                service.close();
            }
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void extractorKilledFiveTimesMidStream() throws Exception {
        int articles = SOAK ? 10_000 : 250;
        int before = processedRows();
        Future<?> feed = feed(articles);
        for (int kill = 1; kill <= KILLS; kill++) {
            int target = before + kill * articles / (KILLS + 1);
            awaitUntil(Duration.ofMinutes(10), () -> processedRows() >= target);
            claims.kill();
            System.out.printf("[extractor kill] kill -9 #%d of claims-service at %d processed articles%n",
                    kill, processedRows() - before);
            claims = claims.restart();
            claims.awaitReady(Duration.ofMinutes(4));
        }
        feed.get(30, TimeUnit.MINUTES);
        assertInvariants("extractor killed " + KILLS + " times during " + articles + " articles");
    }

    @Test
    @Order(2)
    void queryServiceKilledFiveTimesMidTransaction() throws Exception {
        int articles = SOAK ? 2_000 : 150;
        int before = servedRows();
        Future<?> feed = feed(articles);
        for (int kill = 1; kill <= KILLS; kill++) {
            int target = before + kill * articles / (KILLS + 1);
            awaitUntil(Duration.ofMinutes(10), () -> servedRows() >= target);
            query.kill();
            System.out.printf("[query kill] kill -9 #%d of query-service while applying (served %d)%n",
                    kill, servedRows() - before);
            query = query.restart();
            query.awaitReady(Duration.ofMinutes(3));
        }
        feed.get(30, TimeUnit.MINUTES);
        assertInvariants("query service killed " + KILLS + " times during " + articles + " articles");
    }

    @Test
    @Order(3)
    void brokerRestartDuringIngest() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger unavailable = new AtomicInteger();
        Future<?> feed = feed(60, accepted, unavailable);
        awaitUntil(Duration.ofMinutes(2), () -> accepted.get() >= 20);
        kafka.close();
        int acceptedAtStop = accepted.get();
        System.out.printf("[broker restart] broker stopped after %d accepted articles%n", acceptedAtStop);
        Thread.sleep(15_000);
        // Nothing can be acknowledged without a broker: a 202 in this window would be a lie.
        int acceptedWhileDown = accepted.get() - acceptedAtStop;
        kafka = EmbeddedKafka.start(kafkaDir, kafkaPort);
        System.out.printf("[broker restart] broker back after 15 s: %d answers were 503, %d accepted while down%n",
                unavailable.get(), acceptedWhileDown);
        assertTrue(acceptedWhileDown <= 1, "at most the request in flight at the stop was acknowledged: " + acceptedWhileDown);
        assertTrue(unavailable.get() > 0, "ingest answered 503 while the broker was down");
        feed.get(10, TimeUnit.MINUTES);
        assertInvariants("broker restarted during ingest");
    }

    @Test
    @Order(4)
    void databaseDownForSixtySeconds() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger unavailable = new AtomicInteger();
        Future<?> feed = feed(60, accepted, unavailable);
        awaitUntil(Duration.ofMinutes(2), () -> accepted.get() >= 10);
        Map<String, Long> offsetsAtStop = storedOffsets();
        postgres.close();
        System.out.printf("[database down] PostgreSQL stopped after %d accepted articles%n", accepted.get());
        long downSince = System.nanoTime();
        awaitUntil(Duration.ofSeconds(30), () -> status(query, "/q/health/ready") == 503);
        System.out.println("[database down] query-service readiness is DOWN");
        Thread.sleep(Math.max(0, Duration.ofSeconds(60).toMillis() - (System.nanoTime() - downSince) / 1_000_000));
        postgres = EmbeddedPostgresServer.start(postgresDir, postgresPort);
        Map<String, Long> offsetsAfter = storedOffsets();
        System.out.printf("[database down] PostgreSQL back after 60 s; stored offsets before %s, right after %s%n",
                offsetsAtStop, offsetsAfter);
        // The projections wait the outage out in place: no restart is needed to catch up.
        awaitUntil(Duration.ofSeconds(90), () -> status(query, "/q/health/ready") == 200);
        assertTrue(query.alive(), "query-service kept running through the outage");
        System.out.println("[database down] query-service ready again without a restart");
        feed.get(10, TimeUnit.MINUTES);
        System.out.printf("[database down] %d answers were 503 during the outage%n", unavailable.get());
        assertInvariants("database down for 60 s");
    }

    @Test
    @Order(5)
    void duplicateDeliveryAndRepushedArticles() throws Exception {
        awaitQuiet();
        int claimRowsBefore = claimRows();
        int processedBefore = processedRows();
        // The extractor's group is rewound 1,000 offsets per partition: it reads and extracts again.
        claims.close();
        Map<TopicPartition, OffsetAndMetadata> rewound = new HashMap<>();
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("claims-extractor-1.0.0")
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            committed.forEach((partition, offset) ->
                    rewound.put(partition, new OffsetAndMetadata(Math.max(0, offset.offset() - 1000))));
            admin.alterConsumerGroupOffsets("claims-extractor-1.0.0", rewound).all().get(30, TimeUnit.SECONDS);
        }
        claims = claims.restart();
        // The query projections' stored positions are rewound the same way.
        query.close();
        try (Connection db = database(); Statement statement = db.createStatement()) {
            statement.executeUpdate("UPDATE query.projection_offset SET next_offset = GREATEST(0, next_offset - 1000)");
        }
        query = query.restart();
        claims.awaitReady(Duration.ofMinutes(4));
        query.awaitReady(Duration.ofMinutes(3));
        System.out.printf("[duplicates] extractor group rewound to %s; query positions rewound by 1,000%n", rewound);
        // Feeds push the same articles again: each is recognised.
        int repushed = 0;
        for (int i = 0; i < Math.min(100, articleNumber.get()); i++) {
            HttpResponse<String> response = postOnce(article(i));
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("duplicate", JSON.readTree(response.body()).path("status").asText());
            repushed++;
        }
        awaitQuiet();
        System.out.printf("[duplicates] %d articles pushed again, all answered duplicate; claim rows %d → %d,"
                + " processing rows %d → %d%n", repushed, claimRowsBefore, claimRows(), processedBefore, processedRows());
        assertEquals(claimRowsBefore, claimRows(), "redelivered claims are the same rows");
        assertEquals(processedBefore, processedRows(), "redelivered ArticleProcessed events are the same rows");
        assertInvariants("1,000 offsets redelivered and articles pushed again");
    }

    @Test
    @Order(6)
    void poisonMessagesAreDeadLetteredAndTheStreamGoesOn() throws Exception {
        awaitQuiet();
        long articlesDlq = endOffset(Topics.ARTICLES_DLQ);
        long claimsDlq = endOffset(Topics.CLAIMS_DLQ);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            send(producer, Topics.ARTICLES, "poison-unparseable", "dev.claimtrail.article.ingested", "{\"article\": {");
            send(producer, Topics.ARTICLES, "poison-invalid", "dev.claimtrail.article.ingested",
                    "{\"schemaVersion\": 1, \"eventId\": \"poison-invalid\", \"article\": {\"id\": \"poison-invalid\"}}");
            send(producer, Topics.CLAIMS, "poison-unparseable", "dev.claimtrail.claim.recorded", "not json at all");
            send(producer, Topics.CLAIMS, "poison-invalid", "dev.claimtrail.claim.recorded",
                    "{\"schemaVersion\": 1, \"eventId\": \"poison-claim\", \"claim\": {}}");
        }
        System.out.println("[poison] 2 unparseable and 2 schema-invalid events written to articles and claims");
        Future<?> feed = feed(10);
        feed.get(5, TimeUnit.MINUTES);
        awaitQuiet();
        long newArticleDeadLetters = endOffset(Topics.ARTICLES_DLQ) - articlesDlq;
        long newClaimDeadLetters = endOffset(Topics.CLAIMS_DLQ) - claimsDlq;
        System.out.printf("[poison] dead letters: articles.dlq +%d, claims.dlq +%d; the articles after them were processed%n",
                newArticleDeadLetters, newClaimDeadLetters);
        // Each article poison is dead-lettered by both consumers of articles (extractor and query).
        assertTrue(newArticleDeadLetters >= 4, "articles.dlq holds the article poison of both consumers");
        assertTrue(newClaimDeadLetters >= 2, "claims.dlq holds the claim poison");
        assertInvariants("poison messages of two kinds on both topics");
    }

    // --- invariants -----------------------------------------------------------------------------

    static void assertInvariants(String scenario) throws Exception {
        awaitQuiet();
        LogInvariants.Events ingested = LogInvariants.read(kafka.bootstrapServers(), Topics.ARTICLES, "read_uncommitted",
                "dev.claimtrail.article.");
        LogInvariants.Events processed = LogInvariants.read(kafka.bootstrapServers(), Topics.CLAIMS, "read_committed",
                "dev.claimtrail.article.processed");
        Set<String> claimIdsInLog = claimIdsInLog();
        int redundant = 0;
        for (String id : acknowledged) {
            // By event id: a push acknowledged by the broker whose identity row then failed to commit is
            // published again on retry under the same event id, which every consumer deduplicates.
            assertEquals(1, ingested.distinct(id), scenario + ": article " + id + " is in the articles log exactly once");
            assertEquals(1, processed.distinct(id), scenario + ": article " + id + " has exactly one ArticleProcessed event");
            redundant += ingested.records(id) - 1;
        }
        Set<String> claimIdsInModel = new HashSet<>();
        try (Connection db = database(); Statement statement = db.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "SELECT article_id FROM query.article_processing GROUP BY article_id HAVING count(*) > 1")) {
                assertTrue(!rows.next(), scenario + ": one processing row per article and version");
            }
            try (ResultSet rows = statement.executeQuery("SELECT id FROM query.claim")) {
                while (rows.next()) {
                    claimIdsInModel.add(rows.getString(1));
                }
            }
        }
        assertEquals(claimIdsInLog, claimIdsInModel, scenario + ": the read model holds exactly the claims of the log");
        Map<String, Long> stored = storedOffsets();
        Map<String, Long> expected = new HashMap<>();
        for (Map.Entry<TopicPartition, Long> last : ingested.lastOffsets().entrySet()) {
            expected.put("query-service-articles/" + last.getKey(), last.getValue() + 1);
        }
        LogInvariants.Events claimLog = LogInvariants.read(kafka.bootstrapServers(), Topics.CLAIMS, "read_committed", "");
        for (Map.Entry<TopicPartition, Long> last : claimLog.lastOffsets().entrySet()) {
            expected.put("query-service-claims/" + last.getKey(), last.getValue() + 1);
        }
        assertEquals(expected, stored, scenario + ": stored offsets point just past the last applied event");
        System.out.printf("[invariants] %s: %d acknowledged, each once in the articles log by event id (%d redundant"
                        + " copies); %d ArticleProcessed, one each; %d claims in the log = %d in the read model;"
                        + " %d stored offsets at their last event%n",
                scenario, acknowledged.size(), redundant, processed.eventIds().size(), claimIdsInLog.size(),
                claimIdsInModel.size(), stored.size());
    }

    /** Waits until every acknowledged article is served and the projections have read their topics to the end. */
    static void awaitQuiet() throws Exception {
        awaitUntil(Duration.ofMinutes(10), () -> {
            try {
                return servedArticles().containsAll(acknowledged) && caughtUp();
            } catch (Exception e) {
                return false;
            }
        });
    }

    static boolean caughtUp() throws Exception {
        Map<String, Long> stored = storedOffsets();
        LogInvariants.Events articles = LogInvariants.read(kafka.bootstrapServers(), Topics.ARTICLES, "read_uncommitted", "");
        LogInvariants.Events claimLog = LogInvariants.read(kafka.bootstrapServers(), Topics.CLAIMS, "read_committed", "");
        for (Map.Entry<TopicPartition, Long> last : articles.lastOffsets().entrySet()) {
            if (stored.getOrDefault("query-service-articles/" + last.getKey(), -1L) != last.getValue() + 1) {
                return false;
            }
        }
        for (Map.Entry<TopicPartition, Long> last : claimLog.lastOffsets().entrySet()) {
            if (stored.getOrDefault("query-service-claims/" + last.getKey(), -1L) != last.getValue() + 1) {
                return false;
            }
        }
        return true;
    }

    static Set<String> claimIdsInLog() {
        return LogInvariants.read(kafka.bootstrapServers(), Topics.CLAIMS, "read_committed", "dev.claimtrail.claim.recorded")
                .eventIds().values().stream().flatMap(Set::stream).collect(java.util.stream.Collectors.toSet());
    }

    static Map<String, Long> storedOffsets() throws Exception {
        Map<String, Long> offsets = new HashMap<>();
        try (Connection db = database(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT consumer_group, topic, partition, next_offset FROM query.projection_offset")) {
            while (rows.next()) {
                if (QUERY_GROUPS.contains(rows.getString(1))) {
                    offsets.put(rows.getString(1) + "/" + rows.getString(2) + "-" + rows.getInt(3), rows.getLong(4));
                }
            }
        }
        return offsets;
    }

    // --- feeds ------------------------------------------------------------------------------------

    static Future<?> feed(int count) {
        return feed(count, new AtomicInteger(), new AtomicInteger());
    }

    /** A feed pushing {@code count} new articles, retrying a 503 after a second as feeds do. */
    static Future<?> feed(int count, AtomicInteger accepted, AtomicInteger unavailable) {
        return feeds.submit(() -> {
            for (int n = 0; n < count; n++) {
                String body = article(articleNumber.getAndIncrement());
                while (true) {
                    HttpResponse<String> response;
                    try {
                        response = postOnce(body);
                    } catch (IOException e) {
                        response = null;
                    }
                    if (response != null && (response.statusCode() == 202 || response.statusCode() == 200)) {
                        acknowledged.add(JSON.readTree(response.body()).path("id").asText());
                        accepted.incrementAndGet();
                        break;
                    }
                    if (response != null && response.statusCode() != 503) {
                        throw new AssertionError("unexpected answer " + response.statusCode() + ": " + response.body());
                    }
                    unavailable.incrementAndGet();
                    Thread.sleep(1000);
                }
            }
            return null;
        });
    }

    static String article(int i) {
        String[] names = {"Amina Roshan", "Pavel Drozdov", "Lena Marsh", "Tomas Ibarra", "Keiko Mori", "Farid Qasemi", "Ruth Okafor"};
        String[] roles = {"a police spokesman", "the regional governor", "an army officer", "a border official", "a UN envoy"};
        String[] places = {"Kunduz", "Khorog", "Termez", "Osh", "Mazar-i-Sharif", "Kulob", "Herat"};
        String[] what = {"families had left villages near", "fighters were seen close to", "trucks were stopped outside",
                "schools had closed around"};
        String name = names[i % names.length];
        ObjectNode body = JSON.createObjectNode()
                .put("externalId", "fault-" + i)
                .put("outlet", "Fault Wire")
                .put("publishedAt", "2025-04-" + String.format("%02d", 1 + i % 28))
                .put("text", name + ", " + roles[i % roles.length] + ", said on Tuesday that " + (20 + i) + " "
                        + what[i % what.length] + " " + places[i % places.length] + ". Officials were checking the figures, "
                        + name.split(" ")[1] + " added.");
        return body.toString();
    }

    static HttpResponse<String> postOnce(String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(ingest.url("/api/articles")))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- plumbing ---------------------------------------------------------------------------------

    static void send(KafkaProducer<String, String> producer, String topic, String key, String type, String value) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(CloudEvents.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEvents.ID_HEADER, key.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEvents.SCHEMA_VERSION_HEADER, "1".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get(30, TimeUnit.SECONDS);
    }

    static long endOffset(String topic) throws Exception {
        try (Admin admin = admin()) {
            TopicPartition partition = new TopicPartition(topic, 0);
            return admin.listOffsets(Map.of(partition, org.apache.kafka.clients.admin.OffsetSpec.latest()))
                    .partitionResult(partition).get(30, TimeUnit.SECONDS).offset();
        }
    }

    static int processedRows() {
        return countOrMinusOne("SELECT count(*) FROM query.article_processing");
    }

    static int servedRows() {
        return countOrMinusOne("SELECT count(*) FROM query.article_serving");
    }

    static int claimRows() {
        return countOrMinusOne("SELECT count(*) FROM query.claim");
    }

    static int countOrMinusOne(String sql) {
        try (Connection db = database(); Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        } catch (Exception e) {
            return -1;
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

    static int status(ServiceProcess service, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(service.url(path))).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    static Connection database() throws Exception {
        return DriverManager.getConnection(postgres.jdbcUrl("claimtrail"), postgres.username(), postgres.password());
    }

    static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    static void awaitUntil(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        if (!awaitQuietly(timeout, condition)) {
            throw new AssertionError("condition not reached within " + timeout);
        }
    }

    static boolean awaitQuietly(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(500);
        }
        return condition.getAsBoolean();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
