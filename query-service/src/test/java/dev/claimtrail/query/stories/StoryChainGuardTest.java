package dev.claimtrail.query.stories;

import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Claim;
import dev.claimtrail.query.served.ServedClaim;
import dev.claimtrail.query.support.TestEvents;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Articles written for this test, from three outlets. One minister, two occasions: on May 1 she gave a
 * figure of patrol boats, on May 19 she announced more boats, and a weekly piece in between reports
 * both undated. It is linked to each, which chains the two occasions together. Separately, three
 * outlets report one briefing of June 2, worded three ways.
 */
class StoryChainGuardTest {

    final StoryMatcher matcher = new StoryMatcher(3, 0.6, 3);

    final ArticleSnapshot harbor = article("harbor-may", "2024-05-02", "Harbor Times",
            "Defence minister Maria Olsen said on May 1 that the Coast Guard had 40 patrol boats in the strait.");
    final ArticleSnapshot weekly = article("bay-weekly", "2024-05-20", "Bay Courier",
            "Maria Olsen has said that the Coast Guard had 40 patrol boats in the strait and would add ten more "
                    + "patrol boats before winter.");
    final ArticleSnapshot strait = article("strait-may", "2024-05-21", "Strait Herald",
            "Maria Olsen said on May 19 that the Coast Guard would add ten more patrol boats before winter.");
    final ArticleSnapshot harborJune = article("harbor-june", "2024-06-03", "Harbor Times",
            "Maria Olsen said on June 2 that 300 sailors had joined the fleet.");
    final ArticleSnapshot bayJune = article("bay-june", "2024-06-03", "Bay Courier",
            "Minister Maria Olsen told a briefing on Sunday that about 300 sailors had joined the fleet.");
    final ArticleSnapshot straitJune = article("strait-june", "2024-06-04", "Strait Herald",
            "Olsen said 300 new sailors had joined the fleet this week.");

    final ServedClaim may1 = served(claim(harbor, "Defence minister Maria Olsen", "said",
            "the Coast Guard had 40 patrol boats in the strait").quantity(40, null, "patrol boats", null)
            .claimedAt("2024-05-01", "day"));
    final ServedClaim both = served(claim(weekly, "Maria Olsen", "has said",
            "the Coast Guard had 40 patrol boats in the strait and would add ten more patrol boats before winter")
            .quantity(40, null, "patrol boats", null));
    final ServedClaim may19 = served(claim(strait, "Maria Olsen", "said",
            "the Coast Guard would add ten more patrol boats before winter").claimedAt("2024-05-19", "day"));
    final ServedClaim june1 = served(claim(harborJune, "Maria Olsen", "said", "300 sailors had joined the fleet")
            .quantity(300, null, "sailors", null).claimedAt("2024-06-02", "day"));
    final ServedClaim june2 = served(claim(bayJune, "Minister Maria Olsen", "told",
            "about 300 sailors had joined the fleet").quantity(300, "about", "sailors", null).claimedAt("2024-06-02", "day"));
    final ServedClaim june3 = served(claim(straitJune, "Olsen", "said", "300 new sailors had joined the fleet this week")
            .quantity(300, null, "sailors", null).claimedAt("2024-06-02", "day"));

    @Test
    void theLinksChainTwoOccasions() {
        assertNotNull(matcher.match(may1, both));
        assertNotNull(matcher.match(both, may19));
        assertNull(matcher.match(may1, may19), "eighteen days apart: not the same occasion");
        Map<String, String> components = StoryComponents.of(ids(all()), links(all()));
        assertEquals(components.get(may1.id()), components.get(may19.id()), "connected groups alone merge them");
    }

    @Test
    void aChainDoesNotMergeTwoOccasionsAndABriefingStaysOneStory() {
        Map<String, String> stories = StoryComponents.stories(all(), links(all()), matcher);
        // the first report seeds the story; the weekly joins it; the May 19 statement is not linked to the seed
        assertNotNull(stories.get(may1.id()));
        assertEquals(stories.get(may1.id()), stories.get(both.id()));
        assertNotEquals(stories.get(may1.id()), stories.get(may19.id()));
        assertNull(stories.get(may19.id()), "its only link is to a claim already in a story");
        // one briefing, three outlets, three wordings: one story
        assertNotNull(stories.get(june1.id()));
        assertEquals(stories.get(june1.id()), stories.get(june2.id()));
        assertEquals(stories.get(june1.id()), stories.get(june3.id()));
        assertEquals(List.of(june1.id(), june2.id(), june3.id()).stream().sorted().findFirst().get(),
                stories.get(june1.id()), "named by its smallest member");
    }

    @Test
    void theStoriesDoNotDependOnArrivalOrder() {
        List<ServedClaim> claims = new ArrayList<>(all());
        Map<String, String> expected = StoryComponents.stories(claims, links(claims), matcher);
        Random random = new Random(11);
        for (int i = 0; i < 50; i++) {
            Collections.shuffle(claims, random);
            List<StoryComponents.Link> links = links(claims);
            Collections.shuffle(links, random);
            assertEquals(expected, StoryComponents.stories(claims, links, matcher));
        }
    }

    private List<ServedClaim> all() {
        return List.of(may1, both, may19, june1, june2, june3);
    }

    private static List<String> ids(List<ServedClaim> claims) {
        return claims.stream().map(ServedClaim::id).toList();
    }

    private List<StoryComponents.Link> links(List<ServedClaim> claims) {
        List<StoryComponents.Link> links = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            for (int j = i + 1; j < claims.size(); j++) {
                if (matcher.match(claims.get(i), claims.get(j)) != null) {
                    links.add(new StoryComponents.Link(claims.get(i).id(), claims.get(j).id()));
                }
            }
        }
        return links;
    }

    private static ArticleSnapshot article(String name, String published, String outlet, String text) {
        return TestEvents.article("chain-" + name, 1, published, text, outlet);
    }

    private static TestEvents.ClaimBuilder claim(ArticleSnapshot article, String mention, String cue, String content) {
        String name = mention.contains("Maria Olsen") ? "Maria Olsen" : mention;
        return TestEvents.claim(article, "1.0").source(name, Claim.Source.PERSON, mention).cue(cue, "say").content(content);
    }

    private static ServedClaim served(TestEvents.ClaimBuilder builder) {
        return ServedClaim.of(builder.build(), 90);
    }
}
