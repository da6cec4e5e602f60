package dev.claimtrail.claims.extraction;

import dev.claimtrail.events.Claim;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.claimtrail.claims.extraction.Extraction.claims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Offsets, evidence, ids and the article reference, on text with typographic marks and no-break spaces. */
class ClaimShapeTest {

    private static final String TEXT = "Markets fell sharply on Monday.\n\nCentral bank governor Ana\u00A0Ruiz told\u00A0reporters "
            + "in Lima that rates would stay at 6% — for now. “We are watching the currency closely,” Ruiz said.\n\nShare this article";

    @Test
    void offsetsPointIntoTheStoredText() {
        List<Claim> claims = claims(TEXT);
        assertEquals(2, claims.size());
        for (Claim c : claims) {
            assertEquals(c.content().text(), TEXT.substring(c.content().start(), c.content().end()));
            assertEquals(c.evidence().text(), TEXT.substring(c.evidence().start(), c.evidence().end()));
            assertEquals(c.cue().text().replace('\u00A0', ' '), TEXT.substring(c.cue().start(), c.cue().end()).replace('\u00A0', ' '));
            assertTrue(c.evidence().start() <= c.content().start() && c.evidence().end() >= c.content().end());
            assertEquals(Claim.ATTRIBUTED, c.kind());
            assertEquals(CoreNlpClaimExtractor.DESCRIPTOR, c.extractor());
            assertEquals("Test Outlet", c.article().outlet());
        }
        assertEquals("Ana\u00A0Ruiz", claims.get(0).source().name());
    }

    @Test
    void idsAreDeterministicAndDistinct() {
        List<Claim> first = claims(TEXT);
        List<Claim> second = claims(TEXT);
        assertEquals(first.stream().map(Claim::id).toList(), second.stream().map(Claim::id).toList());
        assertFalse(first.get(0).id().equals(first.get(1).id()));
    }

    @Test
    void emptyAndClaimlessArticlesGiveNoClaims() {
        assertTrue(claims("").isEmpty());
        assertTrue(claims("The river rose by two metres overnight. Schools stayed closed.").isEmpty());
    }
}
