package dev.claimtrail.query.claims;

import dev.claimtrail.events.Claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Claims as CSV (RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma, a
 * quote or a line break, quotes doubled), one claim a row under a header row.
 *
 * <p>Article text is untrusted and a CSV file is usually opened in a spreadsheet, which runs a cell that
 * starts with {@code = + - @} (or a tab or carriage return before one) as a formula: such a cell gets a
 * leading apostrophe, which spreadsheets show as text and do not evaluate (OWASP "CSV injection").
 */
public final class ClaimCsv {

    public static final String MEDIA_TYPE = "text/csv";

    private record Column(String name, Function<ClaimView, String> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("id", ClaimView::id),
            new Column("articleId", ClaimView::articleId),
            new Column("externalId", ClaimView::externalId),
            new Column("outlet", c -> c.article() == null ? null : c.article().outlet()),
            new Column("publishedAt", c -> c.article() == null ? null : c.article().publishedAt()),
            new Column("title", c -> c.article() == null ? null : c.article().title()),
            new Column("url", c -> c.article() == null ? null : c.article().url()),
            new Column("sourceName", c -> c.source() == null ? null : c.source().name()),
            new Column("sourceType", c -> c.source() == null ? null : c.source().type()),
            new Column("sourceRole", c -> c.source() == null ? null : c.source().role()),
            new Column("sourceOrganisation", c -> c.source() == null ? null : c.source().organisation()),
            new Column("cue", c -> c.cue() == null ? null : c.cue().text()),
            new Column("stance", ClaimView::stance),
            new Column("direct", c -> Boolean.toString(c.direct())),
            new Column("content", c -> c.content() == null ? null : c.content().text()),
            new Column("claimedAt", c -> c.claimedAt() == null ? null : c.claimedAt().value()),
            new Column("claimedAtPrecision", c -> c.claimedAt() == null ? null : c.claimedAt().precision()),
            new Column("subjects", c -> join(c.subjects(), Claim.Subject::id)),
            new Column("quantities", c -> join(c.quantities(), ClaimCsv::quantity)),
            new Column("locations", c -> join(c.locations(), Claim.Location::name)),
            new Column("via", c -> join(c.via(), Function.identity())),
            new Column("storyId", ClaimView::storyId),
            new Column("extractorVersion", c -> c.extractor() == null ? null : c.extractor().version()));

    private ClaimCsv() {
    }

    public static String header() {
        return COLUMNS.stream().map(Column::name).collect(Collectors.joining(",")) + "\r\n";
    }

    public static String row(ClaimView claim) {
        List<String> cells = new ArrayList<>(COLUMNS.size());
        for (Column column : COLUMNS) {
            cells.add(cell(column.value().apply(claim)));
        }
        return String.join(",", cells) + "\r\n";
    }

    /** One field, neutralised against formula injection, then quoted as RFC 4180 requires. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = value;
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** "up to 6500 members of ISKP", as the figure reads. */
    private static String quantity(Claim.Quantity q) {
        if (q == null || q.value() == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        parts.add(q.qualifier());
        String value = q.value().stripTrailingZeros().toPlainString();
        if (q.valueTo() != null) {
            value += "-" + q.valueTo().stripTrailingZeros().toPlainString();
        }
        parts.add(value);
        parts.add(q.unit());
        if (q.of() != null) {
            parts.add("of " + q.of());
        }
        return parts.stream().filter(Objects::nonNull).filter(s -> !s.isBlank()).collect(Collectors.joining(" "));
    }

    private static <T> String join(List<T> items, Function<T, String> text) {
        if (items == null || items.isEmpty()) {
            return null;
        }
        return items.stream().filter(Objects::nonNull).map(text).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining("; "));
    }
}
