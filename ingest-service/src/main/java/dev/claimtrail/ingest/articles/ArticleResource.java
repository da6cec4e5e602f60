package dev.claimtrail.ingest.articles;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimtrail.ingest.formats.ArticleFields;
import dev.claimtrail.ingest.formats.FeedReader;
import dev.claimtrail.ingest.formats.HtmlArticle;
import dev.claimtrail.ingest.formats.HtmlTextExtractor;
import dev.claimtrail.ingest.formats.JsonArticleReader;
import dev.claimtrail.ingest.formats.JsonDialect;
import dev.claimtrail.ingest.formats.NdjsonLines;
import dev.claimtrail.ingest.formats.TextBodies;
import dev.claimtrail.ingest.infra.IngestConfig;
import dev.claimtrail.ingest.infra.ProblemException;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * Where feeds push articles, in whichever format they have them; every format ends as the same
 * {@code ArticleIngested}/{@code ArticleRevised} event.
 *
 * <ul>
 *   <li>{@code application/json}: one article, in Claimtrail's, news-please's or NewsAPI's fields
 *       ({@link JsonDialect}); {@code html} instead of {@code text} is extracted as a page would be.
 *       A whole NewsAPI response is taken as a bulk body of its {@code articles}.</li>
 *   <li>{@code text/plain}, {@code text/html}: one article; metadata in query parameters
 *       ({@code externalId, url, title, outlet, publishedAt, language}); a page's own metadata
 *       fills in the parameters not given.</li>
 *   <li>{@code application/x-ndjson}: one JSON article per line.</li>
 *   <li>{@code application/rss+xml}, {@code application/atom+xml}, {@code application/xml},
 *       {@code text/xml}: an RSS or Atom feed, one article per item.</li>
 * </ul>
 * A single article answers {@code 202} when it is in the {@code articles} log and {@code 200} when
 * ingest already had this exact text; a bulk body answers {@code 200} with one result per article.
 * Errors are problem+json.
 */
@Path("/api/articles")
public class ArticleResource {

    static final String NDJSON = "application/x-ndjson";

    private final ArticleSubmissionParser parser;
    private final ArticleIngestService ingestService;
    private final BulkIngestService bulkIngestService;
    private final int maxBulkItems;

    @Inject
    public ArticleResource(IngestConfig config, ArticleIngestService ingestService, BulkIngestService bulkIngestService) {
        this.parser = new ArticleSubmissionParser(config.maxTextChars());
        this.ingestService = ingestService;
        this.bulkIngestService = bulkIngestService;
        this.maxBulkItems = config.maxBulkItems();
    }

    /**
     * Takes the raw bytes so the parser, not the framework's data binding, reports what is wrong
     * with a body. Blocking because the request waits for the database and for the broker's ack.
     */
    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public RestResponse<?> push(byte[] body, UriInfo uriInfo) {
        JsonNode root = JsonArticleReader.readTree(body, 0, body == null ? 0 : body.length, "request body", false);
        if (!JsonDialect.isArticleList(root)) {
            return single(parser.parse(root, "request body"));
        }
        JsonNode list = root.get("articles");
        if (list.isEmpty()) {
            throw ProblemException.invalid("'articles' is empty");
        }
        if (list.size() > maxBulkItems) {
            throw ProblemException.tooLarge("'articles' has " + list.size() + " items; at most " + maxBulkItems
                    + " are accepted per request (claimtrail.ingest.max-bulk-items)");
        }
        List<BulkIngestService.PendingArticle> articles = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode article = list.get(i);
            String subject = "articles[" + i + "]";
            articles.add(new BulkIngestService.PendingArticle(ItemResult.Position.item(i + 1),
                    () -> parser.parse(article, subject)));
        }
        return RestResponse.ok(bulkIngestService.ingestAll(articles, uriInfo.getRequestUri().getRawPath()));
    }

    @POST
    @Blocking
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    public RestResponse<IngestReceipt> pushText(byte[] body, HttpHeaders headers, @RestQuery String externalId,
                                                @RestQuery String url, @RestQuery String title, @RestQuery String outlet,
                                                @RestQuery String publishedAt, @RestQuery String language) {
        String text = TextBodies.decode(body, charset(headers));
        return single(parser.validate(new ArticleFields(blankToNull(externalId), blankToNull(url), blankToNull(title),
                blankToNull(outlet), blankToNull(publishedAt), blankToNull(language), text, null)));
    }

    @POST
    @Blocking
    @Consumes(MediaType.TEXT_HTML)
    @Produces(MediaType.APPLICATION_JSON)
    public RestResponse<IngestReceipt> pushHtml(byte[] body, HttpHeaders headers, @RestQuery String externalId,
                                                @RestQuery String url, @RestQuery String title, @RestQuery String outlet,
                                                @RestQuery String publishedAt, @RestQuery String language) {
        HtmlArticle page = HtmlTextExtractor.extractPage(TextBodies.decode(body, charset(headers)), blankToNull(url));
        // What the feed says in the query wins over what the page says about itself.
        ArticleFields fields = new ArticleFields(blankToNull(externalId), or(url, page.canonicalUrl()),
                or(title, page.title()), or(outlet, page.outlet()), or(publishedAt, page.publishedAt()),
                or(language, page.language()), page.text().isEmpty() ? null : page.text(), null);
        if (fields.text() == null) {
            throw ProblemException.invalid("the HTML page has no readable text");
        }
        return single(parser.validate(fields));
    }

    @POST
    @Blocking
    @Consumes(NDJSON)
    @Produces(MediaType.APPLICATION_JSON)
    public BulkReceipt pushNdjson(byte[] body, UriInfo uriInfo) {
        List<BulkIngestService.PendingArticle> articles = new ArrayList<>();
        for (NdjsonLines.Line line : NdjsonLines.split(body, maxBulkItems)) {
            String subject = "line " + line.number();
            articles.add(new BulkIngestService.PendingArticle(ItemResult.Position.line(line.number()), () -> parser.parse(
                    JsonArticleReader.readTree(line.body(), line.offset(), line.length(), subject, true), subject)));
        }
        return bulkIngestService.ingestAll(articles, uriInfo.getRequestUri().getRawPath());
    }

    @POST
    @Blocking
    @Consumes({"application/rss+xml", "application/atom+xml", MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_JSON)
    public BulkReceipt pushFeed(byte[] body, UriInfo uriInfo) {
        List<BulkIngestService.PendingArticle> articles = new ArrayList<>();
        for (FeedReader.FeedItem item : FeedReader.read(body, maxBulkItems)) {
            articles.add(new BulkIngestService.PendingArticle(ItemResult.Position.item(item.position()),
                    () -> parser.validate(item.fields())));
        }
        return bulkIngestService.ingestAll(articles, uriInfo.getRequestUri().getRawPath());
    }

    private RestResponse<IngestReceipt> single(ArticleSubmission submission) {
        IngestReceipt receipt = ingestService.ingest(submission);
        RestResponse.Status status = receipt.published() ? RestResponse.Status.ACCEPTED : RestResponse.Status.OK;
        return RestResponse.ResponseBuilder.<IngestReceipt>create(status).entity(receipt).build();
    }

    private static String charset(HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        return type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
    }

    private static String or(String given, String fallback) {
        String value = blankToNull(given);
        return value != null ? value : fallback;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
