package dev.claimtrail.claims.recording;

import dev.claimtrail.claims.extraction.ClaimExtractor;
import dev.claimtrail.events.ArticleIngested;
import dev.claimtrail.events.ArticleProcessed;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.events.Ids;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recording rules, with the extractor replaced by a function: pure logic, no Kafka. */
class ClaimRecordingServiceTest {

    static final Claim.Extractor V1 = new Claim.Extractor("test-extractor", "1.2.0");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);
    static final String TEXT = "The ministry said 40 people were hurt. It also said the road was closed.";
    static final ArticleSnapshot ARTICLE = new ArticleSnapshot(Ids.articleId("ext:a"), 2, "a", null, null, null,
            null, "en", TEXT, Ids.sha256Hex(TEXT));

    @Test
    void everyClaimIsRecordedThenOneProcessedMarkerClosesTheRevision() {
        ClaimRecordingService service = service(article -> List.of(claim(article, 18, 37), claim(article, 52, 71)));
        ClaimRecordingService.Recording recording = service.record(ingested());

        assertEquals(3, recording.events().size());
        assertInstanceOf(ClaimRecorded.class, recording.events().get(0));
        assertInstanceOf(ClaimRecorded.class, recording.events().get(1));
        ArticleProcessed processed = assertInstanceOf(ArticleProcessed.class, recording.events().get(2));
        assertEquals(2, processed.claimCount());
        assertEquals(ArticleProcessed.EXTRACTED, processed.outcome());
        assertEquals(2, processed.articleRevision());
        assertEquals(Ids.processedEventId(ARTICLE.id(), 2, "1.2.0"), processed.eventId());
        ClaimRecorded first = (ClaimRecorded) recording.events().get(0);
        assertEquals(first.claim().id(), first.eventId(), "the event id is the deterministic claim id");
        assertNull(recording.deadLetterReason());
    }

    @Test
    void anArticleWithoutClaimsStillGetsItsProcessedMarkerWithTheReason() {
        ClaimRecordingService.Recording recording = service(article -> List.of()).record(ingested());
        ArticleProcessed processed = assertInstanceOf(ArticleProcessed.class, recording.events().get(0));
        assertEquals(1, recording.events().size());
        assertEquals(ArticleProcessed.NO_CLAIMS, processed.outcome());
        assertEquals(0, processed.claimCount());
        assertTrue(processed.reason() != null && !processed.reason().isBlank());
    }

    @Test
    void anExtractorFailureIsAccountedForAndDeadLetteredInsteadOfStoppingTheStream() {
        ClaimRecordingService.Recording recording = service(article -> {
            throw new IllegalStateException("parser exploded");
        }).record(ingested());
        ArticleProcessed processed = assertInstanceOf(ArticleProcessed.class, recording.events().get(0));
        assertEquals(1, recording.events().size());
        assertEquals(ArticleProcessed.FAILED, processed.outcome());
        assertTrue(processed.reason().contains("parser exploded"), processed.reason());
        assertTrue(recording.deadLetterReason().contains("parser exploded"));
    }

    @Test
    void recordingTheSameRevisionTwiceGivesTheSameIds() {
        ClaimRecordingService service = service(article -> List.of(claim(article, 18, 37)));
        List<String> first = service.record(ingested()).events().stream().map(e -> e.eventId()).toList();
        List<String> second = service.record(ingested()).events().stream().map(e -> e.eventId()).toList();
        assertEquals(first, second);
    }

    private static ArticleIngested ingested() {
        return new ArticleIngested(1, Ids.articleEventId(ARTICLE.id(), 2), CLOCK.instant(), ARTICLE);
    }

    private static ClaimRecordingService service(Function<ArticleSnapshot, List<Claim>> extract) {
        return new ClaimRecordingService(new ClaimExtractor() {
            @Override
            public Claim.Extractor descriptor() {
                return V1;
            }

            @Override
            public List<Claim> extract(ArticleSnapshot article) {
                return extract.apply(article);
            }
        }, CLOCK);
    }

    private static Claim claim(ArticleSnapshot article, int start, int end) {
        String id = Ids.claimId(article.id(), article.revision(), V1.version(), 0, 12, 13, 17, start, end);
        return new Claim(id, Claim.ATTRIBUTED,
                new Claim.ArticleRef(article.id(), article.revision(), article.externalId(), null, null, null), V1,
                new Claim.Source("ministry", Claim.Source.ORGANISATION, null, null, new Claim.Span("The ministry", 0, 12)),
                new Claim.Cue("said", "say", 13, 17), Claim.ASSERTS, false,
                new Claim.Span(article.text().substring(start, end), start, end), null,
                null, null, null, null, null);
    }
}
