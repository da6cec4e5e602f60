package dev.claimtrail.query.infra;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Parsing of query parameters. Parameters are taken as strings and parsed here because JAX-RS turns a
 * parameter it cannot convert into a 404, where a client deserves a 400 saying what is wrong.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static int limit(String value, int defaultLimit, int maxLimit) {
        if (value == null || value.isBlank()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= maxLimit) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badRequest("limit must be an integer from 1 to " + maxLimit + ", got '" + value + "'");
    }

    /** An ISO date ({@code 2024-02-14}) or null when absent. */
    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be an ISO date such as 2024-02-14, got '" + value + "'");
        }
    }

    /** The trimmed value, or null when absent or blank (a blank filter filters nothing). */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
