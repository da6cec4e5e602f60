package dev.claimtrail.query.support;

import dev.claimtrail.events.ArticleIngested;
import dev.claimtrail.events.ArticleProcessed;
import dev.claimtrail.events.ArticleRevised;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.events.Ids;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds events as ingest-service and claims-service publish them. Spans are looked up in the
 * article text, so tests never carry hand-counted offsets.
 */
public final class TestEvents {

    public static final String EXTRACTOR = "claimtrail-attribution";

    private TestEvents() {
    }

    /** A fresh external id, so that every test sees only its own articles in the shared database. */
    public static String uniqueExternalId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public static ArticleSnapshot article(String externalId, int revision, String publishedAt, String text) {
        return article(externalId, revision, publishedAt, text, "Example Outlet");
    }

    public static ArticleSnapshot article(String externalId, int revision, String publishedAt, String text,
                                          String outlet) {
        return new ArticleSnapshot(Ids.articleId("external:" + externalId), revision, externalId,
                "https://news.example/" + externalId, "Report " + externalId, outlet, publishedAt, "en",
                text, Ids.sha256Hex(text));
    }

    public static ArticleIngested ingested(ArticleSnapshot article) {
        return new ArticleIngested(ArticleIngested.SCHEMA_VERSION, Ids.articleEventId(article.id(), article.revision()),
                Instant.parse("2024-02-14T10:00:00Z"), article);
    }

    public static ArticleRevised revised(ArticleSnapshot article, ArticleSnapshot previous) {
        return new ArticleRevised(ArticleRevised.SCHEMA_VERSION, Ids.articleEventId(article.id(), article.revision()),
                Instant.parse("2024-02-15T10:00:00Z"), article, previous.contentHash());
    }

    public static ArticleProcessed processed(ArticleSnapshot article, String version, int claimCount, String outcome) {
        return new ArticleProcessed(ArticleProcessed.SCHEMA_VERSION,
                Ids.processedEventId(article.id(), article.revision(), version), Instant.now(), article.id(),
                article.revision(), new Claim.Extractor(EXTRACTOR, version), claimCount, outcome,
                ArticleProcessed.EXTRACTED.equals(outcome) ? null : "test: " + outcome);
    }

    public static ClaimBuilder claim(ArticleSnapshot article, String version) {
        return new ClaimBuilder(article, version);
    }

    /** One claim in one article revision; every span is found in the article text. */
    public static final class ClaimBuilder {
        private final ArticleSnapshot article;
        private final String version;
        private String sourceName;
        private String sourceType = Claim.Source.PERSON;
        private String mention;
        private String cue;
        private String cueLemma;
        private String content;
        private String stance = Claim.ASSERTS;
        private Claim.ClaimedAt claimedAt;
        private String organisation;
        private final List<Claim.Location> locations = new ArrayList<>();
        private final List<Claim.Subject> subjects = new ArrayList<>();
        private final List<Claim.Quantity> quantities = new ArrayList<>();

        private ClaimBuilder(ArticleSnapshot article, String version) {
            this.article = article;
            this.version = version;
        }

        public ClaimBuilder source(String name, String type, String mention) {
            this.sourceName = name;
            this.sourceType = type;
            this.mention = mention;
            return this;
        }

        public ClaimBuilder cue(String text, String lemma) {
            this.cue = text;
            this.cueLemma = lemma;
            return this;
        }

        public ClaimBuilder content(String text) {
            this.content = text;
            return this;
        }

        /** The organisation the source speaks for, as the text gives it. */
        public ClaimBuilder organisation(String organisation) {
            this.organisation = organisation;
            return this;
        }

        public ClaimBuilder location(String name) {
            locations.add(new Claim.Location(name, null, null));
            return this;
        }

        public ClaimBuilder denies() {
            this.stance = Claim.DENIES;
            return this;
        }

        public ClaimBuilder subject(String id, String alias) {
            subjects.add(new Claim.Subject(id, alias));
            return this;
        }

        public ClaimBuilder quantity(long value, String qualifier, String unit, String of) {
            quantities.add(new Claim.Quantity(BigDecimal.valueOf(value), null, qualifier, unit, of, null));
            return this;
        }

        public ClaimBuilder claimedAt(String value, String precision) {
            this.claimedAt = new Claim.ClaimedAt(value, precision);
            return this;
        }

        public Claim build() {
            Claim.Span mentionSpan = span(mention);
            Claim.Span cueSpan = span(cue);
            Claim.Span contentSpan = span(content);
            String id = Ids.claimId(article.id(), article.revision(), version, mentionSpan.start(), mentionSpan.end(),
                    cueSpan.start(), cueSpan.end(), contentSpan.start(), contentSpan.end());
            int previousStop = article.text().lastIndexOf(". ", contentSpan.start());
            int sentenceStart = previousStop < 0 ? 0 : previousStop + 2;
            int sentenceEnd = article.text().indexOf('.', contentSpan.end());
            sentenceEnd = sentenceEnd < 0 ? article.text().length() : sentenceEnd + 1;
            Claim.Span evidence = new Claim.Span(article.text().substring(sentenceStart, sentenceEnd),
                    sentenceStart, sentenceEnd);
            return new Claim(id, Claim.ATTRIBUTED,
                    new Claim.ArticleRef(article.id(), article.revision(), article.externalId(), article.outlet(),
                            article.url(), article.publishedAt()),
                    new Claim.Extractor(EXTRACTOR, version),
                    new Claim.Source(sourceName, sourceType, null, organisation, mentionSpan),
                    new Claim.Cue(cueSpan.text(), cueLemma, cueSpan.start(), cueSpan.end()),
                    stance, false, contentSpan, evidence, subjects, quantities, locations, claimedAt, List.of());
        }

        public ClaimRecorded recorded() {
            Claim claim = build();
            return new ClaimRecorded(ClaimRecorded.SCHEMA_VERSION, claim.id(), Instant.now(), claim);
        }

        private Claim.Span span(String text) {
            int start = article.text().indexOf(text);
            if (start < 0) {
                throw new IllegalArgumentException("'" + text + "' is not in the article text");
            }
            return new Claim.Span(text, start, start + text.length());
        }
    }
}
