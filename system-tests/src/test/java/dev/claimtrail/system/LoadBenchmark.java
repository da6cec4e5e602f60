package dev.claimtrail.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimtrail.events.Topics;
import dev.claimtrail.infra.embedded.EmbeddedKafka;
import dev.claimtrail.infra.embedded.EmbeddedPostgresServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.tools.ProducerPerformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark of the whole system (not part of the build; it prints figures):
 *
 * <pre>./mvnw -B package -DskipTests && ./mvnw -B -pl system-tests verify -Dtest=LoadBenchmark -Dbenchmark=load</pre>
 *
 * <ol>
 *   <li>End-to-end latency at fixed offered rates: each article's 202 to the moment its claims are
 *   served by the query read model (polled every 20 ms), p50/p99.</li>
 *   <li>Sustained ingest rate: concurrent feeds pushing single articles for a fixed time, with the
 *   extractor stopped so that it does not take the two cores (its backlog is the same either way).</li>
 *   <li>The broker's own ProducerPerformance with acks=all at the mean size of an article record, the
 *   limit any ingest could reach on this broker and machine.</li>
 * </ol>
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "load")
class LoadBenchmark {

    static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();
    static final Path OUT = Path.of(System.getProperty("user.dir"), ServiceProcess.BUILD_DIR_NAME, "benchmarks");
    static final ObjectMapper JSON = new ObjectMapper();
    static final int[] OFFERED_RATES = {5, 20, 40};
    static final Duration LATENCY_RUN = Duration.ofSeconds(Long.getLong("benchmark.latency.seconds", 30));
    static final Duration INGEST_RUN = Duration.ofSeconds(Long.getLong("benchmark.ingest.seconds", 20));
    static final int FEEDS = Integer.getInteger("benchmark.feeds", 48);
    static final AtomicInteger ARTICLE = new AtomicInteger();

