package dev.claimtrail.ingest.formats;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import dev.claimtrail.ingest.infra.ProblemException;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.xml.sax.InputSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads RSS (0.9x, 1.0, 2.0) and Atom documents with Rome, one article per item.
 *
 * <p>The XML is parsed here, not by Rome, so that the parser's security is ours to state: a document
 * with a DOCTYPE is refused outright ({@code disallow-doctype-decl}), which rules out external
 * entities (XXE: reading local files or URLs into the article) and internal entity expansion
 * (billion laughs) alike; feeds have no use for a DTD. External entities and DTD loading are also
 * switched off, should the first guard ever be lifted. The document's encoding comes from its XML
 * declaration or byte-order mark, as XML defines.
 *
 * <p>Mapping: the item's HTML content ({@code content:encoded}, Atom {@code content}) or else its
 * {@code description} / Atom {@code summary}, as text → text; {@code link} → url; {@code guid} /
 * Atom {@code id} → externalId; {@code pubDate} / {@code published} (else {@code updated}) →
 * publishedAt, in UTC; the channel's {@code title} → outlet; its {@code language} → language.
 */
public final class FeedReader {

    private FeedReader() {
    }

    /**
     * @param maxItems more items than this and the whole document is refused
     * @throws ProblemException 400 when the body is not a well-formed, DOCTYPE-free RSS or Atom document,
     *                          413 when it has more than {@code maxItems} items
     */
    public static List<FeedItem> read(byte[] body, int maxItems) {
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(parse(body));
        } catch (IllegalArgumentException | FeedException e) {
            throw ProblemException.invalid("the XML document is not an RSS or Atom feed");
        }
        List<SyndEntry> entries = feed.getEntries();
        if (entries.isEmpty()) {
            throw ProblemException.invalid("the feed has no items");
        }
        if (entries.size() > maxItems) {
            throw ProblemException.tooLarge("the feed has " + entries.size() + " items; at most " + maxItems
                    + " are accepted per request (claimtrail.ingest.max-bulk-items)");
        }
        String outlet = blankToNull(feed.getTitle());
        String language = blankToNull(feed.getLanguage());
        List<FeedItem> items = new ArrayList<>(entries.size());
        for (SyndEntry entry : entries) {
            items.add(new FeedItem(items.size() + 1, fields(entry, outlet, language)));
        }
        return items;
    }

    private static ArticleFields fields(SyndEntry entry, String outlet, String language) {
        Date published = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        String publishedAt = published == null ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(published.toInstant().atOffset(ZoneOffset.UTC));
        String title = entry.getTitleEx() != null && isHtml(entry.getTitleEx().getType())
                ? HtmlTextExtractor.extractFragment(entry.getTitleEx().getValue())
                : entry.getTitle();
        return new ArticleFields(blankToNull(entry.getUri()), blankToNull(entry.getLink()), blankToNull(title), outlet,
                publishedAt, language, text(entry),
                Map.of("text", "content", "url", "link", "externalId", "guid", "publishedAt", "pubDate"));
    }

    /** The fullest text the item has: its content, else its description. */
    private static String text(SyndEntry entry) {
        for (SyndContent content : entry.getContents()) {
            String text = textOf(content);
            if (text != null) {
                return text;
            }
        }
        return entry.getDescription() == null ? null : textOf(entry.getDescription());
    }

    /**
     * RSS says nothing about a description's type and in practice it is escaped HTML; only Atom's
     * explicit {@code type="text"} is taken as plain text.
     */
    private static String textOf(SyndContent content) {
        String value = content.getValue();
        if (value == null || value.isBlank()) {
            return null;
        }
        String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
        String text = type.equals("text") || type.equals("text/plain") ? value : HtmlTextExtractor.extractFragment(value);
        return text.isBlank() ? null : text;
    }

    private static boolean isHtml(String type) {
        return type != null && type.contains("html");
    }

    private static Document parse(byte[] body) {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setExpandEntities(false);
        // Belt and braces: should anything still ask for an external resource, it gets nothing.
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        try {
            return builder.build(new ByteArrayInputStream(body));
        } catch (JDOMParseException e) {
            String message = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            if (message != null && message.contains("DOCTYPE")) {
                throw ProblemException.invalid("XML documents with a DOCTYPE are refused: ingest does not process "
                        + "DTDs or entity declarations (XXE, entity expansion); send the feed without one");
            }
            String where = e.getLineNumber() > 0
                    ? " at line " + e.getLineNumber() + ", column " + e.getColumnNumber() : "";
            throw ProblemException.invalid("the body is not well-formed XML" + where
                    + (message == null ? "" : ": " + message.strip()));
        } catch (JDOMException | IOException e) {
            throw ProblemException.invalid("the body could not be read as XML");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** One item of a feed, numbered from 1 in document order. */
    public record FeedItem(int position, ArticleFields fields) {
    }
}
