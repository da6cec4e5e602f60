package dev.claimtrail.claims.extraction.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.claimtrail.events.Claim;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OccasionDatesTest {

    private final OccasionDates dates = new OccasionDates(new TimeResolver());
    private static final LocalDate PUB = LocalDate.of(2021, 5, 14);

    /** A claim whose evidence is the sentence holding {@code content}. */
    private static OccasionDates.Input claim(String text, String source, String content) {
        int cs = text.indexOf(content);
        int es = Math.max(0, text.lastIndexOf(". ", cs) + 2);
        if (es == 1) {
            es = 0;
        }
        int ee = text.indexOf('.', cs + content.length()) + 1;
        return new OccasionDates.Input(source, es, ee, cs, cs + content.length());
    }

    @Test
    void aTimeStatedOnceCarriesOverToTheSameSourcesLaterClaims() {
        String text = "At a briefing on Wednesday, Jane Roe said the pass was closed. Roe added that aid was late. "
                + "Officials said fuel was short. John Doe said nothing had changed.";
        List<OccasionDates.Input> in = new ArrayList<>();
        in.add(claim(text, "Jane Roe", "the pass was closed"));
        in.add(claim(text, "Jane Roe", "aid was late"));
        in.add(claim(text, null, "fuel was short"));
        in.add(claim(text, "John Doe", "nothing had changed"));
        List<Claim.ClaimedAt> out = dates.resolve(text, in, PUB);
        assertEquals("2021-05-12", out.get(0).value());
        assertEquals("2021-05-12", out.get(1).value());
        assertNull(out.get(2));
        assertNull(out.get(3));
    }

    @Test
    void aLeadTakesTheTimeOfTheSameSourcesLaterStatement() {
        String text = "Jane Roe has warned that the pass is unsafe. Roe told reporters on Monday that the pass was "
                + "mined.";
        List<Claim.ClaimedAt> out = dates.resolve(text, List.of(claim(text, "Jane Roe", "the pass is unsafe"),
                claim(text, "Jane Roe", "the pass was mined")), PUB);
        assertEquals("2021-05-10", out.get(0).value());
    }

    @Test
    void aVagueTimeIsNotOverriddenAndStopsTheCarryOver() {
        String text = "On Monday Jane Roe visited the border. Roe recently said the pass was mined. Roe said the "
                + "guards had left.";
        List<Claim.ClaimedAt> out = dates.resolve(text, List.of(claim(text, "Jane Roe", "the pass was mined"),
                claim(text, "Jane Roe", "the guards had left")), PUB);
        assertNull(out.get(0));
        assertNull(out.get(1));
    }

    @Test
    void theSentenceBeforeSetsTheSceneWhenItNamesTheSource() {
        String text = "The president met Jane Roe in Dushanbe today. \u201CWe are ready,\u201D Roe said.";
        List<Claim.ClaimedAt> out = dates.resolve(text, List.of(claim(text, "Jane Roe", "We are ready")), PUB);
        assertEquals("2021-05-14", out.get(0).value());
    }
}