    @Test
    void wholeSystemUnderLoad() throws Exception {
        Files.createDirectories(OUT);
        Path data = Files.createTempDirectory("claimtrail-load");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(data.resolve("kafka"), 0);
             EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null, 0)) {
            kafka.createTopics(3, Topics.ARTICLES, Topics.CLAIMS);
            kafka.createTopics(1, Topics.ARTICLES_DLQ, Topics.CLAIMS_DLQ);
            postgres.createDatabaseIfMissing("claimtrail");
            Map<String, String> env = new HashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("DB_JDBC_URL", postgres.jdbcUrl("claimtrail"));
            env.put("DB_USERNAME", postgres.username());
            env.put("DB_PASSWORD", postgres.password());
            int ingestPort = freePort();
            int claimsPort = freePort();
            int queryPort = freePort();
            env.put("INGEST_PORT", Integer.toString(ingestPort));
            env.put("CLAIMS_PORT", Integer.toString(claimsPort));
            env.put("QUERY_PORT", Integer.toString(queryPort));
            env.put("CLAIMS_INSTANCE_ID", "load");
            Path logs = OUT.resolve("load-logs");
            ServiceProcess ingest = ServiceProcess.start(REPO, "ingest-service", ingestPort, "512m", env, logs);
            ServiceProcess claims = ServiceProcess.start(REPO, "claims-service", claimsPort, "1536m", env, logs);
            ServiceProcess query = ServiceProcess.start(REPO, "query-service", queryPort, "768m", env, logs);
            List<String> table = new ArrayList<>();
            try {
                for (ServiceProcess service : List.of(ingest, claims, query)) {
                    service.awaitReady(Duration.ofMinutes(4));
                }
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                // Warm-up: the first articles pay for class loading and JIT in every service.
                latencyRun(http, ingest, postgres, 5, Duration.ofSeconds(15));
                table.add("| end-to-end, offered rate | sent | served | p50 ms | p99 ms | max ms |");
                table.add("|---|---|---|---|---|---|");
                for (int rate : OFFERED_RATES) {
                    table.add(latencyRun(http, ingest, postgres, rate, LATENCY_RUN));
                    System.out.println(table.get(table.size() - 1));
                }

                claims.close(); // the extractor's backlog would only compete with ingest for the two cores
                IngestResult result = ingestRun(http, ingest);
                double recordBytes = meanRecordBytes(kafka.bootstrapServers());
                double producerRate = producerPerformance(kafka.bootstrapServers(), (int) Math.round(recordBytes));
                table.add("");
                table.add("| ingest (" + FEEDS + " concurrent feeds, " + INGEST_RUN.toSeconds() + " s) | accepted/s | 503/s | p50 ms | p99 ms |");
                table.add("|---|---|---|---|---|");
                table.add(String.format("| POST /api/articles, one article each | %.0f | %.1f | %d | %d |",
                        result.acceptedPerSecond, result.unavailablePerSecond, result.p50, result.p99));
                table.add("");
                table.add("| broker limit: ProducerPerformance, acks=all, idempotent | records/s | record bytes | ingest share |");
                table.add("|---|---|---|---|");
                table.add(String.format("| same broker, same run | %.0f | %.0f | %.0f %% |", producerRate, recordBytes,
                        100 * result.acceptedPerSecond / producerRate));
            } finally {
                for (ServiceProcess service : List.of(ingest, claims, query)) {
                    service.close();
                }
            }
            String report = String.join("\n", table) + "\n";
            System.out.println("\n" + report);
            Files.writeString(OUT.resolve("load.md"), report);
        }
    }

    /** Offers {@code rate} articles per second for {@code duration}; latency from 202 to served. */
    static String latencyRun(HttpClient http, ServiceProcess ingest, EmbeddedPostgresServer postgres, int rate,
                             Duration duration) throws Exception {
        Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService senders = Executors.newFixedThreadPool(8);
        int total = (int) (rate * duration.toSeconds());
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        CountDownLatch sent = new CountDownLatch(total);
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            senders.submit(() -> {
                try {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    HttpResponse<String> response = post(http, ingest, article(ARTICLE.getAndIncrement()));
                    if (response.statusCode() == 202) {
                        acceptedAt.put(JSON.readTree(response.body()).path("id").asText(), System.nanoTime());
                    }
                } catch (Exception ignored) {
                    // counted as not sent
                } finally {
                    sent.countDown();
                }
                return null;
            });
        }
        // Watch the read model: an article's claims are queryable once it has a serving row.
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl("claimtrail"), postgres.username(), postgres.password());
             PreparedStatement served = db.prepareStatement("SELECT article_id FROM query.article_serving WHERE article_id = ANY (?)")) {
            long deadline = start + duration.toNanos() + Duration.ofSeconds(60).toNanos();
            while ((sent.getCount() > 0 || !acceptedAt.isEmpty()) && System.nanoTime() < deadline) {
                List<String> waiting = new ArrayList<>(acceptedAt.keySet());
                if (!waiting.isEmpty()) {
                    Array ids = db.createArrayOf("text", waiting.toArray());
                    served.setArray(1, ids);
                    try (ResultSet rows = served.executeQuery()) {
                        long now = System.nanoTime();
                        while (rows.next()) {
                            Long at = acceptedAt.remove(rows.getString(1));
                            if (at != null) {
                                latencies.add((now - at) / 1_000_000);
                            }
                        }
                    }
                }
                Thread.sleep(20);
            }
        }
        senders.shutdownNow();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return String.format("| %d articles/s for %d s | %d | %d | %d | %d | %d |", rate, duration.toSeconds(), total,
                sorted.size(), percentile(sorted, 50), percentile(sorted, 99), sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1));
    }

    record IngestResult(double acceptedPerSecond, double unavailablePerSecond, long p50, long p99) {
    }

    /** Closed loop: FEEDS feeds each push one article after another for INGEST_RUN. */
    static IngestResult ingestRun(HttpClient http, ServiceProcess ingest) throws Exception {
        AtomicLong accepted = new AtomicLong();
        AtomicLong unavailable = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService feeds = Executors.newFixedThreadPool(FEEDS);
        long end = System.nanoTime() + INGEST_RUN.toNanos();
        long start = System.nanoTime();
        for (int f = 0; f < FEEDS; f++) {
            feeds.submit(() -> {
                while (System.nanoTime() < end) {
                    long sentAt = System.nanoTime();
                    HttpResponse<String> response = post(http, ingest, article(ARTICLE.getAndIncrement()));
                    if (response.statusCode() == 202) {
                        accepted.incrementAndGet();
                        latencies.add((System.nanoTime() - sentAt) / 1_000_000);
                    } else if (response.statusCode() == 503) {
                        unavailable.incrementAndGet();
                    }
                }
                return null;
            });
        }
        feeds.shutdown();
        feeds.awaitTermination(INGEST_RUN.toSeconds() + 120, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new IngestResult(accepted.get() / seconds, unavailable.get() / seconds, percentile(sorted, 50), percentile(sorted, 99));
    }

    /** The mean size of the records ingest wrote (value plus headers), read back from the articles topic. */
    static double meanRecordBytes(String bootstrap) {
        long bytes = 0;
        long records = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLES).stream()
                    .map(info -> new TopicPartition(Topics.ARTICLES, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (records < 20_000) {
                var batch = consumer.poll(Duration.ofSeconds(2));
                if (batch.isEmpty()) {
                    break;
                }
                for (ConsumerRecord<String, String> record : batch) {
                    bytes += record.serializedValueSize() + Math.max(0, record.serializedKeySize());
                    for (Header header : record.headers()) {
                        bytes += header.key().length() + header.value().length;
                    }
                    records++;
                }
            }
        }
        return records == 0 ? 1000 : (double) bytes / records;
    }

    /** Runs kafka-tools' ProducerPerformance in this JVM and returns its records/s. */
    static double producerPerformance(String bootstrap, int recordSize) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ProducerPerformance.main(new String[] {
                    "--topic", "producer-performance", "--num-records", "300000", "--record-size", Integer.toString(recordSize),
                    "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all",
                    "enable.idempotence=true", "linger.ms=5"});
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        System.out.println(output);
        Matcher summary = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec").matcher(output);
        double rate = -1;
        while (summary.find()) {
            rate = Double.parseDouble(summary.group(2)); // the last line is the summary of the whole run
        }
        return rate;
    }

    static HttpResponse<String> post(HttpClient http, ServiceProcess ingest, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(ingest.url("/api/articles")))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A short wire story (~900 bytes) with two attributed statements. */
    static String article(int i) {
        String[] names = {"Amina Roshan", "Pavel Drozdov", "Lena Marsh", "Tomas Ibarra", "Keiko Mori", "Farid Qasemi"};
        String[] places = {"Kunduz", "Khorog", "Termez", "Osh", "Herat", "Kulob"};
        String name = names[i % names.length];
        ObjectNode body = JSON.createObjectNode()
                .put("externalId", "load-" + i)
                .put("outlet", "Load Wire")
                .put("publishedAt", "2025-05-" + String.format("%02d", 1 + i % 28))
                .put("text", name + ", a spokesperson for the provincial administration, said on Monday that " + (10 + i % 500)
                        + " families had been moved from villages near " + places[i % places.length] + " after the river rose. "
                        + "Relief agencies were sending tents, water and food to the camps outside the town, where schools "
                        + "were being used as shelters. \"We expect more people to arrive before the weekend,\" "
                        + name.split(" ")[1] + " told reporters. A police official, who asked not to be named, said roads "
                        + "to the north remained closed and that at least " + (2 + i % 40) + " bridges had been damaged. "
                        + "Local traders said prices of flour and fuel had doubled since the floods began.");
        return body.toString();
    }

    static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
