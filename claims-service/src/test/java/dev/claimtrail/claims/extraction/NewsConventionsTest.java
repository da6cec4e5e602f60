package dev.claimtrail.claims.extraction;

import dev.claimtrail.events.Claim;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.claimtrail.claims.extraction.Extraction.claims;
import static dev.claimtrail.claims.extraction.Extraction.describe;
import static dev.claimtrail.claims.extraction.Extraction.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Wire-copy conventions: datelines, headlines, figures, claims of responsibility, negated cues. */
class NewsConventionsTest {

    @Test
    void datelineIsNotPartOfTheContent() {
        Claim c = only(claims("LIMA, May 2 (Reuters) - Copper output fell 5% in April, the mining ministry said on Thursday."),
                "Copper output");
        assertEquals("Copper output fell 5% in April", c.content().text());
        assertEquals("organisation", c.source().type());
    }

    @Test
    void headlinesAndLinkLinesAreLeftOut() {
        List<Claim> claims = claims("""
                Drought will cut harvest by half, minister warns

                Also Read: Farmers say subsidies came too late

                The agriculture minister, Rosa Quintero, warned that the wheat harvest would fall by half.
                """);
        assertEquals(1, claims.size(), describe(claims));
        assertEquals("Rosa Quintero", claims.get(0).source().name());
    }

    @Test
    void puttingAFigureAtIsAnEstimate() {
        Claim c = only(claims("The health ministry put the death toll at 37 on Friday."), "death toll");
        assertEquals("estimate", c.cue().lemma());
        assertTrue(c.content().text().contains("at 37"));
    }

    @Test
    void aClaimOfResponsibilityIsTheGroupsClaim() {
        Claim c = only(claims("The Ninth Brigade claimed responsibility for the attack on the pipeline."), "responsibility");
        assertEquals("claim", c.cue().lemma());
        assertTrue(c.source().name().contains("Ninth Brigade"), c.source().name());
    }

    @Test
    void negatedAndInQuoteCuesAreNotClaims() {
        assertTrue(claims("Military officials did not confirm the toll.").isEmpty());
        List<Claim> claims = claims("“This is not the law I would have written, but it works,” the senator told reporters.");
        assertEquals(1, claims.size(), describe(claims));
        assertEquals("tell", claims.get(0).cue().lemma());
    }

    @Test
    void quoteSplitByItsCueIsOneClaim() {
        List<Claim> claims = claims("“We are ready,” the coach said, “and nobody here is afraid of them.”");
        assertEquals(1, claims.size(), describe(claims));
        assertTrue(claims.get(0).content().text().contains("nobody here is afraid"));
        assertTrue(claims.get(0).direct());
    }

    @Test
    void trailingAppositionOnANameIsBackground() {
        Claim c = only(claims("The minister said the refugees would be moved to Moldova, a country of 2.5 million people."),
                "refugees");
        assertEquals("the refugees would be moved to Moldova", c.content().text());
    }
}
