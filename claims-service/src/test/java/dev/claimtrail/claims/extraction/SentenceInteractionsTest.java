package dev.claimtrail.claims.extraction;

import dev.claimtrail.events.Claim;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.claimtrail.claims.extraction.Extraction.claims;
import static dev.claimtrail.claims.extraction.Extraction.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Claims that share a sentence: each ends where the next one's clause starts. */
class SentenceInteractionsTest {

    @Test
    void withXSayingIsASecondClaimAndNotPartOfTheFirst() {
        List<Claim> claims = claims("Last week the navy confirmed the loss of a patrol boat, with fleet spokesman Ivan Petrenko "
                + "saying that all twelve sailors had been rescued.");
        assertEquals(2, claims.size(), describe(claims));
        Claim navy = claims.stream().filter(c -> c.cue().lemma().equals("confirm")).findFirst().orElseThrow();
        assertEquals("the loss of a patrol boat", navy.content().text());
        Claim spokesman = claims.stream().filter(c -> c.cue().lemma().equals("say")).findFirst().orElseThrow();
        assertEquals("Ivan Petrenko", spokesman.source().name());
        assertTrue(spokesman.content().text().startsWith("all twelve sailors"));
    }

    @Test
    void aGlossOnTheClaimIsNotContentAndItsRelativeClauseIsADenial() {
        List<Claim> claims = claims("Fishermen said the spill had killed thousands of birds, a claim the oil company Petrolia denied.");
        Claim fishermen = claims.stream().filter(c -> c.source().name().contains("Fishermen")).findFirst()
                .orElseThrow(() -> new AssertionError(describe(claims)));
        assertEquals("the spill had killed thousands of birds", fishermen.content().text());
        Claim denial = claims.stream().filter(c -> c.stance().equals("denies")).findFirst()
                .orElseThrow(() -> new AssertionError(describe(claims)));
        assertEquals("the spill had killed thousands of birds", denial.content().text());
        assertFalse(denial.source().name().contains("Fishermen"));
    }

    @Test
    void anExpressionOfConcernAndTheParticipleAfterItAreTwoClaims() {
        List<Claim> claims = claims("The envoy, Clara Mendes, expressed concern about rising food prices, noting that "
                + "wheat imports had halved.");
        assertEquals(2, claims.size(), describe(claims));
        Claim concern = claims.stream().filter(c -> c.cue().lemma().equals("express concern")).findFirst().orElseThrow();
        assertEquals("about rising food prices", concern.content().text());
        assertTrue(claims.stream().allMatch(c -> c.source().name().equals("Clara Mendes")));
    }

    @Test
    void toldAnOutletPutsTheOutletInViaNotInTheSource() {
        List<Claim> claims = claims("“We will appeal,” the club’s president, Marco Bellini, 61, told the BBC.");
        assertEquals(1, claims.size(), describe(claims));
        assertEquals("Marco Bellini", claims.get(0).source().name());
        assertEquals("We will appeal", claims.get(0).content().text());
    }

    @Test
    void aSecondVerbOfTheSameSpeakerEndsTheFirstContent() {
        List<Claim> claims = claims("The operator insisted that it had held 40 public meetings and denied that any wells had dried up.");
        assertEquals(2, claims.size(), describe(claims));
        Claim insist = claims.stream().filter(c -> c.cue().lemma().equals("insist")).findFirst().orElseThrow();
        assertEquals("it had held 40 public meetings", insist.content().text());
        Claim deny = claims.stream().filter(c -> c.cue().lemma().equals("deny")).findFirst().orElseThrow();
        assertEquals("denies", deny.stance());
        assertEquals("any wells had dried up", deny.content().text());
    }

    @Test
    void coordinatedContentUnderOneCueStaysOneClaim() {
        List<Claim> claims = claims("The ministry said that the dam was safe and that the road would reopen on Monday.");
        assertEquals(1, claims.size(), describe(claims));
        assertTrue(claims.get(0).content().text().contains("road would reopen"));
    }
}
