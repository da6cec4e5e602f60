package dev.claimtrail.claims.extraction;

import dev.claimtrail.events.Claim;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.claimtrail.claims.extraction.Extraction.claims;
import static dev.claimtrail.claims.extraction.Extraction.describe;
import static dev.claimtrail.claims.extraction.Extraction.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Direct quotes: several sentences under one cue are one claim (claims.md rule 1); scare quotes are not claims. */
class QuotesTest {

    @Test
    void quoteOfSeveralSentencesIsOneClaim() {
        String text = "“The bridge is closed. Engineers found cracks in two pillars. Repairs will take a year,” the mayor, "
                + "Lucia Ferrante, said on Monday.";
        List<Claim> claims = claims(text);
        assertEquals(1, claims.size(), describe(claims));
        Claim c = claims.get(0);
        assertEquals("Lucia Ferrante", c.source().name());
        assertTrue(c.direct());
        assertTrue(c.content().text().startsWith("The bridge is closed."));
        assertTrue(c.content().text().endsWith("Repairs will take a year"));
        assertTrue(c.evidence().start() == 0 && c.evidence().end() == text.length());
    }

    @Test
    void quoteAfterAColon() {
        Claim c = only(claims("The coach was blunt: he told the players: “Nobody is safe in this team.”"), "Nobody is safe");
        assertTrue(c.direct());
    }

    @Test
    void scareQuotesAndCuelessQuotesAreNotClaims() {
        assertTrue(claims("The so-called “peace dividend” never arrived, and the “reforms” stalled in parliament.").isEmpty());
        assertTrue(claims("Critics call the scheme a “tax on the poor”.").isEmpty(), "call is not a reporting verb");
    }

    @Test
    void mixedQuoteIsIndirectSpeechWithAQuotedFragment() {
        Claim c = only(claims("Senator Ruth Abara said the deal was “a betrayal of every worker” and promised to vote against it."),
                "deal was");
        assertEquals("Ruth Abara", c.source().name());
        assertTrue(c.content().text().contains("betrayal"));
    }
}
