package dev.claimtrail.query.infra;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QueryParamsTest {

    @Test
    void limitDefaultsAndBounds() {
        assertEquals(50, QueryParams.limit(null, 50, 500));
        assertEquals(1, QueryParams.limit("1", 50, 500));
        assertEquals(500, QueryParams.limit(" 500 ", 50, 500));
        for (String bad : new String[] {"0", "501", "-3", "ten", "1.5"}) {
            assertEquals(400, assertThrows(ProblemException.class, () -> QueryParams.limit(bad, 50, 500)).status());
        }
    }

    @Test
    void datesAreIso() {
        assertEquals(LocalDate.of(2024, 2, 29), QueryParams.date("from", "2024-02-29"));
        assertNull(QueryParams.date("from", " "));
        ProblemException e = assertThrows(ProblemException.class, () -> QueryParams.date("to", "14/02/2024"));
        assertEquals(400, e.status());
        assertEquals("to must be an ISO date such as 2024-02-14, got '14/02/2024'", e.getMessage());
    }
}
