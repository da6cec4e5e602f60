package dev.claimtrail.claims.extraction.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.claimtrail.events.Claim;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimeResolverTest {

    private final TimeResolver resolver = new TimeResolver();

    /** Resolves the sentence {@code text} whose content is {@code content}. */
    private Claim.ClaimedAt at(String text, String content, LocalDate published) {
        int cs = text.indexOf(content);
        return resolver.resolve(text, 0, text.length(), cs, cs + content.length(), published);
    }

    private static Claim.ClaimedAt day(String v) {
        return new Claim.ClaimedAt(v, Claim.ClaimedAt.DAY);
    }

    private static Claim.ClaimedAt month(String v) {
        return new Claim.ClaimedAt(v, Claim.ClaimedAt.MONTH);
    }

    private static Claim.ClaimedAt year(String v) {
        return new Claim.ClaimedAt(v, Claim.ClaimedAt.YEAR);
    }

    @Test
    void explicitDatesWithAndWithoutYear() {
        LocalDate pub = LocalDate.of(2019, 7, 3);
        assertEquals(day("2019-07-01"), at("The minister told journalists in Kabul on July 1 that the pass was closed.",
                "the pass was closed", pub));
        assertEquals(day("2018-09-12"), at("On Wednesday, 12 September 2018, the envoy said talks had failed.",
                "talks had failed", pub));
        assertEquals(month("2017-06"), at("In June 2017, a UN panel reported that the camps had grown.",
                "the camps had grown", null));
        assertEquals(year("2016"), at("The ministry warned late in 2016 that attacks would rise.",
                "attacks would rise", pub));
    }

    @Test
    void aYearBeforeADocumentDatesIt() {
        LocalDate pub = LocalDate.of(2024, 5, 2);
        assertEquals(year("2023"), at("According to a 2023 UN Security Council report, the camps had grown.",
                "the camps had grown", pub));
        assertNull(at("According to a 2023 estimate, the camps had grown.", "the camps had grown", pub));
    }

    @Test
    void monthsWithoutYearLeanToThePast() {
        LocalDate february = LocalDate.of(2020, 2, 20);
        assertEquals(month("2019-11"), at("In November, the governor said the road was unsafe.", "the road was unsafe",
                february));
        assertEquals(month("2020-01"), at("In January, the governor said the road was unsafe.", "the road was unsafe",
                february));
        // a date a little after publication is a time-zone slip, a later one is last year
        assertEquals(day("2020-02-21"), at("He said on February 21 that it was over.", "it was over", february));
        assertEquals(day("2019-03-02"), at("He said on March 2 that it was over.", "it was over", february));
    }

    @Test
    void weekdaysAreTheLatestSuchDayOnOrBeforePublication() {
        LocalDate friday = LocalDate.of(2021, 5, 14);
        assertEquals(day("2021-05-12"), at("The spokesman said at a briefing on Wednesday that troops were leaving.",
                "troops were leaving", friday));
        assertEquals(day("2021-05-14"), at("On Friday the spokesman said troops were leaving.", "troops were leaving",
                friday));
        assertEquals(day("2021-05-07"), at("Last Friday the spokesman said troops were leaving.",
                "troops were leaving", friday));
    }

    @Test
    void relativeExpressions() {
        LocalDate pub = LocalDate.of(2021, 5, 14);
        assertEquals(day("2021-05-14"), at("The mayor said today that water was short.", "water was short", pub));
        assertEquals(day("2021-05-13"), at("The mayor said yesterday that water was short.", "water was short", pub));
        assertEquals(month("2021-04"), at("Last month the mayor said that water was short.", "water was short", pub));
        assertEquals(year("2020"), at("Last year the mayor said that water was short.", "water was short", pub));
        // the week of 3-9 May lies in May; the week of 26 April - 2 May does not lie in one month
        assertEquals(month("2021-05"), at("The mayor said last week that water was short.", "water was short", pub));
        assertNull(at("The mayor said last week that water was short.", "water was short", LocalDate.of(2021, 5, 4)));
    }

    @Test
    void onlyTimesOfTheStatementCount() {
        LocalDate pub = LocalDate.of(2021, 5, 14);
        // inside the content: when the event happened, not when it was said
        assertNull(at("Officials said militants attacked the post on Monday.", "militants attacked the post on Monday",
                pub));
        // another event's time
        assertNull(at("The council has been alarmed ever since the coup last August, it said.",
                "has been alarmed", pub));
        // inside another quote of the same sentence
        assertNull(at("“We left in March,” he said, adding that the army was ready.", "the army was ready", pub));
        assertNull(at("The alliance, founded in 2002, said the drills would go ahead.", "the drills would go ahead",
                pub));
        assertNull(at("The Taliban, who seized power in August 2021, said the drills were a provocation.",
                "the drills were a provocation", pub));
        assertEquals(day("2021-05-12"), at("Ali, who spoke at a briefing on Wednesday, said the drills were over.",
                "the drills were over", pub));
        assertNull(at("Commenting on Monday's attack, the governor said the town was calm.", "the town was calm",
                pub));
        assertNull(at("Visiting the site of the May 4 raid, the governor said the town was calm.", "the town was calm",
                pub));
        assertEquals(day("2021-05-10"), at("Monday's statement from the ministry said the town was calm.",
                "the town was calm", pub));
        // vague or periods
        assertNull(at("The envoy recently said that talks were stuck.", "talks were stuck", pub));
        assertNull(at("Over the past two years, the bloc has voiced concern about the camps.", "about the camps",
                pub));
    }

    @Test
    void theMostPreciseTimeWins() {
        LocalDate pub = LocalDate.of(2022, 3, 11);
        assertEquals(day("2022-03-10"), at("On Thursday, reviewing the results of 2021 and plans for 2022, the general "
                + "said the border was calm.", "the border was calm", pub));
    }

    @Test
    void withoutPublicationDateOnlyYearsResolve() {
        assertNull(at("On Wednesday the spokesman said it was over.", "it was over", null));
        assertNull(at("In March the spokesman said it was over.", "it was over", null));
        assertNull(at("Yesterday the spokesman said it was over.", "it was over", null));
        assertEquals(day("2015-03-05"), at("On March 5, 2015 the spokesman said it was over.", "it was over", null));
    }

    @Test
    void publishedDateParsesCommonForms() {
        assertEquals(LocalDate.of(2024, 2, 14), TimeResolver.publishedDate("2024-02-14"));
        assertEquals(LocalDate.of(2024, 2, 14), TimeResolver.publishedDate("2024-02-14T23:30:00+05:00"));
        assertEquals(LocalDate.of(2024, 2, 14), TimeResolver.publishedDate("2024-02-14T10:00:00Z"));
        assertEquals(LocalDate.of(2024, 2, 14), TimeResolver.publishedDate("2024-02-14T10:00:00"));
        assertEquals(LocalDate.of(2024, 2, 14), TimeResolver.publishedDate("2024-02-14 10:00:00"));
        assertEquals(LocalDate.of(2024, 2, 14), TimeResolver.publishedDate("Wed, 14 Feb 2024 10:00:00 GMT"));
        assertNull(TimeResolver.publishedDate(null));
        assertNull(TimeResolver.publishedDate(" "));
        assertNull(TimeResolver.publishedDate("yesterday"));
        assertNull(TimeResolver.publishedDate("2024-02-30"));
    }
}
