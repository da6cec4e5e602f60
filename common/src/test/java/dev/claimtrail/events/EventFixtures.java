package dev.claimtrail.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One fully populated instance of every event type: what the snapshot tests pin down. */
final class EventFixtures {

    static final String ARTICLE_ID = Ids.articleId("url:https://example.org/news/border-briefing");
    static final String TEXT = "Colonel Dana Reyes said on Monday that “up to 300 fighters” had crossed.";

    private EventFixtures() {
    }

    static ArticleSnapshot snapshot(int revision) {
        return new ArticleSnapshot(ARTICLE_ID, revision, "feed-42", "https://example.org/news/border-briefing",
                "Border briefing", "Example Times", "2024-03-04", "en", TEXT, Ids.sha256Hex(TEXT));
    }

    static ArticleIngested articleIngested() {
        return new ArticleIngested(ArticleIngested.SCHEMA_VERSION, Ids.articleEventId(ARTICLE_ID, 1),
                Instant.parse("2024-03-04T10:15:30Z"), snapshot(1));
    }

    static ArticleRevised articleRevised() {
        return new ArticleRevised(ArticleRevised.SCHEMA_VERSION, Ids.articleEventId(ARTICLE_ID, 2),
                Instant.parse("2024-03-04T11:00:00Z"), snapshot(2), Ids.sha256Hex("an earlier text"));
    }

    static Claim claim() {
        Claim.Extractor extractor = new Claim.Extractor("claimtrail-corenlp", "1.0.0");
        int content = TEXT.indexOf("up to");
        int contentEnd = content + "up to 300 fighters".length();
        String id = Ids.claimId(ARTICLE_ID, 1, extractor.version(), 0, 18, 19, 23, content, contentEnd);
        return new Claim(id, Claim.ATTRIBUTED,
                new Claim.ArticleRef(ARTICLE_ID, 1, "feed-42", "Example Times", "https://example.org/news/border-briefing", "2024-03-04"),
                extractor,
                new Claim.Source("Dana Reyes", Claim.Source.PERSON, "Colonel", null, new Claim.Span("Colonel Dana Reyes", 0, 18)),
                new Claim.Cue("said", "say", 19, 23),
                Claim.ASSERTS, true,
                new Claim.Span("up to 300 fighters", content, contentEnd),
                new Claim.Span(TEXT, 0, TEXT.length()),
                List.of(new Claim.Subject("ISKP", "IS-K")),
                List.of(new Claim.Quantity(new BigDecimal("300"), null, "up to", "fighters", "ISKP", "up to 300 fighters")),
                List.of(new Claim.Location("Badakhshan", null, null)),
                new Claim.ClaimedAt("2024-03-04", Claim.ClaimedAt.DAY),
                List.of("Example Wire"));
    }

    static ClaimRecorded claimRecorded() {
        Claim claim = claim();
        return new ClaimRecorded(ClaimRecorded.SCHEMA_VERSION, claim.id(), Instant.parse("2024-03-04T10:15:31Z"), claim);
    }

    static ArticleProcessed articleProcessed() {
        return new ArticleProcessed(ArticleProcessed.SCHEMA_VERSION, Ids.processedEventId(ARTICLE_ID, 1, "1.0.0"),
                Instant.parse("2024-03-04T10:15:31Z"), ARTICLE_ID, 1, new Claim.Extractor("claimtrail-corenlp", "1.0.0"),
                1, ArticleProcessed.EXTRACTED, null);
    }

    static List<Event> all() {
        return List.of(articleIngested(), articleRevised(), claimRecorded(), articleProcessed());
    }
}
