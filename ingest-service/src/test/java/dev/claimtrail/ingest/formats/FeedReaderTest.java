package dev.claimtrail.ingest.formats;

import dev.claimtrail.ingest.infra.ProblemException;
import dev.claimtrail.ingest.infra.ProblemType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.claimtrail.ingest.formats.HtmlTextExtractorTest.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedReaderTest {

    private static List<FeedReader.FeedItem> read(String xml) {
        return FeedReader.read(xml.getBytes(StandardCharsets.UTF_8), 100);
    }

    @Test
    void rssItemsBecomeArticles() {
        List<FeedReader.FeedItem> items = read(resource("/samples/feed.rss.xml"));
        assertEquals(3, items.size());
        ArticleFields first = items.get(0).fields();
        assertEquals(1, items.get(0).position());
        assertEquals("Port strike enters second week as talks stall", first.title());
        assertEquals("https://courier.example.com/world/2024/02/13/port-strike-second-week?utm_source=rss&utm_medium=feed",
                first.url());
        assertEquals("courier-88121", first.externalId());
        assertEquals("2024-02-13T13:05:00Z", first.publishedAt(), "pubDate in UTC");
        assertEquals("The Harbour Courier – World", first.outlet());
        assertEquals("en-gb", first.language());
        assertTrue(first.text().startsWith("KARACHI – The strike at the city's main port entered its second week"), first.text());
        assertTrue(first.text().contains("by 30 percent.\n\n“We have been patient"), "content:encoded wins over description");
        assertFalse(first.text().contains("Share"), first.text());
        assertFalse(first.text().contains("track("), first.text());

        ArticleFields second = items.get(1).fields();
        assertEquals("More than 4,000 people have left their homes after heavy rain, the disaster management authority "
                + "said on Wednesday.\n\nThe army has been asked to help with evacuations.", second.text(),
                "an escaped-HTML description is read as HTML");
        assertEquals("2024-02-14T07:45:00Z", second.publishedAt());
    }

    @Test
    void atomEntriesBecomeArticles() {
        List<FeedReader.FeedItem> items = read(resource("/samples/feed.atom.xml"));
        assertEquals(2, items.size());
        ArticleFields first = items.get(0).fields();
        assertEquals("Mayor rejects budget cuts", first.title(), "an HTML title is read as text");
        assertEquals("https://ledger.example.net/city/mayor-rejects-budget-cuts", first.url());
        assertEquals("tag:ledger.example.net,2024:article-5521", first.externalId());
        assertEquals("2024-02-14T07:30:00Z", first.publishedAt());
        assertEquals("Valley Ledger", first.outlet());
        assertEquals("The mayor said on Wednesday that the proposed cuts would close two libraries and a swimming pool."
                + "\n\nCouncil officials said the city faced a deficit of 12 million euros.", first.text());
        ArticleFields second = items.get(1).fields();
        assertEquals("Trains are running again between the two towns, the operator said.\n\nRepairs took nine days.",
                second.text(), "type=text content is kept as written");
        assertEquals("2024-02-13T17:10:00Z", second.publishedAt(), "updated when there is no published");
    }

    @Test
    void externalEntityIsRefusedNotResolved() {
        ProblemException e = assertThrows(ProblemException.class, () -> read("""
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>t</title><item><title>x</title>
                <description>&xxe;</description></item></channel></rss>"""));
        assertEquals(ProblemType.INVALID_REQUEST, e.type());
        assertTrue(e.detail().startsWith("XML documents with a DOCTYPE are refused"), e.detail());
        assertFalse(e.detail().contains("root:"), e.detail());
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        xml.append(" <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            xml.append(" <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        xml.append("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");
        long started = System.nanoTime();
        ProblemException e = assertThrows(ProblemException.class, () -> read(xml.toString()));
        assertTrue(e.detail().startsWith("XML documents with a DOCTYPE are refused"), e.detail());
        assertTrue(System.nanoTime() - started < 2_000_000_000L, "refused without expanding");
    }

    @Test
    void malformedXmlNamesWhere() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> read("<rss version=\"2.0\"><channel><title>t</title><item></channel></rss>"));
        assertTrue(e.detail().startsWith("the body is not well-formed XML at line 1, column "), e.detail());
    }

    @Test
    void xmlThatIsNoFeedSaysSo() {
        ProblemException e = assertThrows(ProblemException.class, () -> read("<html><body>hi</body></html>"));
        assertEquals("the XML document is not an RSS or Atom feed", e.detail());
    }

    @Test
    void tooManyItemsIs413NamingTheLimit() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> FeedReader.read(resource("/samples/feed.rss.xml").getBytes(StandardCharsets.UTF_8), 2));
        assertEquals(ProblemType.PAYLOAD_TOO_LARGE, e.type());
        assertTrue(e.detail().startsWith("the feed has 3 items; at most 2 are accepted"), e.detail());
    }
}
