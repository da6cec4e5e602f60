package dev.claimtrail.claims.infra;

import dev.claimtrail.claims.extraction.ClaimExtractor;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.Ids;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same code under a version label: which versions are accepted, and what a relabelled claim is. */
class RelabelledExtractorTest {

    static final String TEXT = "The mayor said the bridge would reopen in May.";
    static final ArticleSnapshot ARTICLE = new ArticleSnapshot(Ids.articleId("ext:relabel"), 2, "relabel", null, null,
            "Outlet", "2025-01-01", "en", TEXT, Ids.sha256Hex(TEXT));

    /** A stand-in for the CoreNLP extractor: one claim with real spans, id derived as the real one derives it. */
    static final ClaimExtractor CODE = new ClaimExtractor() {
        final Claim.Extractor descriptor = new Claim.Extractor("claimtrail-corenlp", "1.0.0");

        @Override
        public Claim.Extractor descriptor() {
            return descriptor;
        }

        @Override
        public List<Claim> extract(ArticleSnapshot article) {
            Claim.Span mention = new Claim.Span("The mayor", 0, 9);
            Claim.Cue cue = new Claim.Cue("said", "say", 10, 14);
            Claim.Span content = new Claim.Span(TEXT.substring(15, 45), 15, 45);
            String id = Ids.claimId(article.id(), article.revision(), descriptor.version(), 0, 9, 10, 14, 15, 45);
            Claim.ArticleRef ref = new Claim.ArticleRef(article.id(), article.revision(), article.externalId(),
                    article.outlet(), null, article.publishedAt());
            return List.of(new Claim(id, Claim.ATTRIBUTED, ref, descriptor,
                    new Claim.Source("mayor", Claim.Source.PERSON, "mayor", null, mention), cue, Claim.ASSERTS, false,
                    content, content, List.of(), List.of(), List.of(), null, List.of()));
        }
    };

    @Test
    void theCodesOwnVersionRunsTheCodeItself() {
        assertSame(CODE, RelabelledExtractor.forVersion(CODE, "1.0.0"));
    }

    @Test
    void onlyTheCodesVersionPlusBuildMetadataIsAccepted() {
        assertEquals("1.0.0+rerun2", RelabelledExtractor.forVersion(CODE, "1.0.0+rerun2").descriptor().version());
        assertEquals("1.0.0+2026-11.a", RelabelledExtractor.forVersion(CODE, "1.0.0+2026-11.a").descriptor().version());
        for (String wrong : List.of("1.0.1", "1.0.1+rerun2", "1.0.0+", "1.0.0+a..b", "1.0.0+white space", "1.0.0-rc1")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> RelabelledExtractor.forVersion(CODE, wrong));
            assertTrue(e.getMessage().contains("1.0.0+<label>"), e.getMessage());
        }
    }

    @Test
    void aRelabelledClaimKeepsItsSpansAndGetsTheLabelsVersionAndId() {
        Claim original = CODE.extract(ARTICLE).get(0);
        Claim relabelled = RelabelledExtractor.forVersion(CODE, "1.0.0+rerun2").extract(ARTICLE).get(0);
        assertEquals(new Claim.Extractor("claimtrail-corenlp", "1.0.0+rerun2"), relabelled.extractor());
        assertEquals(Ids.claimId(ARTICLE.id(), 2, "1.0.0+rerun2", 0, 9, 10, 14, 15, 45), relabelled.id());
        assertNotEquals(original.id(), relabelled.id());
        assertEquals(original.content(), relabelled.content());
        assertEquals(original.cue(), relabelled.cue());
        assertEquals(original.source(), relabelled.source());
        assertEquals(original.article(), relabelled.article());
        assertEquals(relabelled.id(), RelabelledExtractor.forVersion(CODE, "1.0.0+rerun2").extract(ARTICLE).get(0).id(),
                "deterministic");
    }
}
