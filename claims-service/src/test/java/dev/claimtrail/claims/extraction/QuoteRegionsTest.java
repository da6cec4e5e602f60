package dev.claimtrail.claims.extraction;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuoteRegionsTest {

    @Test
    void typographicQuoteIsOneRegionWithNestedMarks() {
        String text = "He said that “a “ring of fire” is forming” near the border.";
        QuoteRegions q = QuoteRegions.of(text);
        assertEquals(1, q.regions().size());
        QuoteRegions.Region r = q.regions().get(0);
        assertEquals("“a “ring of fire” is forming”", text.substring(r.start(), r.end()));
    }

    @Test
    void quoteRunningIntoTheNextParagraphContinuesWhenTheParagraphReopensIt() {
        String text = "“We will not leave.\n“Nobody can make us,” she said.";
        QuoteRegions q = QuoteRegions.of(text);
        assertEquals(1, q.regions().size());
        assertTrue(text.substring(q.regions().get(0).start(), q.regions().get(0).end()).contains("Nobody can make us"));
    }

    @Test
    void unclosedQuoteEndsWithItsParagraphWhenTheNextDoesNotReopen() {
        String text = "“We will not leave.\nThe crowd dispersed later.";
        QuoteRegions q = QuoteRegions.of(text);
        assertEquals(1, q.regions().size());
        assertEquals("“We will not leave.", text.substring(q.regions().get(0).start(), q.regions().get(0).end()));
    }

    @Test
    void straightQuotesPairUp() {
        String text = "\"Prices will fall,\" said the governor. He called it a \"reset\".";
        QuoteRegions q = QuoteRegions.of(text);
        assertEquals(2, q.regions().size());
        assertEquals("\"reset\"", text.substring(q.regions().get(1).start(), q.regions().get(1).end()));
    }

    @Test
    void closingBeforeIgnoresAParagraphBreak() {
        String text = "“It is over.”\n\nRivera said the vote was fair.";
        QuoteRegions q = QuoteRegions.of(text);
        assertNull(q.closingBefore(text, text.indexOf("Rivera")));
        String inline = "“It is over,” Rivera said.";
        assertEquals(0, QuoteRegions.of(inline).closingBefore(inline, inline.indexOf("Rivera")).start());
    }
}
