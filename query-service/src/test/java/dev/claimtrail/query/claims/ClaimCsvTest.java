package dev.claimtrail.query.claims;

import dev.claimtrail.events.Claim;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimCsvTest {

    @Test
    void fieldsAreQuotedAsRfc4180Requires() {
        assertEquals("plain text", ClaimCsv.cell("plain text"));
        assertEquals("\"a, b\"", ClaimCsv.cell("a, b"));
        assertEquals("\"he said \"\"no\"\"\"", ClaimCsv.cell("he said \"no\""));
        assertEquals("\"two\nlines\"", ClaimCsv.cell("two\nlines"));
        assertEquals("\"two\r\nlines\"", ClaimCsv.cell("two\r\nlines"));
        assertEquals("", ClaimCsv.cell(null));
        assertEquals("", ClaimCsv.cell(""));
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreNeutralised() {
        assertEquals("'=1+2", ClaimCsv.cell("=1+2"), "a formula gets a leading apostrophe");
        assertEquals("\"'=SUM(A1,A2)\"", ClaimCsv.cell("=SUM(A1,A2)"), "neutralised, then quoted");
        assertEquals("'+1", ClaimCsv.cell("+1"));
        assertEquals("'-2+3", ClaimCsv.cell("-2+3"));
        assertEquals("'@SUM(A1)", ClaimCsv.cell("@SUM(A1)"));
        assertEquals("'\t=1", ClaimCsv.cell("\t=1"));
        assertEquals("\"'\r=1\"", ClaimCsv.cell("\r=1"));
        assertEquals("a=b", ClaimCsv.cell("a=b"), "only a leading sign makes a formula");
    }

    @Test
    void aRowHasOneCellPerHeaderColumn() {
        Claim.ArticleRef ref = new Claim.ArticleRef("art-1", 1, "ext-1", "Outlet, Inc.", "https://x.example/1", "2024-02-14");
        ClaimView view = ClaimView.of(new Claim("c-1", Claim.ATTRIBUTED, ref, new Claim.Extractor("x", "1.0"),
                new Claim.Source("=cmd|' /C calc'!A0", Claim.Source.PERSON, null, null, null),
                new Claim.Cue("said", "say", 0, 4), Claim.ASSERTS, false, new Claim.Span("up to 3,000 \"fighters\"", 5, 27),
                null, List.of(new Claim.Subject("NF", "Northern Front")),
                List.of(new Claim.Quantity(BigDecimal.valueOf(3000), null, "up to", "fighters", "NF", "up to 3,000")),
                List.of(), null, List.of("Agency")), "A title", "story-1");
        String row = ClaimCsv.row(view);
        assertTrue(row.endsWith("\r\n"));
        assertTrue(row.contains(",\"Outlet, Inc.\","), row);
        assertTrue(row.contains(",'=cmd|' /C calc'!A0,"), row);
        assertTrue(row.contains(",\"up to 3,000 \"\"fighters\"\"\","), row);
        assertTrue(row.contains(",up to 3000 fighters of NF,"), row);
        assertEquals(ClaimCsv.header().split(",").length, parse(row).size());
    }

    /** Splits one RFC 4180 record (no line breaks inside) into its fields. */
    static List<String> parse(String line) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        String text = line.endsWith("\r\n") ? line.substring(0, line.length() - 2) : line;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}
