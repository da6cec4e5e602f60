package dev.claimtrail.ingest.formats;

import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns HTML into the plain text claims are extracted from. The result is text only: no element,
 * attribute or URL of the page survives, so {@code <script>}, event handlers and {@code javascript:}
 * links cannot reach the log as markup. Entity-escaped text ({@code &lt;script&gt;}) is what a reader
 * sees on the page and is kept as the characters it stands for.
 *
 * <p>Page furniture is removed twice over: by an explicit list (navigation, menus, share buttons,
 * related links, comment forms, scripts and styles), then by Readability's content scoring, which
 * finds the article body among what is left. Blocks (paragraphs, headings, list items, quotes) are
 * separated by one blank line; whitespace inside a block collapses as a browser renders it, except
 * in {@code <pre>}. Non-breaking, zero-width and direction characters are kept: they are text.
 */
public final class HtmlTextExtractor {

    /** Never text a reader sees, or a place where an article's words live. */
    private static final String NEVER_TEXT = "script, style, noscript, template, iframe, object, embed, svg, canvas, "
            + "math, form, button, input, select, textarea, label, nav, aside, dialog, menu, "
            + "[hidden], [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo], "
            + "[role=complementary], [role=search], [role=menu], [role=menubar], [role=dialog], [role=toolbar]";

    /**
     * Class and id words that name furniture on news sites. Matched as whole words of a class or id
     * ({@code share-bar}, {@code related_links}) so that {@code header}, {@code download} or
     * {@code shareholders} do not match.
     */
    private static final Pattern FURNITURE_NAME = Pattern.compile(
            "(?:^|[-_\\s])(?:nav|navbar|menu|breadcrumbs?|share|sharing|social|related|recommended|"
                    + "comments?|newsletter|subscribe|subscription|promo|advert|ads?|sponsored|cookies?|"
                    + "sidebar|footer|masthead|paywall|popup|modal|skip-link)(?:$|[-_\\s])",
            Pattern.CASE_INSENSITIVE);

    private static final String ARTICLE = "article, main, [role=main], [itemprop=articleBody]";

