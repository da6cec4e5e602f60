package dev.claimtrail.ingest.articles;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Brings the publication times feeds send to the two forms {@code ArticleSnapshot.publishedAt}
 * allows: an ISO date when the feed only knows the day (inventing midnight would claim a precision
 * the feed never had), else an ISO date-time with offset.
 */
public final class PublishedAtNormaliser {

    private PublishedAtNormaliser() {
    }

    /**
     * Accepts an ISO-8601 date ({@code 2024-02-14}), an ISO-8601 date-time with offset or zone, an
     * ISO-8601 local date-time (taken as UTC) or an RFC 1123 date-time ({@code Wed, 14 Feb 2024
     * 10:00:00 GMT}, as RSS and HTTP write them).
     *
     * @throws IllegalArgumentException with a message fit to follow the field name
     */
    public static String normalise(String value) {
        String text = value.strip();
        try {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE));
        } catch (DateTimeParseException notADate) {
            // try the date-time forms
        }
        OffsetDateTime dateTime = parseDateTime(text);
        if (dateTime == null) {
            throw new IllegalArgumentException("'" + abbreviate(text) + "' is not an ISO-8601 date (2024-02-14), "
                    + "an ISO-8601 date-time (2024-02-14T10:00:00+01:00) or an RFC 1123 date-time "
                    + "(Wed, 14 Feb 2024 10:00:00 GMT)");
        }
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
    }

    private static OffsetDateTime parseDateTime(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.ISO_ZONED_DATE_TIME).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
