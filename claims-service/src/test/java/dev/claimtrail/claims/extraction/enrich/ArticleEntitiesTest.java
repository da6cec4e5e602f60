package dev.claimtrail.claims.extraction.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claimtrail.events.Claim;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleEntitiesTest {

    private static ArticleEntities analyse(String text) {
        return ArticleEntities.analyse(text, EntityCatalog.curated());
    }

    private static List<String> ids(ArticleEntities e) {
        return e.mentions().stream().map(ArticleEntities.Mention::entityId).toList();
    }

    private static List<String> subjectIds(String text, String content) {
        int s = text.indexOf(content);
        return analyse(text).subjectsIn(s, s + content.length()).stream().map(Claim.Subject::id).toList();
    }

    @Test
    void shortAcronymsMatchOnlyInCapitals() {
        ArticleEntities e = analyse("It is clear that IS fighters and the TTP are active; its leader is unknown.");
        assertEquals(List.of("IS", "TTP"), ids(e));
        assertEquals("IS", e.mentions().get(0).alias());
        assertTrue(analyse("This is what it is: ttp is not a name here.").mentions().isEmpty());
    }

    @Test
    void longestAliasWinsOverItsParts() {
        ArticleEntities e = analyse("Officials blamed the Pakistani Taliban movement, not the Afghan Taliban or the "
                + "Tajik Taliban, and said al-Qaeda in the Indian Subcontinent was weak.");
        assertEquals(List.of("TTP", "Taliban", "Jamaat Ansarullah", "AQIS"), ids(e));
        assertEquals("Pakistani Taliban movement", e.mentions().get(0).alias());
    }

    @Test
    void typographicDashesApostrophesAndTheAreTolerated() {
        ArticleEntities e = analyse("The Islamic State – Khorasan Province and the Taliban’s allies met the "
                + "Collective Security Treaty Organisation.");
        assertEquals(List.of("ISKP", "Taliban", "CSTO"), ids(e));
        assertEquals("organisation", e.mentions().get(2).kind());
        assertEquals("group", e.mentions().get(1).kind());
    }

    @Test
    void aliasesStatedInTheTextAreLearned() {
        String text = "The Islamic Movement of Uzbekistan (also known as the 'Uzbek Mujahideen', or Harakat-ul-Uzbek) "
                + "was blamed. Later the Uzbek Mujahideen denied it, and Harakat-ul-Uzbek stayed silent.";
        ArticleEntities e = analyse(text);
        // the name, the two aliases inside the brackets, and both later uses
        assertEquals(List.of("IMU", "IMU", "IMU", "IMU", "IMU"), ids(e));
        assertEquals("Uzbek Mujahideen", e.mentions().get(3).alias());
        assertEquals("Harakat-ul-Uzbek", e.mentions().get(4).alias());
    }

    @Test
    void anAcronymInBracketsIsLearnedWhenItFitsTheName() {
        ArticleEntities e = analyse("Jamaat Ansarullah (JA) recruits. JA is growing. The Taliban (AFP) replied; AFP said.");
        assertEquals(List.of("Jamaat Ansarullah", "Jamaat Ansarullah", "Jamaat Ansarullah", "Taliban"), ids(e));
    }

    @Test
    void aNameBeforeKnownAsIsLearnedToo() {
        String text = "The Khorasan Ghazis, also known as IS-K, grew. Officials said the Khorasan Ghazis recruit in Herat.";
        ArticleEntities e = analyse(text);
        assertEquals(List.of("ISKP", "ISKP", "ISKP"), ids(e));
        assertEquals("Khorasan Ghazis", e.mentions().get(2).alias());
    }

    @Test
    void anAliasSharedByTwoEntitiesIsReadByPlace() {
        assertEquals(List.of("Houthis"), ids(analyse("Ansarullah fighters fired missiles off Yemen.")));
        assertEquals(List.of("Jamaat Ansarullah"), ids(analyse("Ansarullah recruits in Badakhshan, officials in "
                + "Tajikistan say.")));
    }

    @Test
    void unknownGroupThatNamesItselfBecomesAnEntity() {
        String text = "A new outfit, the Jundallah Brigade (JB), claimed the raid. JB fighters later withdrew.";
        ArticleEntities e = analyse(text);
        assertEquals(List.of("Jundallah Brigade", "Jundallah Brigade", "Jundallah Brigade"), ids(e));
        assertEquals("JB", e.mentions().get(2).alias());
        assertEquals("group", e.mentions().get(0).kind());
    }

    @Test
    void unknownOrganisationsAndCountriesAreNotEntities() {
        String text = "The Federal Security Service (FSB) and the Foreign Ministry of Pakistan (MFA) said Pakistan "
                + "was safe.";
        assertTrue(analyse(text).mentions().isEmpty());
    }

    @Test
    void islamicStateIsTheKhorasanBranchWhenPlacedInAfghanistan() {
        String afghan = "Daesh fighters attacked a mosque in Nangarhar. Police in Jalalabad blamed ISIS.";
        assertEquals(List.of("ISKP", "ISKP"), ids(analyse(afghan)));
        String levant = "Daesh fighters attacked a checkpoint near Raqqa in Syria.";
        assertEquals(List.of("IS"), ids(analyse(levant)));
        // undecided sentence: the paragraph decides
        String paragraph = "The Islamic State has grown. Its cells now operate across Kunduz and Takhar.\n"
                + "Elsewhere the weather was fine.";
        assertEquals(List.of("ISKP"), ids(analyse(paragraph)));
        assertEquals(List.of("IS"), ids(analyse("The Islamic State has grown, officials said.")));
        // a sentence naming both contrasts them, unless the parent owns the branch
        assertEquals(List.of("IS", "ISKP"), ids(analyse("IS lost Raqqa, while ISKP grew in Kunar.")));
        assertEquals(List.of("ISKP", "ISKP"), ids(analyse("The Islamic State's Khorasan Province grew.")));
    }

    @Test
    void pronounAtContentStartResolvesToAGroupButNotToTheSpeaker() {
        String text = "The Haqqani network runs camps near Khost. Over the winter, analysts said, it recruited "
                + "hundreds of teenagers.";
        assertEquals(List.of("Haqqani network"), subjectIds(text, "it recruited hundreds of teenagers"));
        String self = "The TTP said it would keep fighting.";
        assertEquals(List.of(), subjectIds(self, "it would keep fighting"));
        String org = "NATO said it was worried about the border.";
        assertEquals(List.of(), subjectIds(org, "it was worried about the border"));
        String other = "The Haqqani network runs camps near Khost. The UN said it was worried about the border.";
        assertEquals(List.of(), subjectIds(other, "it was worried about the border"));
    }

    @Test
    void expletiveItAndTheSpeakersOwnReferencesAreNotSubjects() {
        String text = "The Haqqani network seized the pass. Analysts said it was likely that fighting would resume.";
        assertEquals(List.of(), subjectIds(text, "it was likely that fighting would resume"));
        String self = "The TTP said on Monday the group had no role in the blast.";
        assertEquals(List.of(), subjectIds(self, "the group had no role in the blast"));
        int src = self.indexOf("The TTP");
        int cs = self.indexOf("the group had");
        assertEquals(List.of(), ArticleEntities.analyse(self, EntityCatalog.curated())
                .subjectsIn(cs, self.length(), src, src + 7));
    }

    @Test
    void definiteReferencesResolveToTheLatestFittingMention() {
        String text = "Jaish-e-Mohammed was banned in 2002. A senior officer said the group still ran training camps.";
        assertEquals(List.of("Jaish-e-Mohammed"), subjectIds(text, "the group still ran training camps"));
        String org = "Leaders of the Shanghai Cooperation Organisation met in Astana. A diplomat said the "
                + "organisation would expand.";
        assertEquals(List.of("SCO"), subjectIds(org, "the organisation would expand"));
    }

    @Test
    void theMilitantsAreTheEarlierMilitants() {
        String tied = "The Taliban said TTP militants attacked a post in Bannu. An officer said the militants fled.";
        assertEquals(List.of("TTP"), subjectIds(tied, "the militants fled"));
        String from = "Militants from the Islamic Movement of Uzbekistan crossed. Guards said the militants fled.";
        assertEquals(List.of("IMU"), subjectIds(from, "the militants fled"));
        String nobodys = "The Taliban took the town. Dozens of militants were seen. An officer said the militants fled.";
        assertEquals(List.of(), subjectIds(nobodys, "the militants fled"));
        String firstUse = "The Haqqani network took the town. An officer said the militants fled.";
        assertEquals(List.of("Haqqani network"), subjectIds(firstUse, "the militants fled"));
    }

    @Test
    void aSpeakerOfAnEarlierSentenceCanBeReferredTo() {
        String text = "The Taliban denied the claims. Its spokesman said the movement would not allow attacks.";
        assertEquals(List.of("Taliban"), subjectIds(text, "the movement would not allow attacks"));
    }

    @Test
    void aDefiniteReferenceIsBlockedByANewUnnamedReferent() {
        String text = "Boko Haram attacked a town. Soldiers later killed dozens of militants near the lake. "
                + "An officer said the militants killed were foreigners.";
        assertEquals(List.of(), subjectIds(text, "the militants killed were foreigners"));
        String apposition = "Observers accused Kabul of sheltering the militant group, Lashkar-e-Taiba.";
        assertEquals(List.of("Lashkar-e-Taiba"), subjectIds(apposition, "of sheltering the militant group, "
                + "Lashkar-e-Taiba"));
    }

    @Test
    void relativeClauseSubjectIsTheCoordinatedMentionsBefore() {
        String text = "Groups such as Boko Haram and Al-Shabaab, which the report says threaten the Sahel, grew.";
        assertEquals(List.of("Boko Haram", "Al-Shabaab"), subjectIds(text, "threaten the Sahel"));
    }

    @Test
    void aSubjectLeftJustOutsideTheContentCounts() {
        String text = "He said that Boko Haram fighters were moving north.";
        assertEquals(List.of("Boko Haram"), subjectIds(text, "were moving north"));
        String other = "Boko Haram struck, he said, and civilians were moving north.";
        assertEquals(List.of(), subjectIds(other, "were moving north"));
    }

    @Test
    void partitiveRefersToTheGroupCountedBefore() {
        String text = "Officials said the IMU had 700 fighters. Of these, 200 were in Faryab.";
        assertEquals(List.of("IMU"), subjectIds(text, "200 were in Faryab"));
        assertEquals(List.of("IMU"), subjectIds(text, "Of these, 200 were in Faryab"));
        assertEquals(List.of(), subjectIds("The IMU had 700 fighters. Police said 200 were in Faryab.",
                "200 were in Faryab"));
    }

    @Test
    void subjectsAreDeduplicatedWithTheFirstAliasAsWritten() {
        String text = "He said the Tehreek-e-Taliban Pakistan and the TTP leadership are the same.";
        int s = text.indexOf("the Tehreek");
        List<Claim.Subject> subjects = analyse(text).subjectsIn(s, text.length());
        assertEquals(List.of(new Claim.Subject("TTP", "Tehreek-e-Taliban Pakistan")), subjects);
    }

    @Test
    void mentionAtFindsTheOverlappingMention() {
        String text = "A spokesman for the Taliban said so.";
        ArticleEntities e = analyse(text);
        int s = text.indexOf("the Taliban");
        assertEquals("Taliban", e.mentionAt(s, s + 11).orElseThrow().entityId());
        assertFalse(e.mentionAt(0, 11).isPresent());
    }

    @Test
    void catalogResolvesWholeNames() {
        EntityCatalog c = EntityCatalog.curated();
        assertEquals("CSTO", c.idOf("the Collective Security Treaty Organization").orElseThrow());
        assertEquals("Jaish ul-Adl", c.idOf("Jaish al-Adl").orElseThrow());
        assertFalse(c.idOf("the Taliban spokesman").isPresent());
        assertFalse(c.idOf("is").isPresent());
        assertEquals("group", c.kindOf("ISKP").orElseThrow());
    }
}
