package dev.claimtrail.claims.extraction;

import dev.claimtrail.events.Claim;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.claimtrail.claims.extraction.Extraction.claims;
import static dev.claimtrail.claims.extraction.Extraction.describe;
import static dev.claimtrail.claims.extraction.Extraction.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccordingToHedgesAndNounCuesTest {

    @Test
    void accordingToAtTheStartOrTheEnd() {
        Claim start = only(claims("According to the coast guard, 37 migrants were rescued overnight."), "migrants were rescued");
        assertEquals("according to", start.cue().lemma());
        assertEquals("coast guard", start.source().name());
        assertEquals("37 migrants were rescued overnight", start.content().text());
        Claim end = only(claims("Unemployment fell to 4.1% in April, according to Eurostat."), "Unemployment fell");
        assertEquals("Eurostat", end.source().name());
        assertEquals("Unemployment fell to 4.1% in April", end.content().text());
    }

    @Test
    void reportedlyTakesTheSourceOfThePreviousSentence() {
        String text = "Police chief Omar Haddad said 12 suspects had been arrested. Three of them were reportedly minors.";
        Claim c = only(claims(text), "reportedly minors");
        assertEquals("Omar Haddad", c.source().name());
        assertEquals("reportedly", c.cue().lemma());
    }

    @Test
    void reportedlyWithoutContextIsUnnamed() {
        Claim c = only(claims("The ferry was reportedly carrying twice its capacity."), "ferry");
        assertEquals("unnamed", c.source().type());
    }

    @Test
    void nounCueWithAThatClauseIsTheClaimOfItsSourceAndTheVerbAroundItAnother() {
        List<Claim> claims = claims("The ministry dismissed a claim from opposition lawmakers that the election had been rigged.");
        Claim claim = claims.stream().filter(c -> c.cue().lemma().equals("claim")).findFirst().orElseThrow(() -> new AssertionError(describe(claims)));
        assertEquals("opposition lawmakers", claim.source().name());
        assertEquals("the election had been rigged", claim.content().text());
        Claim dismissal = claims.stream().filter(c -> c.cue().lemma().equals("dismiss")).findFirst().orElseThrow();
        assertEquals("denies", dismissal.stance());
    }

    @Test
    void nounWithoutAClauseIsNotAClaim() {
        assertTrue(claims("The report runs to 300 pages and includes maps.").isEmpty());
    }
}
