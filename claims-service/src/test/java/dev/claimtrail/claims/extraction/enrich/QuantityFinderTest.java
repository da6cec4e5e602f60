package dev.claimtrail.claims.extraction.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claimtrail.events.Claim;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuantityFinderTest {

    private final QuantityFinder finder = new QuantityFinder();

    private List<Claim.Quantity> find(String text) {
        return finder.find(text, 0, text.length(), ArticleEntities.analyse(text, EntityCatalog.curated()));
    }

    private static void assertFigure(Claim.Quantity q, String value, String qualifier, String unit) {
        assertEquals(0, new BigDecimal(value).compareTo(q.value()), "value of " + q);
        assertEquals(qualifier, q.qualifier(), "qualifier of " + q);
        assertEquals(unit, q.unit(), "unit of " + q);
    }

    @Test
    void qualifiersAreNormalised() {
        List<Claim.Quantity> q = find("He said as many as 2,000 fighters, over 300 militants, nearly 1.2 million "
                + "people, at least 15 soldiers, fewer than 20 civilians and exactly 12 policemen were involved.");
        assertEquals(6, q.size(), q.toString());
        assertFigure(q.get(0), "2000", "up to", "fighters");
        assertFigure(q.get(1), "300", "more than", "militants");
        assertFigure(q.get(2), "1200000", "about", "people");
        assertFigure(q.get(3), "15", "at least", "soldiers");
        assertFigure(q.get(4), "20", "less than", "civilians");
        assertFigure(q.get(5), "12", null, "policemen");
        assertEquals("as many as 2,000 fighters", q.get(0).text());
    }

    @Test
    void rangesCarryBothEnds() {
        List<Claim.Quantity> q = find("Between 4,000 and 5,000 fighters crossed, then 700-900 more, and 4-5 thousand "
                + "recruits waited.");
        assertEquals(3, q.size(), q.toString());
        assertFigure(q.get(0), "4000", null, "fighters");
        assertEquals(0, new BigDecimal("5000").compareTo(q.get(0).valueTo()));
        assertEquals(0, new BigDecimal("900").compareTo(q.get(1).valueTo()));
        assertFigure(q.get(2), "4000", null, "recruits");
        assertEquals(0, new BigDecimal("5000").compareTo(q.get(2).valueTo()));
    }

    @Test
    void wordNumbersCount() {
        List<Claim.Quantity> q = find("Two thousand militants and three soldiers were seen, plus a dozen trucks "
                + "and twenty-five drones.");
        assertEquals(4, q.size(), q.toString());
        assertFigure(q.get(0), "2000", null, "militants");
        assertFigure(q.get(1), "3", null, "soldiers");
        assertFigure(q.get(2), "12", "about", "trucks");
        assertFigure(q.get(3), "25", null, "drones");
    }

    @Test
    void vagueAmountsDatesOrdinalsAndDurationsAreNotFigures() {
        String text = "Dozens of militants and hundreds of civilians fled in 2019, on March 5 and on 14 June. "
                + "At the 16th session, one of the delegates said that over the past two years, several thousand "
                + "people and a 25-year-old man had left. Resolution 2254 and Su-25 jets were cited; 2022 marks "
                + "the anniversary, at 10:30 local time.";
        assertEquals(List.of(), find(text));
    }

    @Test
    void percentagesAndMoney() {
        List<Claim.Quantity> q = find("Attacks rose by 60% and 12 per cent, costing $3 billion and 500 million rubles.");
        assertEquals(4, q.size(), q.toString());
        assertFigure(q.get(0), "60", null, "percent");
        assertFigure(q.get(1), "12", null, "percent");
        assertFigure(q.get(2), "3000000000", null, "USD");
        assertFigure(q.get(3), "500000000", null, "RUB");
    }

    @Test
    void writtenFormsOfUnitsAndMultipliers() {
        List<Claim.Quantity> q = find("A 1,400km fence, a 1,344-kilometre border, 5k members, US$2.5m and Rs 500 crore "
                + "were listed; 5,000 or more fled.");
        assertEquals(6, q.size(), q.toString());
        assertFigure(q.get(0), "1400", null, "km");
        assertFigure(q.get(1), "1344", null, "kilometre");
        assertFigure(q.get(2), "5000", null, "members");
        assertFigure(q.get(3), "2500000", null, "USD");
        assertEquals("US$2.5m", q.get(3).text());
        assertFigure(q.get(4), "5000000000", null, "INR");
        assertEquals("at least", q.get(5).qualifier());
    }

    @Test
    void noBreakSpacesAreSpaces() {
        List<Claim.Quantity> q = find("Officials said up\u00A0to 6,500\u00A0members were active.");
        assertEquals(1, q.size(), q.toString());
        assertFigure(q.get(0), "6500", "up to", "members");
    }

    @Test
    void smallNumbersWithoutANounAreNoFigures() {
        assertEquals(List.of(), find("See page 5. The talks began at 3 p.m.; 1 in 5 recruits and one in four women left."));
    }

    @Test
    void ownerIsTheGroupWhosePeopleAreCounted() {
        List<Claim.Quantity> q = find("The IMU has about 700 fighters, while 300 members of Hizb ut-Tahrir were "
                + "arrested and 40 km of road was closed.");
        assertEquals(3, q.size(), q.toString());
        assertEquals("IMU", q.get(0).of());
        assertEquals("Hizb ut-Tahrir", q.get(1).of());
        assertNull(q.get(2).of());
        assertFigure(q.get(2), "40", null, "km");
    }

    @Test
    void aBareFigureContinuesTheFigureBefore() {
        String text = "Officials said Boko Haram had up to 3,000 fighters. Of these, 1,000 were near the lake.";
        int s = text.indexOf("1,000");
        List<Claim.Quantity> q = finder.find(text, s, text.length(), ArticleEntities.analyse(text,
                EntityCatalog.curated()));
        assertEquals(1, q.size());
        assertFigure(q.get(0), "1000", null, "fighters");
        assertEquals("Boko Haram", q.get(0).of());
    }

    @Test
    void onlyTheSpanIsRead() {
        String text = "About 900 soldiers came. Later 40 tanks left.";
        int s = text.indexOf("Later");
        List<Claim.Quantity> q = finder.find(text, s, text.length(), null);
        assertEquals(1, q.size());
        assertFigure(q.get(0), "40", null, "tanks");
        assertTrue(finder.find(text, 5, 5, null).isEmpty());
    }
}
