package dev.claimtrail.claims.extraction;

import dev.claimtrail.events.Claim;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.claimtrail.claims.extraction.Extraction.claims;
import static dev.claimtrail.claims.extraction.Extraction.describe;
import static dev.claimtrail.claims.extraction.Extraction.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nested attributions give a claim per source; relays go into {@code via}, outermost first. */
class RelaysAndNestingTest {

    @Test
    void quotingASourceAsSayingGivesTwoClaimsTheInnerOneViaTheWriter() {
        String text = """
                The weekly digest by Nordic Monitor referenced new warnings from Henrik Dahl, a security analyst.
                “The smugglers are better armed than last year,” wrote Dahl, quoting a border guard as saying: “They now carry night-vision goggles.”
                """;
        List<Claim> claims = claims(text);
        Claim outer = only(claims, "better armed");
        assertEquals("Henrik Dahl", outer.source().name(), describe(claims));
        assertEquals(List.of("Nordic Monitor"), outer.via());
        Claim inner = only(claims, "night-vision");
        assertEquals("unnamed", inner.source().type());
        assertEquals(List.of("Nordic Monitor", "Henrik Dahl"), inner.via());
        assertTrue(inner.direct());
    }

    @Test
    void passiveCitedByAsSayingPutsTheCiterInVia() {
        Claim c = only(claims("The general was quoted by Interfax as saying that the exercise would last two weeks."),
                "exercise would last");
        assertEquals(List.of("Interfax"), c.via());
        assertEquals("general", c.source().name());
    }

    @Test
    void interviewWithAnAgencyIsARelayCarriedToTheSameOccasion() {
        String text = """
                In an interview with the news agency Reuters on Monday, March 4, Finnish Defence Minister Antti Lehto said that the border fence would be finished by 2026.
                He also highlighted the cost of the project.
                """;
        List<Claim> claims = claims(text, "2024-03-05");
        Claim first = only(claims, "border fence");
        assertEquals(List.of("Reuters"), first.via(), describe(claims));
        assertEquals("2024-03-04", first.claimedAt().value());
        Claim second = only(claims, "cost of the project");
        assertEquals("Antti Lehto", second.source().name());
        assertEquals(List.of("Reuters"), second.via());
        assertEquals("2024-03-04", second.claimedAt().value());
    }

    @Test
    void noRelayNoVia() {
        Claim c = only(claims("Chancellor Olaf Brandt said the coalition would survive."), "coalition would survive");
        assertTrue(c.via().isEmpty());
    }

    @Test
    void anAgencyReportingAnAttributionIsARelayNotAClaim() {
        List<Claim> claims = claims("Kremlin spokesman Dmitry Peskov said Moscow was ready to host the next round, Interfax reported.");
        assertEquals(1, claims.size(), describe(claims));
        assertEquals("Dmitry Peskov", claims.get(0).source().name());
        assertEquals(List.of("Interfax"), claims.get(0).via());
    }

    @Test
    void toldANamedNewsAgencyIsARelay() {
        Claim c = only(claims("Its foreign minister, Sirojiddin Muhriddin, told the state news agency Khovar that no new "
                + "equipment had been deployed."), "no new equipment");
        assertEquals("Sirojiddin Muhriddin", c.source().name());
        assertEquals(List.of("Khovar"), c.via());
    }

    @Test
    void aParentheticalRelativeClauseDoesNotHideTheSpeaker() {
        Claim c = only(claims("A diplomat close to the talks, who asked not to be named, told AFP that the delegations "
                + "had agreed on most of the border."), "delegations");
        assertEquals("unnamed", c.source().type());
        assertTrue(c.source().name().contains("diplomat"), c.source().name());
        assertEquals(List.of("AFP"), c.via());
    }
}
