package dev.claimtrail.claims.extraction;

import dev.claimtrail.events.Claim;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.claimtrail.claims.extraction.Extraction.claims;
import static dev.claimtrail.claims.extraction.Extraction.describe;
import static dev.claimtrail.claims.extraction.Extraction.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who spoke: names, surnames, pronouns, roles, unnamed sources, documents, co-sources. */
class SourcesTest {

    private static final String ARTICLE = """
            Chile's Energy Minister Pablo Herrera met mining executives on Monday.
            Herrera said the copper tax would not change this year. He added that lithium exports had risen by 40%.
            The Peruvian ambassador to Chile, Mariela Quispe, said that her government wanted a joint agreement.
            The Peruvian ambassador also warned that smuggling across the border was growing.
            Local officials said the roads to the mine were blocked.
            A report by the World Bank found that the region had attracted $2 billion in investment.
            Bolivia and Argentina said they would join the talks.
            """;

    @Test
    void surnameAndPronounResolveToTheFullName() {
        List<Claim> claims = claims(ARTICLE);
        assertEquals("Pablo Herrera", only(claims, "copper tax").source().name(), describe(claims));
        Claim pronoun = only(claims, "lithium exports");
        assertEquals("Pablo Herrera", pronoun.source().name());
        assertEquals("He", pronoun.source().mention().text());
    }

    @Test
    void roleOnlyMentionResolvesToThePersonWithThatRole() {
        List<Claim> claims = claims(ARTICLE);
        Claim named = only(claims, "joint agreement");
        assertEquals("Mariela Quispe", named.source().name());
        assertTrue(named.source().role().toLowerCase().contains("ambassador"), named.source().role());
        assertEquals("Mariela Quispe", only(claims, "smuggling").source().name(), describe(claims));
    }

    @Test
    void unnamedSourcesKeepTheirDescription() {
        Claim c = only(claims(ARTICLE), "roads to the mine");
        assertEquals("unnamed", c.source().type());
        assertTrue(c.source().name().contains("officials"));
    }

    @Test
    void documentsAreNamedAfterTheirAuthor() {
        Claim c = only(claims(ARTICLE), "attracted");
        assertEquals("document", c.source().type());
        assertTrue(c.source().name().contains("World Bank"), c.source().name());
    }

    @Test
    void namedCoSourcesGiveOneClaimEach() {
        List<Claim> joint = claims(ARTICLE).stream().filter(c -> c.content().text().contains("join the talks")).toList();
        assertEquals(2, joint.size(), describe(joint));
        assertNotEquals(joint.get(0).source().name(), joint.get(1).source().name());
        assertNotEquals(joint.get(0).id(), joint.get(1).id());
        assertTrue(joint.stream().allMatch(c -> c.source().type().equals("organisation")));
    }

    @Test
    void anUnnamedGroupWithANamedMemberIsOneSource() {
        List<Claim> claims = claims("Kenya and several neighbouring states said the locust swarms were spreading.");
        assertEquals(1, claims.size(), describe(claims));
    }
}
