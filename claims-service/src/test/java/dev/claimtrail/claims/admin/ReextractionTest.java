package dev.claimtrail.claims.admin;

import dev.claimtrail.events.ArticleEvent;
import dev.claimtrail.events.ArticleProcessed;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.events.Event;
import dev.claimtrail.events.EventDecodingException;
import dev.claimtrail.events.Ids;
import dev.claimtrail.infra.embedded.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Re-extraction as {@code ./claimtrail reextract --version 1.0.0+<label>} runs it: the same code under a
 * labelled version, in the consumer group of that version, reading the articles log from the start.
 * Every article in the log gets exactly one ArticleProcessed of the new version, and running it again
 * over the whole log records exactly the same claim ids.
 */
@QuarkusTest
@TestProfile(ReextractionTest.Relabelled.class)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class ReextractionTest {

    static final String VERSION = "1.0.0+reextract-test";

    public static class Relabelled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("claimtrail.extraction.version", VERSION);
        }
    }

    @Inject
    KafkaClientService clients;

    @Test
    void aLabelledVersionReextractsEveryArticleDeterministically() {
        for (String text : List.of(
                "Colonel Dana Reyes, a spokeswoman for the border guard, said on Monday that 300 fighters had crossed the river.",
                "The ministry said in a statement that 40 schools would close. Officials denied that teachers were on strike.",
                "\"We will rebuild the bridge,\" the mayor told reporters, adding that work would start in May.")) {
            TestLog.publish(TestLog.article(text));
        }
        Set<String> revisions = articleRevisionsInLog();
        assertTrue(revisions.size() >= 3);

        Map<String, Set<String>> firstRun = awaitRun(revisions, 1);
        assertEquals(revisions, firstRun.keySet(), "every article revision in the log processed by " + VERSION);

        // Run it again over the whole log: rewind this version's consumer to the start of the articles log.
        KafkaConsumer<String, String> consumer = clients.getConsumer("articles-in");
        Set<TopicPartition> assigned = consumer.getAssignments().await().atMost(Duration.ofSeconds(30));
        assertFalse(assigned.isEmpty());
        consumer.seekToBeginning(assigned).await().atMost(Duration.ofSeconds(30));
        Map<String, Set<String>> secondRun = awaitRun(revisions, 2);

        assertEquals(firstRun, secondRun, "the same claim ids, article by article");
        int claims = firstRun.values().stream().mapToInt(Set::size).sum();
        assertTrue(claims >= 3, "the test articles hold claims; found " + claims);
    }

    /** The relabelled claims carry their own version, and ids that cannot collide with the unlabelled run's. */
    @Test
    void claimsCarryTheLabelledVersionAndIdsDerivedFromIt() {
        ArticleSnapshot article = TestLog.article("The governor said on Tuesday that the dam was safe.");
        TestLog.publish(article);
        TestLog.await("claims", r -> article.id().equals(r.key()) && ArticleProcessed.TYPE.equals(TestLog.header(r, "ce_type")),
                1, Duration.ofSeconds(120));
        // The first run's events: up to and including its ArticleProcessed (the other test may rewind the log).
        List<Event> all = TestLog.readAll("claims").stream().filter(r -> article.id().equals(r.key())).map(TestLog::decode).toList();
        int close = 0;
        while (!(all.get(close) instanceof ArticleProcessed)) {
            close++;
        }
        List<Event> events = all.subList(0, close + 1);
        List<ClaimRecorded> claims = events.stream().filter(e -> e instanceof ClaimRecorded).map(e -> (ClaimRecorded) e).toList();
        assertFalse(claims.isEmpty(), events.toString());
        for (ClaimRecorded recorded : claims) {
            var claim = recorded.claim();
            assertEquals(VERSION, claim.extractor().version());
            var mention = claim.source().mention();
            int mentionStart = mention == null ? -1 : mention.start();
            int mentionEnd = mention == null ? -1 : mention.end();
            assertEquals(Ids.claimId(article.id(), 1, VERSION, mentionStart, mentionEnd, claim.cue().start(), claim.cue().end(),
                    claim.content().start(), claim.content().end()), claim.id());
            assertFalse(claim.id().equals(Ids.claimId(article.id(), 1, "1.0.0", mentionStart, mentionEnd, claim.cue().start(),
                    claim.cue().end(), claim.content().start(), claim.content().end())));
        }
        ArticleProcessed processed = (ArticleProcessed) events.get(events.size() - 1);
        assertEquals(VERSION, processed.extractor().version());
        assertEquals(Ids.processedEventId(article.id(), 1, VERSION), processed.eventId());
    }

    /** Every valid article event in the log now, as {@code articleId#revision}. */
    private static Set<String> articleRevisionsInLog() {
        Set<String> revisions = new TreeSet<>();
        for (ConsumerRecord<String, String> record : TestLog.readAll("articles")) {
            try {
                if (TestLog.decode(record) instanceof ArticleEvent article) {
                    revisions.add(article.article().id() + "#" + article.article().revision());
                }
            } catch (EventDecodingException e) {
                // poison records of other tests: dead-lettered, not articles
            }
        }
        return revisions;
    }

    /**
     * Waits until every revision has {@code runs} ArticleProcessed of {@link #VERSION} and returns the
     * claim ids of the given run (1 or 2) per revision. Claims are attributed to a run by the
     * ArticleProcessed that closes them.
     */
    private static Map<String, Set<String>> awaitRun(Set<String> revisions, int run) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Integer> closed = new HashMap<>();
            Map<String, Set<String>> idsOfRun = new HashMap<>();
            Map<String, Set<String>> open = new HashMap<>();
            for (ConsumerRecord<String, String> record : TestLog.readAll("claims")) {
                Event event = TestLog.decode(record);
                if (event instanceof ClaimRecorded c && VERSION.equals(c.claim().extractor().version())) {
                    open.computeIfAbsent(key(c.claim().article().id(), c.claim().article().revision()), k -> new HashSet<>())
                            .add(c.claim().id());
                } else if (event instanceof ArticleProcessed p && VERSION.equals(p.extractor().version())) {
                    String key = key(p.articleId(), p.articleRevision());
                    int n = closed.merge(key, 1, Integer::sum);
                    Set<String> ids = open.remove(key);
                    if (n == run) {
                        idsOfRun.put(key, ids == null ? Set.of() : ids);
                        assertEquals(p.claimCount(), ids == null ? 0 : ids.size(), "claim count of " + key);
                    }
                }
            }
            if (idsOfRun.keySet().containsAll(revisions)) {
                for (String revision : revisions) {
                    assertEquals(run, closed.get(revision), "one ArticleProcessed per revision and run: " + revision);
                }
                idsOfRun.keySet().retainAll(revisions);
                return idsOfRun;
            }
            TestLog.sleep(1000);
        }
        fail("run " + run + " of " + VERSION + " did not process every article within 5 minutes");
        return Map.of();
    }

    private static String key(String articleId, int revision) {
        return articleId + "#" + revision;
    }
}
