package dev.claimtrail.query.stories;

import dev.claimtrail.events.Claim;
import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.query.served.ServedClaim;
import dev.claimtrail.query.support.ValleyFrontReports;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The story matcher's pure logic on the written reports of {@link ValleyFrontReports}. */
class StoryMatcherTest {

    final StoryMatcher matcher = new StoryMatcher(3, 0.6, 3);
    final ValleyFrontReports reports = new ValleyFrontReports("unit");

    @Test
    void theSameBriefingIsOneStoryHoweverEachOutletNamesTheSource() {
        // Kalinin (of the command) and "the Northern Alliance Command": one speaker, one figure
        assertEquals(StoryMatcher.Basis.FIGURE, match(reports.kalininFigure, reports.commandFigure));
        // Andrey and Andrei are the same man
        assertEquals(StoryMatcher.Basis.FIGURE, match(reports.kalininFigure, reports.highlandBoth));
        assertEquals(StoryMatcher.Basis.FIGURE, match(reports.kalininCrossing, reports.highlandBoth));
    }

    @Test
    void theSameFigureFromAnotherSourceOrOccasionIsNotTheSameStatement() {
        assertNull(match(reports.kalininFigure, reports.ministerFigure));
        assertNull(match(reports.commandFigure, reports.ministerFigure));
        // two months earlier
        assertNull(match(reports.januaryFigure, reports.highlandBoth));
        // same article
        assertNull(match(reports.kalininFigure, reports.kalininCrossing));
        // the Highland report names no organisation: nothing ties Andrei Kalinin to the command alone
        assertNull(match(reports.commandFigure, reports.highlandBoth));
    }

    @Test
    void paraphraseWithoutAFigureNeedsSharedWordsAndTheSameStance() {
        ClaimRecorded a = text("Andrey Kalinin", "the Valley Front was preparing a spring offensive across the river", false);
        ClaimRecorded b = text("Andrei Kalinin", "the Valley Front is preparing an offensive across the river this spring", false);
        ClaimRecorded other = text("Andrei Kalinin", "talks with the government would resume in April", false);
        ClaimRecorded denial = text("Andrei Kalinin", "the Valley Front was preparing a spring offensive across the river", true);
        assertEquals(StoryMatcher.Basis.TEXT, matcher.match(served(a), served(b)));
        assertNull(matcher.match(served(a), served(other)));
        assertNull(matcher.match(served(a), served(denial)));
    }

    @Test
    void storiesDoNotDependOnTheOrderClaimsAreSeenIn() {
        List<ServedClaim> claims = new ArrayList<>(reports.allClaims().stream().map(c -> served(c)).toList());
        Map<String, String> expected = stories(claims);
        assertEquals(Map.of(
                        reports.kalininFigure.eventId(), expected.get(reports.kalininFigure.eventId()),
                        reports.kalininCrossing.eventId(), expected.get(reports.kalininFigure.eventId()),
                        reports.commandFigure.eventId(), expected.get(reports.kalininFigure.eventId()),
                        reports.highlandBoth.eventId(), expected.get(reports.kalininFigure.eventId())),
                expected);
        assertEquals(List.of(reports.kalininFigure.eventId(), reports.kalininCrossing.eventId(),
                        reports.commandFigure.eventId(), reports.highlandBoth.eventId()).stream().sorted().findFirst().get(),
                expected.get(reports.kalininFigure.eventId()), "a story is named by its smallest member id");
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            Collections.shuffle(claims, random);
            assertEquals(expected, stories(claims));
        }
    }

    private Map<String, String> stories(List<ServedClaim> claims) {
        List<StoryComponents.Link> links = new ArrayList<>();
        for (ServedClaim a : claims) {
            for (ServedClaim b : claims) {
                if (a != b && matcher.match(a, b) != null) {
                    assertNotNull(matcher.match(b, a), "matching is symmetric");
                    links.add(new StoryComponents.Link(a.id(), b.id()));
                }
            }
        }
        return StoryComponents.stories(claims, links, matcher);
    }

    private StoryMatcher.Basis match(ClaimRecorded a, ClaimRecorded b) {
        StoryMatcher.Basis basis = matcher.match(served(a), served(b));
        assertEquals(basis, matcher.match(served(b), served(a)), "matching is symmetric");
        return basis;
    }

    private static ServedClaim served(ClaimRecorded recorded) {
        return ServedClaim.of(recorded.claim(), 90);
    }

    private static ClaimRecorded text(String source, String content, boolean denies) {
        var article = dev.claimtrail.query.support.TestEvents.article("text-" + source + content, 1, "2024-03-06",
                source + " said that " + content + ".");
        var builder = dev.claimtrail.query.support.TestEvents.claim(article, "1.0")
                .source(source, Claim.Source.PERSON, source).cue("said", "say").content(content)
                .claimedAt("2024-03-05", "day");
        return denies ? builder.denies().recorded() : builder.recorded();
    }
}
