package dev.claimtrail.query.claims;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ClaimDatesTest {

    @Test
    void aYearIsTheWholeYear() {
        assertEquals(new ClaimDates.Period(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)),
                ClaimDates.of("2023", "2024-02-14"));
    }

    @Test
    void aMonthEndsOnItsLastDayLeapYearsIncluded() {
        assertEquals(new ClaimDates.Period(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)),
                ClaimDates.of("2024-02", null));
    }

    @Test
    void withoutAClaimDateThePublicationDateIsUsed() {
        LocalDate day = LocalDate.of(2024, 2, 14);
        assertEquals(new ClaimDates.Period(day, day), ClaimDates.of(null, "2024-02-14"));
    }

    @Test
    void aDateTimeKeepsTheDateAsWrittenWhateverItsOffset() {
        LocalDate day = LocalDate.of(2024, 2, 14);
        assertEquals(new ClaimDates.Period(day, day), ClaimDates.of(null, "2024-02-14T23:30:00-05:00"));
    }

    @Test
    void unreadableOrMissingDatesGiveNoPeriod() {
        assertNull(ClaimDates.of(null, null));
        assertNull(ClaimDates.of("last year", "unknown"));
        assertNull(ClaimDates.of("2024-13", null));
    }
}