    private static final Set<String> BLOCKS = Set.of("address", "article", "blockquote", "dd", "div", "dl", "dt",
            "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol",
            "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "ul", "caption", "details", "summary");

    /** HTML's own whitespace; U+00A0 and the zero-width characters are not among it. */
    private static final Pattern HTML_WHITESPACE = Pattern.compile("[ \\t\\n\\r\\f]+");

    private HtmlTextExtractor() {
    }

    /**
     * A whole page: metadata from its head, text from its article body.
     *
     * @param baseUrl where the page came from, or null
     */
    public static HtmlArticle extractPage(String html, String baseUrl) {
        // Readability resolves the links of what it keeps and logs an error when it has no absolute
        // base; links never reach the text, so a reserved placeholder host is as good as the real one.
        String base = baseUrl != null && baseUrl.matches("(?i)https?://[^/\\s]+.*") ? baseUrl : "https://page.invalid/";
        Document page = Jsoup.parse(html, base);
        // Read before anything is removed: canonical links and meta tags are outside the body.
        String title = firstNonBlank(meta(page, "meta[property=og:title]"), page.title());
        String canonical = firstNonBlank(page.select("link[rel=canonical]").attr("href"),
                meta(page, "meta[property=og:url]"));
        String publishedAt = firstNonBlank(meta(page, "meta[property=article:published_time]"),
                meta(page, "meta[itemprop=datePublished]"), meta(page, "meta[name=date]"),
                page.select("article time[datetime], time[datetime]").attr("datetime"));
        String language = blankToNull(page.select("html").attr("lang"));
        String outlet = meta(page, "meta[property=og:site_name]");

        removeFurniture(page);
        Element content = readableContent(base, page);
        return new HtmlArticle(textOf(content), blankToNull(title), blankToNull(canonical), blankToNull(publishedAt),
                language, blankToNull(outlet));
    }

    /**
     * A fragment that is already the article (a feed item's {@code content:encoded}): furniture is
     * removed, but no content scoring, which would throw away a short item.
     */
    public static String extractFragment(String html) {
        Document fragment = Jsoup.parseBodyFragment(html);
        removeFurniture(fragment);
        return textOf(fragment.body());
    }

    private static void removeFurniture(Document page) {
        page.select(NEVER_TEXT).remove();
        int bodyChars = page.body().text().length();
        List<Element> furniture = new ArrayList<>();
        for (Element element : page.body().getAllElements()) {
            if (element != page.body() && isFurniture(element) && !holdsTheArticle(element, bodyChars)) {
                furniture.add(element);
            }
        }
        furniture.forEach(Element::remove);
        // A page-level header or footer is masthead and imprint; one inside an article is the article's.
        for (Element element : page.body().select("header, footer")) {
            if (element.closest("article, main") == null) {
                element.remove();
            }
        }
    }

    /**
     * A furniture word on a wrapper ({@code <div class="layout has-sidebar">}) must not take the
     * article with it: an element that contains the article or most of the page's text stays.
     */
    private static boolean holdsTheArticle(Element element, int bodyChars) {
        return element.is(ARTICLE) || element.selectFirst(ARTICLE) != null || element.text().length() * 2 > bodyChars;
    }

    private static boolean isFurniture(Element element) {
        return FURNITURE_NAME.matcher(element.id()).find() || FURNITURE_NAME.matcher(element.className()).find();
    }

    /**
     * Readability's pick of the article body; the whole (already cleaned) body when it finds none, or
     * when what it found has less text than a short page's body (it can settle on a single block of
     * a page that has no clear article container).
     */
    private static Element readableContent(String base, Document page) {
        Element body = page.body();
        String bodyText = body.text();
        Article article;
        try {
            article = new Readability4J(base, page.clone()).parse();
        } catch (RuntimeException e) {
            // Readability is a heuristic over arbitrary markup; a failure in it must not lose the text.
            return body;
        }
        Element content = article.getArticleContent();
        if (content != null) {
            // On a short page Readability may hand back the whole document, head included.
            content.select("head, title").remove();
        }
        if (content == null || content.text().isBlank() || content.text().length() < bodyText.length() / 4) {
            return body;
        }
        return content;
    }

    static String textOf(Element root) {
        BlockCollector collector = new BlockCollector();
        NodeTraversor.traverse(collector, root);
        collector.endBlock();
        return String.join("\n\n", collector.blocks);
    }

    private static String meta(Document page, String selector) {
        return blankToNull(page.select(selector).attr("content"));
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Collects text block by block, the way a browser lays it out. */
    private static final class BlockCollector implements NodeVisitor {

        private final List<String> blocks = new ArrayList<>();
        private final StringBuilder block = new StringBuilder();
        private int preformatted;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                appendText(text.getWholeText());
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("br")) {
                    trimTrailingSpace();
                    block.append('\n');
                } else if (BLOCKS.contains(tag)) {
                    endBlock();
                }
                if (tag.equals("pre")) {
                    preformatted++;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (BLOCKS.contains(tag)) {
                    endBlock();
                } else if (tag.equals("td") || tag.equals("th")) {
                    appendText(" ");
                }
                if (tag.equals("pre")) {
                    preformatted--;
                }
            }
        }

        private void appendText(String text) {
            if (preformatted > 0) {
                block.append(text);
                return;
            }
            String collapsed = HTML_WHITESPACE.matcher(text).replaceAll(" ");
            boolean atLineStart = block.length() == 0 || block.charAt(block.length() - 1) == '\n';
            if (collapsed.startsWith(" ") && (atLineStart || block.charAt(block.length() - 1) == ' ')) {
                collapsed = collapsed.substring(1);
            }
            block.append(collapsed);
        }

        private void trimTrailingSpace() {
            while (block.length() > 0 && block.charAt(block.length() - 1) == ' ') {
                block.setLength(block.length() - 1);
            }
        }

        void endBlock() {
            String text = preformatted > 0 ? stripBlankLines(block.toString()) : stripLines(block.toString());
            if (!text.isEmpty()) {
                blocks.add(text);
            }
            block.setLength(0);
        }

        private static String stripLines(String text) {
            StringBuilder out = new StringBuilder(text.length());
            for (String line : text.split("\n", -1)) {
                String stripped = HTML_WHITESPACE.matcher(line).replaceAll(" ").strip();
                if (!stripped.isEmpty()) {
                    if (out.length() > 0) {
                        out.append('\n');
                    }
                    out.append(stripped);
                }
            }
            return out.toString();
        }

        private static String stripBlankLines(String text) {
            String trimmed = text.replaceAll("^(?:[ \\t]*\\r?\\n)+", "");
            return trimmed.stripTrailing().isEmpty() ? "" : trimmed.stripTrailing();
        }
    }
}
