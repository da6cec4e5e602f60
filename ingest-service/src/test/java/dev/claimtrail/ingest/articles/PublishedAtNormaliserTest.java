package dev.claimtrail.ingest.articles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublishedAtNormaliserTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a date stays a date: no invented time of day
            "2024-02-14|2024-02-14",
            " 2024-02-14 |2024-02-14",
            // date-times keep their offset
            "2024-02-14T10:15:30+01:00|2024-02-14T10:15:30+01:00",
            "2024-02-14T10:15:30Z|2024-02-14T10:15:30Z",
            "2024-02-14T10:15Z|2024-02-14T10:15:00Z",
            "2024-02-14T10:15:30.250-05:00|2024-02-14T10:15:30.25-05:00",
            "2024-02-14T10:15:30+01:00[Europe/Paris]|2024-02-14T10:15:30+01:00",
            // no offset: taken as UTC
            "2024-02-14T10:15:30|2024-02-14T10:15:30Z",
            "2024-02-14T10:15|2024-02-14T10:15:00Z",
            // RFC 1123, as RSS and HTTP write dates
            "'Wed, 14 Feb 2024 10:15:30 GMT'|2024-02-14T10:15:30Z",
            "'Wed, 14 Feb 2024 10:15:30 +0530'|2024-02-14T10:15:30+05:30",
            "'14 Feb 2024 10:15:30 GMT'|2024-02-14T10:15:30Z",
    })
    void normalises(String input, String expected) {
        assertEquals(expected, PublishedAtNormaliser.normalise(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "14/02/2024", "2024-02-30", "2024-13-01", "2024-02-14 10:15:30",
            "1707905730", "2024-02-14T25:00:00Z", "Feb 14, 2024"})
    void rejectsOtherFormats(String input) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PublishedAtNormaliser.normalise(input));
        assertTrue(e.getMessage().contains(input.strip()), e.getMessage());
        assertTrue(e.getMessage().contains("RFC 1123"), e.getMessage());
    }

    @Test
    void quotesOnlyTheStartOfALongValue() {
        String junk = "x".repeat(500);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PublishedAtNormaliser.normalise(junk));
        assertTrue(e.getMessage().length() < 300, e.getMessage());
    }
}
