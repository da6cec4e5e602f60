package dev.claimtrail.ingest.formats;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlTextExtractorTest {

    static String resource(String path) {
        try (InputStream in = HtmlTextExtractorTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void pageWithFurnitureGivesTheArticleParagraphsSeparatedByBlankLines() {
        HtmlArticle page = HtmlTextExtractor.extractPage(resource("/samples/article-with-furniture.html"), null);
        String text = page.text();

        assertTrue(text.contains("ISLAMABAD — Talks between the government and the outlawed group will resume next week,"), text);
        assertTrue(text.contains("after a pause of almost three months.\n\n“We have agreed on a venue and a date,” the minister"), text);
        assertTrue(text.contains("displaced by the fighting since November.\n\nThe opposition called the announcement a publicity stunt and demanded"), text);
        for (String furniture : new String[] {"Skip to content", "Business", "cookies", "Share on X", "Print this article",
                "Earlier talks collapse", "Write a comment", "First comment", "morning briefing", "All rights reserved",
                "tracking", "trackParagraph", "dataLayer", "font-family"}) {
            assertFalse(text.contains(furniture), "furniture '" + furniture + "' in:\n" + text);
        }
        for (String markup : new String[] {"<", "javascript:", "onclick", "alert("}) {
            assertFalse(text.contains(markup), "markup '" + markup + "' in:\n" + text);
        }
        assertEquals("Ceasefire talks to resume, minister says", page.title());
        assertEquals("https://courier.example.com/world/2024/02/14/ceasefire-talks-resume", page.canonicalUrl());
        assertEquals("2024-02-14T10:31:00+05:00", page.publishedAt());
        assertEquals("en-GB", page.language());
        assertEquals("The Harbour Courier", page.outlet());
    }

    @Test
    void fragmentKeepsShortContentAndItsBreaks() {
        String text = HtmlTextExtractor.extractFragment(
                "<p>First   paragraph,\n spread over lines.</p><p>Second<br>with a break.</p>"
                        + "<script>alert(1)</script><p>&lt;script&gt; is text here, as is a\u00A0non-breaking space "
                        + "and a zero\u200Bwidth one.</p><pre>  kept\n    as is</pre>");
        assertEquals("First paragraph, spread over lines.\n\nSecond\nwith a break.\n\n"
                + "<script> is text here, as is a\u00A0non-breaking space and a zero\u200Bwidth one.\n\n  kept\n    as is", text);
    }

    @Test
    void inlineElementsDoNotBreakWords() {
        assertEquals("Prices rose 12% in January.",
                HtmlTextExtractor.extractFragment("<p>Prices <b>rose</b> <i>12%</i> in Jan<span>uary</span>.</p>"));
    }

    @Test
    void aFurnitureWordOnAWrapperDoesNotTakeTheArticleWithIt() {
        String html = "<html><body><div class=\"layout has-sidebar\"><article>"
                + "<p>The finance minister said on Monday that the budget deficit would narrow to 4 percent next year.</p>"
                + "<p>Analysts said the forecast relied on optimistic revenue assumptions.</p>"
                + "</article><div class=\"sidebar\"><p>Most read: celebrity news</p></div></div></body></html>";
        String text = HtmlTextExtractor.extractPage(html, "https://example.org/a").text();
        assertEquals("The finance minister said on Monday that the budget deficit would narrow to 4 percent next year."
                + "\n\nAnalysts said the forecast relied on optimistic revenue assumptions.", text);
    }
}
