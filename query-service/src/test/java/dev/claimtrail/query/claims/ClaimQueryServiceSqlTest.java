package dev.claimtrail.query.claims;

import org.junit.jupiter.api.Test;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SQL assembly on its own; what it returns is covered against PostgreSQL in ClaimApiTest. */
class ClaimQueryServiceSqlTest {

    @Test
    void withoutFiltersOnlyServedClaimsAfterTheCursor() {
        List<Object> params = new ArrayList<>();
        String sql = ClaimQueryService.sql(new ClaimFilter(null, null, null, null, null, null, null, false),
                new ClaimQueryService.After(null, 42), 10, params);
        assertTrue(sql.contains("JOIN article_serving"));
        assertEquals(List.of(42L, 10), params);
    }

    @Test
    void historyDropsTheServingJoin() {
        String sql = ClaimQueryService.sql(new ClaimFilter(null, null, null, null, null, null, null, true),
                ClaimQueryService.After.START, 10, new ArrayList<>());
        assertFalse(sql.contains("article_serving"));
    }

    @Test
    void everyFilterIsABoundParameterInOrder() {
        List<Object> params = new ArrayList<>();
        String sql = ClaimQueryService.sql(new ClaimFilter("a1", "ext", "Śid_%", "TTP",
                LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), "threat -syria", false),
                new ClaimQueryService.After(LocalDate.of(2023, 3, 1), 7), 5, params);
        assertEquals(List.of(Date.valueOf("2023-03-01"), 7L, "a1", "ext", "%sid\\_\\%%", "ttp", "ttp",
                Date.valueOf("2023-01-01"), Date.valueOf("2023-12-31"), "threat -syria", 5), params);
        assertEquals(params.size(), sql.chars().filter(c -> c == '?').count());
        assertTrue(sql.contains("websearch_to_tsquery('english', ?)"));
        assertTrue(sql.contains("ORDER BY c.claim_date_to, c.seq"), "a list with a first day is in date order");
    }

    @Test
    void withoutAFirstDayTheListIsInRecordingOrder() {
        String sql = ClaimQueryService.sql(new ClaimFilter(null, null, null, null, null,
                LocalDate.of(2023, 12, 31), null, false), ClaimQueryService.After.START, 10, new ArrayList<>());
        assertTrue(sql.contains("ORDER BY c.seq"));
    }
}
