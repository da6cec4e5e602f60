package dev.claimtrail.ingest.articles;

import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.infra.embedded.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.claimtrail.events.EventCodec;
import io.quarkus.test.common.http.TestHTTPResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bad-input corpus: every file listed in {@code bad-inputs/cases.tsv} is pushed as it is (files
 * ending in {@code .gz} are unpacked first: they stand for bodies too big to keep in the repository
 * uncompressed) and must be refused with the listed 4xx as problem+json whose detail names the
 * problem, and publish nothing, checked on the real {@code articles} topic.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class BadInputCorpusTest {

    private static final String CORPUS = "/bad-inputs/";
    private static final int LARGE_BODY_BYTES = 1024 * 1024;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static ArticlesLog log;

    @BeforeAll
    static void openLog() {
        log = new ArticlesLog();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    static Stream<Arguments> corpus() {
        List<Arguments> cases = new ArrayList<>();
        try (BufferedReader manifest = new BufferedReader(new InputStreamReader(open("cases.tsv"), StandardCharsets.UTF_8))) {
            for (String row = manifest.readLine(); row != null; row = manifest.readLine()) {
                if (row.isBlank() || row.startsWith("#")) {
                    continue;
                }
                String[] columns = row.split("\t", -1);
                assertEquals(5, columns.length, "cases.tsv row: " + row);
                cases.add(Arguments.of(columns[0], columns[1], columns[2], Integer.parseInt(columns[3]), columns[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases.stream();
    }

    @Test
    void theCorpusHasAtLeastThirtyCases() {
        assertTrue(corpus().count() >= 30);
    }

    @TestHTTPResource("/api/articles")
    URI articles;

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("corpus")
    void isRefusedAsProblemAndPublishesNothing(String file, String contentType, String query, int status, String detail)
            throws Exception {
        Map<TopicPartition, Long> before = log.end();
        byte[] body = body(file);
        // The Content-Type goes exactly as listed (RestAssured would add a charset of its own).
        URI uri = query.isEmpty() ? articles : URI.create(articles + "?" + query);
        RawResponse response = body.length > LARGE_BODY_BYTES
                ? announceOnly(uri, contentType, body.length)
                : send(uri, contentType, body);

        assertProblem(response, status, detail);
        assertNothingPublishedSince(before);
    }

    /** Status, Content-Type and body of an answer. */
    private record RawResponse(int status, String contentType, String body) {
    }

    private static RawResponse send(URI uri, String contentType, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new RawResponse(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /**
     * Announces a body over the limit and waits for the answer before sending any of it, as a client
     * using {@code Expect: 100-continue} does: the server must refuse from the announced size alone.
     * (Sending megabytes the server will not read only races its connection close.)
     */
    private static RawResponse announceOnly(URI uri, String contentType, int length) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(15_000);
            String head = "POST " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + length + "\r\nExpect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = answer.indexOf("\r\n\r\n");
            assertTrue(headEnd > 0, "an HTTP answer: " + answer);
            String[] lines = answer.substring(0, headEnd).split("\r\n");
            String type = "";
            for (String line : lines) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    type = line.substring("content-type:".length()).strip();
                }
            }
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), type, answer.substring(headEnd + 4));
        }
    }

    private static void assertProblem(RawResponse response, int status, String detailFragment) throws IOException {
        String body = response.body();
        assertEquals(status, response.status(), body);
        assertTrue(response.contentType().startsWith("application/problem+json"), body);
        JsonNode problem = EventCodec.mapper().readTree(body);
        assertEquals(status, problem.path("status").asInt());
        assertTrue(problem.path("type").asText().startsWith("https://claimtrail.dev/problems/"), body);
        assertFalse(problem.path("title").asText().isBlank(), body);
        assertEquals("/api/articles", problem.path("instance").asText());
        String detail = problem.path("detail").asText();
        assertTrue(detail.contains(detailFragment), "detail: " + detail);
        for (String leak : List.of("Exception", "java.", "jackson", "\tat ", "dev.claimtrail", "root:")) {
            assertFalse(body.contains(leak), "no internals in the response: " + body);
        }
    }

    private static byte[] body(String file) {
        try (InputStream in = open(file)) {
            return file.endsWith(".gz") ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String file) {
        InputStream in = BadInputCorpusTest.class.getResourceAsStream(CORPUS + file);
        if (in == null) {
            throw new IllegalStateException("no corpus file " + file);
        }
        return in;
    }

    /**
     * Sends a good article and checks it is the only record appended since {@code before}. Every 202
     * waits for the broker's ack, so a record from the refused push would already be in the log.
     */
    private static void assertNothingPublishedSince(Map<TopicPartition, Long> before) {
        String url = "https://marker.example.org/" + UUID.randomUUID();
        String id = given().contentType("application/json").body("{\"url\":\"" + url + "\",\"text\":\"marker\"}")
                .when().post("/api/articles").then().statusCode(202).extract().path("id");
        List<ConsumerRecord<String, String>> appended = log.since(before);
        assertEquals(1, appended.size(), "only the marker was appended, got " + appended.size());
        assertEquals(id, appended.get(0).key());
    }
}
