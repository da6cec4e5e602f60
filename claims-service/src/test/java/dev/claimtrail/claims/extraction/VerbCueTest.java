package dev.claimtrail.claims.extraction;

import dev.claimtrail.events.Claim;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.claimtrail.claims.extraction.Extraction.about;
import static dev.claimtrail.claims.extraction.Extraction.claims;
import static dev.claimtrail.claims.extraction.Extraction.describe;
import static dev.claimtrail.claims.extraction.Extraction.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reporting verbs read off the dependency parse, in the word orders news uses. */
class VerbCueTest {

    @Test
    void thatClauseAfterTheCue() {
        Claim c = only(claims("Finance Minister Laura Brenner said on Friday that inflation would ease by the autumn."),
                "inflation would ease");
        assertEquals("Laura Brenner", c.source().name());
        assertEquals("person", c.source().type());
        assertEquals("say", c.cue().lemma());
        assertEquals("inflation would ease by the autumn", c.content().text());
        assertFalse(c.direct());
    }

    @Test
    void invertedQuoteWithPostposedSpeaker() {
        String text = "“The dam is safe and the water level is falling,” said Tomas Okafor, the regional engineer.";
        Claim c = only(claims(text), "dam is safe");
        assertEquals("Tomas Okafor", c.source().name());
        assertTrue(c.direct());
        assertEquals("The dam is safe and the water level is falling", c.content().text());
        assertEquals(c.content().text(), text.substring(c.content().start(), c.content().end()));
    }

    @Test
    void indirectSpeechBeforeTheSpeaker() {
        Claim c = only(claims("The harvest will be the smallest in a decade, the farmers’ union warned."), "smallest in a decade");
        assertEquals("warn", c.cue().lemma());
        assertEquals("The harvest will be the smallest in a decade", c.content().text());
    }

    @Test
    void participleInheritsTheSubject() {
        List<Claim> claims = claims("Mayor Ines Kowalczyk defended the budget, saying that the city had no debt.");
        Claim c = only(claims, "city had no debt");
        assertEquals("Ines Kowalczyk", c.source().name());
    }

    @Test
    void relativeClauseInheritsTheAntecedent() {
        Claim c = only(claims("The plan was backed by Dmitri Volkov, who stated that the reactor would reopen in March."),
                "reactor would reopen");
        assertEquals("Dmitri Volkov", c.source().name());
    }

    @Test
    void twoCuesInOneSentenceGiveTwoClaims() {
        List<Claim> claims = claims("“We will rebuild every school,” she added, alleging that the contractors had stolen funds.");
        assertEquals(2, claims.size(), describe(claims));
        assertTrue(about(claims, "rebuild every school").isPresent());
        Claim alleging = only(claims, "contractors had stolen funds");
        assertEquals("allege", alleging.cue().lemma());
    }

    @Test
    void roleAppositionWithTheNameBetweenCommas() {
        Claim c = only(claims("In a statement on Tuesday, the head of the port authority, Karen Mbeki, said that traffic had doubled."),
                "traffic had doubled");
        assertEquals("Karen Mbeki", c.source().name());
    }

    @Test
    void nonAttributiveUsesOfSayAndTellGiveNoClaim() {
        assertTrue(claims("The said property was sold at auction in 2019.").isEmpty());
        assertTrue(claims("He said nothing when the judge entered the room.").isEmpty());
        assertTrue(claims("The fugitive is said to be hiding in the mountains.").isEmpty());
        assertTrue(claims("The residents were told to leave their homes before dawn.").isEmpty());
        assertTrue(claims("All told, the storm destroyed forty houses.").isEmpty());
    }

    @Test
    void verbsWithoutAPropositionGiveNoClaim() {
        assertTrue(claims("The council added a new bus line to the network.").isEmpty());
        assertTrue(claims("Militias were threatening to seize the airport.").isEmpty());
    }
}
