package dev.claimtrail.query.claims;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * The date a claim is filtered by: when it was made if the text says, else when the article was
 * published. Dates are kept at their precision as the period they denote ("2023" is the whole
 * year), so a range filter matches a claim whose period overlaps the range.
 */
public final class ClaimDates {

    /** An inclusive period of days. */
    public record Period(LocalDate from, LocalDate to) {
    }

    private ClaimDates() {
    }

    public static Period of(String claimedAt, String publishedAt) {
        Period claimed = parse(claimedAt);
        return claimed != null ? claimed : parse(publishedAt);
    }

    /**
     * Reads {@code 2024}, {@code 2024-02}, {@code 2024-02-14} or a date-time whose date part is taken as
     * written ({@code 2024-02-14T09:00:00+05:00} is the 14th where it was published); null when the value
     * is absent or not a date.
     */
    static Period parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.length() == 4) {
                int year = Integer.parseInt(v);
                return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
            if (v.length() == 7) {
                YearMonth month = YearMonth.parse(v);
                return new Period(month.atDay(1), month.atEndOfMonth());
            }
            if (v.length() >= 10) {
                LocalDate day = LocalDate.parse(v.substring(0, 10));
                return new Period(day, day);
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
        return null;
    }
}
