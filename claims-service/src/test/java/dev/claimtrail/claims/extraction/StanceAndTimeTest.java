package dev.claimtrail.claims.extraction;

import dev.claimtrail.events.Claim;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.claimtrail.claims.extraction.Extraction.claims;
import static dev.claimtrail.claims.extraction.Extraction.describe;
import static dev.claimtrail.claims.extraction.Extraction.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StanceAndTimeTest {

    @Test
    void denialCuesDeny() {
        Claim c = only(claims("The army has repeatedly denied the presence of foreign troops in the valley."), "foreign troops");
        assertEquals("denies", c.stance());
        assertEquals("deny", c.cue().lemma());
    }

    @Test
    void negativeReplyIsADenialButANegativeAssertionIsNot() {
        Claim reply = only(claims("The rebels insist that no civilians were harmed in the raid."), "civilians");
        assertEquals("denies", reply.stance());
        Claim assertion = only(claims("The inspector said there was no risk to drinking water."), "no risk");
        assertEquals("asserts", assertion.stance());
    }

    @Test
    void timeOfTheOccasionCarriesOverToTheSameSpeakersLaterClaims() {
        String text = """
                At a press conference on Wednesday, May 8, health minister Sara Lindqvist said that the outbreak was under control.
                “We have vaccinated 80% of the town,” Lindqvist said.
                Doctors said the hospital was still full.
                """;
        List<Claim> claims = claims(text, "2024-05-10");
        assertEquals("2024-05-08", only(claims, "under control").claimedAt().value(), describe(claims));
        assertEquals("2024-05-08", only(claims, "vaccinated").claimedAt().value());
        assertNull(only(claims, "hospital was still full").claimedAt(), "another source gets no carried-over time");
    }

    @Test
    void noTimeGivenMeansNull() {
        assertNull(only(claims("The union says wages have not kept up with prices."), "wages").claimedAt());
    }
}
