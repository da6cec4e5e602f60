package dev.claimtrail.query.denials;

import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Claim;
import dev.claimtrail.query.served.ServedClaim;
import dev.claimtrail.query.support.TestEvents;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A denial that names no subject, against assertions written for this test. */
class DenialMatcherTest {

    static final String DENIAL_TEXT = "The Northern Council denied the presence of armed groups in Veldoria.";
    static final String REPORT_TEXT = "Minister Ana Ruiz said that Veldorian militants of the Red Hand were gathering "
            + "near the Ostan border. A monitoring report said the Red Hand's ties with other extremist organisations "
            + "threaten Veldoria and its neighbours. Ruiz said the harvest in Veldoria had failed. "
            + "Ruiz said the Northern Council had grown to 9,000 fighters in Veldoria. "
            + "Ruiz said Red Hand militants were active in Ostania. "
            + "Ruiz said the presence of armed groups in Veldoria was growing. "
            + "Ruiz said the Red Hand now chaired the working group on Veldoria.";

    final ArticleSnapshot denialArticle = TestEvents.article("denial-matcher-a", 1, "2024-06-01", DENIAL_TEXT, "Veldoria Today");
    final ArticleSnapshot report = TestEvents.article("denial-matcher-b", 1, "2024-06-03", REPORT_TEXT, "Ostan Post");
    final ServedClaim denial = ServedClaim.of(TestEvents.claim(denialArticle, "1.0")
            .source("Northern Council", Claim.Source.ORGANISATION, "The Northern Council").cue("denied", "deny").denies()
            .content("the presence of armed groups in Veldoria").location("Veldoria").build(), 90);
    final Set<String> places = Set.of("veldoria");
    final DenialMatcher matcher = new DenialMatcher(2);

    @Test
    void aNamedGroupReportedThereContradictsADenialOfAnyGroupsThere() {
        // placed by the demonym only: the extractor listed the border, not the country
        Claim gathering = claim("Ana Ruiz", "Minister Ana Ruiz",
                "Veldorian militants of the Red Hand were gathering near the Ostan border")
                .subject("RED-HAND", "Red Hand").location("Ostan").build();
        assertTrue(matcher.contradicts(denial, places, gathering));
        // "organisations" counts as the kind of group denied; the group is named
        Claim ties = TestEvents.claim(report, "1.0").source("monitoring report", Claim.Source.DOCUMENT, "A monitoring report")
                .cue("said", "say").content("the Red Hand's ties with other extremist organisations threaten Veldoria")
                .subject("RED-HAND", "Red Hand").location("Veldoria").build();
        assertTrue(matcher.contradicts(denial, places, ties));
        // enough shared words, no group named
        Claim growing = claim("Ana Ruiz", "Ruiz", "the presence of armed groups in Veldoria was growing")
                .location("Veldoria").build();
        assertTrue(matcher.contradicts(denial, places, growing));
    }

    @Test
    void samePlaceAloneOrTheDenierItselfOrAnotherPlaceIsNoContradiction() {
        Claim harvest = claim("Ana Ruiz", "Ruiz", "the harvest in Veldoria had failed").location("Veldoria").build();
        assertFalse(matcher.contradicts(denial, places, harvest), "the same place, nothing about groups");
        Claim council = claim("Ana Ruiz", "Ruiz", "the Northern Council had grown to 9,000 fighters in Veldoria")
                .subject("Northern Council", "the Northern Council").location("Veldoria").build();
        assertFalse(matcher.contradicts(denial, places, council), "the only group named is the one that denies");
        Claim elsewhere = claim("Ana Ruiz", "Ruiz", "Red Hand militants were active in Ostania")
                .subject("RED-HAND", "Red Hand").location("Ostania").build();
        assertFalse(matcher.contradicts(denial, places, elsewhere), "another place");
        Claim committee = claim("Ana Ruiz", "Ruiz", "the Red Hand now chaired the working group on Veldoria")
                .subject("RED-HAND", "Red Hand").location("Veldoria").build();
        assertFalse(matcher.contradicts(denial, places, committee), "a group, but nothing armed");
    }

    @Test
    void placeWordsAreTheNameOrAWordFormedOnIt() {
        assertTrue(DenialMatcher.placeWord("afghan", "afghanistan"));
        assertTrue(DenialMatcher.placeWord("tajik", "tajikistan"));
        assertTrue(DenialMatcher.placeWord("pakistani", "pakistan"));
        assertTrue(DenialMatcher.placeWord("iranian", "iran"));
        assertTrue(DenialMatcher.placeWord("veldoria", "veldoria"));
        assertFalse(DenialMatcher.placeWord("afg", "afghanistan"));
        assertFalse(DenialMatcher.placeWord("mali", "malaysia"));
        assertFalse(DenialMatcher.placeWord("central", "central asia"), "multi-word places only whole");
        assertEquals(List.of("afghan"), DenialMatcher.searchPrefixes(Set.of("afghanistan")));
        assertEquals(List.of("iran"), DenialMatcher.searchPrefixes(Set.of("iran")));
        assertEquals(List.of(), DenialMatcher.searchPrefixes(Set.of("central asia")));
    }

    private TestEvents.ClaimBuilder claim(String source, String mention, String content) {
        return TestEvents.claim(report, "1.0").source(source, Claim.Source.PERSON, mention).cue("said", "say").content(content);
    }
}
