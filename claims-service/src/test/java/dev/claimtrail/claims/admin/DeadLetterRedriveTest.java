package dev.claimtrail.claims.admin;

import dev.claimtrail.claims.infra.ExtractorProducer;
import dev.claimtrail.claims.infra.FaultInjectingExtractor;
import dev.claimtrail.events.ArticleProcessed;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.events.Event;
import dev.claimtrail.infra.embedded.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A poison article (the extractor fails on it) lands in {@code articles.dlq} with its reason and the
 * failed consumer group, is closed by a {@code failed} ArticleProcessed, and after the fix a redrive
 * re-extracts it: claims and an ArticleProcessed with the same event id, a marker that settles the
 * letter, and a second redrive that changes nothing.
 */
@QuarkusTest
@TestProfile(DeadLetterRedriveTest.FaultInjection.class)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class DeadLetterRedriveTest {

    static final String GROUP = "claims-extractor-1.0.0";

    public static class FaultInjection implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FaultInjectingExtractor.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // The alternative builds the pipeline itself; the producer would load a second one.
            return Map.of("quarkus.arc.exclude-types", ExtractorProducer.class.getName());
        }
    }

    @Test
    void aPoisonArticleIsDeadLetteredWithItsReasonAndProcessedAfterRedrive() {
        String marker = "fault-" + UUID.randomUUID();
        FaultInjectingExtractor.failOn(marker);
        ArticleSnapshot article = TestLog.article("The mayor said on Monday that the bridge would reopen in May. " + marker);
        TestLog.publish(article);

        ConsumerRecord<String, String> letter = TestLog.await("articles.dlq",
                r -> article.id().equals(r.key()) && TestLog.header(r, DeadLetterLog.REDRIVEN) == null, 1,
                Duration.ofSeconds(90)).get(0);
        String reason = TestLog.header(letter, "dead-letter-reason");
        assertTrue(reason.contains("extractor failed") && reason.contains("injected fault"), reason);
        assertEquals(GROUP, TestLog.header(letter, DeadLetterLog.CONSUMER_GROUP));
        assertEquals("articles", TestLog.header(letter, "dead-letter-topic"));
        List<Event> before = eventsOf(article.id());
        ArticleProcessed failed = (ArticleProcessed) before.get(before.size() - 1);
        assertEquals(ArticleProcessed.FAILED, failed.outcome(), "the failure closes the revision");
        String id = "articles.dlq-" + letter.partition() + "-" + letter.offset();

        // Before the fix: refused with the reason, nothing written, still pending.
        Response stillFailing = redrive(id);
        assertEquals(422, stillFailing.statusCode(), stillFailing.asString());
        assertTrue(stillFailing.contentType().startsWith("application/problem+json"));
        assertTrue(stillFailing.jsonPath().getString("detail").contains("injected fault"));
        assertEquals(before.size(), eventsOf(article.id()).size());

        FaultInjectingExtractor.fix(marker);
        Response redriven = redrive(id);
        assertEquals(200, redriven.statusCode(), redriven.asString());
        assertEquals("redriven", redriven.jsonPath().getString("status"));
        assertEquals(ArticleProcessed.EXTRACTED, redriven.jsonPath().getString("outcome"));

        List<Event> after = eventsOf(article.id());
        List<Event> added = after.subList(before.size(), after.size());
        ArticleProcessed processed = (ArticleProcessed) added.get(added.size() - 1);
        assertEquals(ArticleProcessed.EXTRACTED, processed.outcome());
        assertEquals(failed.eventId(), processed.eventId(), "the redriven run closes the same revision and version");
        List<ClaimRecorded> claims = added.stream().filter(e -> e instanceof ClaimRecorded).map(e -> (ClaimRecorded) e).toList();
        assertEquals(processed.claimCount(), claims.size());
        assertTrue(claims.stream().anyMatch(c -> c.claim().content().text().contains("bridge would reopen")), claims.toString());
        assertEquals(1, TestLog.readAll("articles.dlq").stream()
                .filter(r -> id.equals(TestLog.header(r, DeadLetterLog.REDRIVEN))).count(), "one marker settles the letter");

        Response again = redrive(id);
        assertEquals(200, again.statusCode(), again.asString());
        assertEquals("already-redriven", again.jsonPath().getString("status"));
        assertEquals(after.size(), eventsOf(article.id()).size(), "a second redrive writes nothing");
    }

    @Test
    void lettersOfOtherGroupsOrTopicsAndUnknownIdsAreRefused() {
        ArticleSnapshot article = TestLog.article("The minister said the school would close.");
        ProducerRecord<String, String> foreign = new ProducerRecord<>("articles.dlq", article.id(), "{}");
        foreign.headers().add("dead-letter-consumer-group", "claims-extractor-9.9.9".getBytes(StandardCharsets.UTF_8));
        foreign.headers().add("dead-letter-reason", "test".getBytes(StandardCharsets.UTF_8));
        TestLog.send(foreign);
        ConsumerRecord<String, String> letter = TestLog.await("articles.dlq", r -> article.id().equals(r.key()), 1,
                Duration.ofSeconds(30)).get(0);

        Response otherGroup = redrive("articles.dlq-" + letter.partition() + "-" + letter.offset());
        assertEquals(409, otherGroup.statusCode(), otherGroup.asString());
        assertTrue(otherGroup.jsonPath().getString("detail").contains("claims-extractor-9.9.9"));
        assertEquals(409, redrive("claims.dlq-0-0").statusCode(), "claims dead letters are query-service's");
        assertEquals(404, redrive("articles.dlq-0-999999999").statusCode());
        Response malformed = redrive("nonsense");
        assertEquals(400, malformed.statusCode());
        assertFalse(malformed.asString().contains("Exception"), "no class names in problems");
    }

    private static Response redrive(String id) {
        return given().post("/api/admin/dead-letters/" + id + "/redrive");
    }

    private static List<Event> eventsOf(String articleId) {
        return TestLog.readAll("claims").stream().filter(r -> articleId.equals(r.key())).map(TestLog::decode).toList();
    }
}
