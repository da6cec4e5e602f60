package dev.claimtrail.query.claims;

import dev.claimtrail.query.infra.KeysetCursor;
import dev.claimtrail.query.infra.ProblemException;
import dev.claimtrail.query.infra.TextCursor;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The cursors of {@code /api/claims}: a recording-order list pages on the claim's number, a date-order
 * list ({@link ClaimFilter#chronological}) on its last day and number. A cursor of the one order is
 * refused by a list in the other (400), rather than silently starting somewhere else.
 */
public final class ClaimCursor {

    private static final String BY_DATE = "claims-by-date";

    private ClaimCursor() {
    }

    public static String encode(ClaimFilter filter, ClaimQueryService.Row last) {
        return filter.chronological()
                ? TextCursor.encode(BY_DATE, last.dateTo().toString(), Long.toString(last.seq()))
                : KeysetCursor.encode(last.seq());
    }

    public static ClaimQueryService.After decode(ClaimFilter filter, String cursor) {
        if (!filter.chronological()) {
            return new ClaimQueryService.After(null, KeysetCursor.decode(cursor));
        }
        List<String> parts = TextCursor.decode(BY_DATE, 2, cursor);
        if (parts == null) {
            return ClaimQueryService.After.START;
        }
        try {
            return new ClaimQueryService.After(LocalDate.parse(parts.get(0)), Long.parseLong(parts.get(1)));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw ProblemException.badRequest("cursor '" + cursor + "' is not a cursor this API issued for this list");
        }
    }
}
