package dev.claimtrail.query.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimtrail.events.ArticleProcessed;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.events.Event;
import dev.claimtrail.events.Topics;
import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.infra.embedded.PostgresTestResource;
import dev.claimtrail.query.served.ServedClaimsProjection;
import dev.claimtrail.query.support.Await;
import dev.claimtrail.query.support.EventProducer;
import dev.claimtrail.query.support.TestEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live stream on the real broker and database: claims published to Kafka reach a connected client
 * once projected; a client that was away gets exactly what it missed on reconnecting with
 * Last-Event-ID, then follows live; ids it cannot resume from get a reset.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/stream")
    URL stream;

    @Inject
    LiveStream live;

    @Inject
    ServedClaimsProjection servedClaims;

    private final String subject = "LIVE-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    @Order(1)
    void aClientGetsNewClaimsLiveAndExactlyWhatItMissedAfterReconnecting() throws Exception {
        List<SseClient.Event> first;
        ClaimRecorded a1;
        ClaimRecorded a2;
        try (SseClient client = SseClient.connect(uri("?subject=" + subject), null)) {
            assertEquals(200, client.response.statusCode());
            assertTrue(client.response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            assertEquals("no-cache", client.response.headers().firstValue("Cache-Control").orElse(null));
            assertEquals("no", client.response.headers().firstValue("X-Accel-Buffering").orElse(null));
            assertTrue(client.next(WAIT).comment(), "the stream opens with a comment");

            ArticleSnapshot a = article("a", "2024-05-02", "General Tomas Vell said the Ridge Brigade had 400 "
                    + "fighters in the pass. Mayor Ilse Varga said the Ridge Brigade had left the valley.", "Dawn Wire");
            a1 = claim(a, "Tomas Vell", "General Tomas Vell", "the Ridge Brigade had 400 fighters in the pass");
            a2 = claim(a, "Ilse Varga", "Mayor Ilse Varga", "the Ridge Brigade had left the valley");
            publish(a, a1, a2);
            first = untilClaims(client, a1, a2);
        }
        assertEquals(sorted(a1.eventId(), a2.eventId()), claimIds(first));
        assertIncreasing(first);
        JsonNode shown = JSON.readTree(first.get(0).data());
        assertEquals("Dawn Wire", shown.at("/article/outlet").asText(), "a claim event is the claim as the API serves it");
        assertEquals(subject, shown.at("/subjects/0/id").asText());
        String lastSeen = first.get(first.size() - 1).id();

        // Away: a co-report of Vell's statement (a story forms) and an unrelated claim.
        ArticleSnapshot b = article("b", "2024-05-03", "Tomas Vell said on Friday that the Ridge Brigade had "
                + "400 fighters in the pass.", "Evening Courier");
        ClaimRecorded b1 = claim(b, "Tomas Vell", "Tomas Vell", "the Ridge Brigade had 400 fighters in the pass");
        publish(b, b1);
        ArticleSnapshot c = article("c", "2024-05-20", "Colonel Aru Senn said the Ridge Brigade was recruiting "
                + "in the north.", "Dawn Wire");
        ClaimRecorded c1 = claim(c, "Aru Senn", "Colonel Aru Senn", "the Ridge Brigade was recruiting in the north");
        publish(c, c1);
        String storyId = sorted(a1.eventId(), b1.eventId()).get(0);
        Await.projection().until(() -> storyId.equals(given().queryParam("articleId", b.id()).get("/api/claims")
                .path("items[0].storyId")));

        try (SseClient client = SseClient.connect(uri("?subject=" + subject), lastSeen)) {
            List<SseClient.Event> missed = client.until(e -> c1.eventId().equals(refOf(e)), WAIT);
            assertEquals(sorted(b1.eventId(), c1.eventId()), claimIds(missed), "exactly the claims it missed");
            List<SseClient.Event> stories = missed.stream().filter(e -> "story".equals(e.name())).toList();
            assertEquals(1, stories.size(), missed.toString());
            JsonNode story = JSON.readTree(stories.get(0).data());
            assertEquals(storyId, story.get("id").asText());
            assertEquals("new", story.get("change").asText());
            assertEquals(List.of(a1.eventId(), b1.eventId()).stream().sorted().toList(),
                    JSON.convertValue(story.get("members"), List.class));
            assertTrue(Long.parseLong(missed.get(0).id()) > Long.parseLong(lastSeen));
            assertIncreasing(missed);
            assertNull(client.nextEvent(Duration.ofSeconds(3)), "nothing twice, nothing more");

            // ... and then follows live on the same connection
            ArticleSnapshot d = article("d", "2024-05-21", "Mayor Ilse Varga said the Ridge Brigade had "
                    + "seized the old mill.", "Evening Courier");
            ClaimRecorded d1 = claim(d, "Ilse Varga", "Mayor Ilse Varga", "the Ridge Brigade had seized the old mill");
            publish(d, d1);
            List<SseClient.Event> live = client.until(e -> d1.eventId().equals(refOf(e)), WAIT);
            assertEquals(List.of(d1.eventId()), claimIds(live));
        }

        // ?since= does the same as the header, for clients that cannot set it
        try (SseClient client = SseClient.connect(uri("?kind=claim&subject=" + subject + "&since=" + first.get(0).id()), null)) {
            List<SseClient.Event> resumed = client.until(e -> c1.eventId().equals(refOf(e)), WAIT);
            List<String> expected = sorted(a1.eventId(), a2.eventId(), b1.eventId(), c1.eventId());
            expected.remove(refOf(first.get(0)));
            assertEquals(expected, claimIds(resumed));
            assertTrue(resumed.stream().allMatch(e -> "claim".equals(e.name())), "kind=claim leaves stories out");
        }
    }

    @Test
    @Order(2)
    void rebuildingTheViewsAnnouncesNothing() {
        long before = live.head();
        servedClaims.rebuild(Comparator.naturalOrder());
        assertEquals(before, live.head());
    }

    @Test
    @Order(3)
    void quietStreamsGetHeartbeats() throws Exception {
        try (SseClient client = SseClient.connect(uri("?subject=nobody-" + subject), null)) {
            assertTrue(client.next(WAIT).comment());
            SseClient.Event beat = client.next(Duration.ofSeconds(10));
            assertNotNull(beat, "a heartbeat within the configured interval");
            assertTrue(beat.comment());
            assertEquals("keep-alive", beat.data());
        }
    }

    @Test
    @Order(4)
    void anIdTheStreamCannotResumeFromGetsAReset() throws Exception {
        long head = live.head();
        try (SseClient client = SseClient.connect(uri(""), Long.toString(head + 1_000_000))) {
            SseClient.Event reset = client.nextEvent(WAIT);
            assertEquals("reset", reset.name());
            assertEquals("unknown", JSON.readTree(reset.data()).get("reason").asText());
            assertEquals(Long.toString(head), reset.id(), "the client continues from now");
        }
        // Everything older than the retention goes (all of it, with a retention of zero) except the newest.
        assertTrue(head > 1);
        live.purge(0);
        assertEquals(head, live.head());
        try (SseClient client = SseClient.connect(uri(""), "0")) { // from the very start: purged
            SseClient.Event reset = client.nextEvent(WAIT);
            assertEquals("reset", reset.name());
            assertEquals("expired", JSON.readTree(reset.data()).get("reason").asText());
        }
        // the newest id still resumes: nothing is missing after it
        try (SseClient client = SseClient.connect(uri(""), Long.toString(head))) {
            assertTrue(client.next(WAIT).comment());
            assertNull(client.nextEvent(Duration.ofSeconds(2)));
        }
        given().header("Last-Event-ID", "yesterday").get("/api/stream").then().statusCode(400)
                .body("type", equalTo("/problems/invalid-parameter"));
        given().queryParam("kind", "article").get("/api/stream").then().statusCode(400);
    }

    private URI uri(String query) throws Exception {
        return URI.create(stream.toString() + query);
    }

    private ArticleSnapshot article(String name, String published, String text, String outlet) {
        return TestEvents.article(TestEvents.uniqueExternalId("live-" + name), 1, published, text, outlet);
    }

    private ClaimRecorded claim(ArticleSnapshot article, String source, String mention, String content) {
        return TestEvents.claim(article, "1.0").source(source, Claim.Source.PERSON, mention).cue("said", "say")
                .content(content).subject(subject, "Ridge Brigade").recorded();
    }

    private static void publish(ArticleSnapshot article, ClaimRecorded... claims) {
        try (EventProducer producer = EventProducer.connect()) {
            producer.publish(Topics.ARTICLES, TestEvents.ingested(article));
            List<Event> events = new ArrayList<>(List.of(claims));
            events.add(TestEvents.processed(article, "1.0", claims.length, ArticleProcessed.EXTRACTED));
            producer.publishInTransaction(Topics.CLAIMS, events.toArray(new Event[0]));
        }
    }

    private static String refOf(SseClient.Event e) {
        if (!"claim".equals(e.name())) {
            return null;
        }
        try {
            return JSON.readTree(e.data()).get("id").asText();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static List<String> claimIds(List<SseClient.Event> events) {
        return events.stream().map(LiveStreamTest::refOf).filter(java.util.Objects::nonNull).sorted().toList();
    }

    /** Events until every one of the claims has come. */
    private static List<SseClient.Event> untilClaims(SseClient client, ClaimRecorded... claims) throws InterruptedException {
        Set<String> wanted = new TreeSet<>();
        for (ClaimRecorded c : claims) {
            wanted.add(c.eventId());
        }
        List<SseClient.Event> out = new ArrayList<>();
        while (!out.stream().map(LiveStreamTest::refOf).collect(Collectors.toSet()).containsAll(wanted)) {
            out.addAll(client.until(e -> "claim".equals(e.name()), WAIT));
        }
        return out;
    }

    private static List<String> sorted(String... ids) {
        return new ArrayList<>(new TreeSet<>(List.of(ids)));
    }

    private static void assertIncreasing(List<SseClient.Event> events) {
        List<Long> ids = events.stream().map(e -> Long.parseLong(e.id())).toList();
        assertEquals(ids.stream().sorted().distinct().collect(Collectors.toList()), ids, "ids only go up");
    }
}
