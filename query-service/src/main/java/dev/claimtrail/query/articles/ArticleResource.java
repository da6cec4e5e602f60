package dev.claimtrail.query.articles;

import dev.claimtrail.query.infra.KeysetCursor;
import dev.claimtrail.query.infra.ProblemException;
import dev.claimtrail.query.infra.QueryConfig;
import dev.claimtrail.query.infra.QueryParams;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** {@code /api/articles}: one article with its served text, or article summaries by external id or URL. */
@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "articles")
public class ArticleResource {

    /** A page of article summaries (no text); {@code next} is null on the last page. */
    public record ArticlePage(List<ArticleView> items, String next) {
    }

    @Inject
    ArticleQueryService articles;

    @Inject
    QueryConfig config;

    @GET
    @Path("/{id}")
    @Operation(summary = "One article with its served text", description = "404 when unknown.")
    public ArticleView get(@PathParam("id") String id) {
        return articles.find(id)
                .orElseThrow(() -> ProblemException.notFound("no article with id '" + id + "'"));
    }

    @GET
    @Operation(summary = "Article summaries (no text) by feed id or URL, cursor-paged")
    public ArticlePage list(@Parameter(description = "The article's id in its feed") @QueryParam("externalId") String externalId,
                            @Parameter(description = "The article URL as ingested") @QueryParam("url") String url,
                            @Parameter(description = "The `next` of the previous page") @QueryParam("cursor") String cursor,
                            @Parameter(description = "Page size (default 50)") @QueryParam("limit") String limit) {
        int pageSize = QueryParams.limit(limit, config.defaultPageSize(), config.maxPageSize());
        List<ArticleEntity> rows = articles.page(QueryParams.text(externalId), QueryParams.text(url),
                KeysetCursor.decode(cursor), pageSize + 1);
        boolean more = rows.size() > pageSize;
        List<ArticleEntity> shown = more ? rows.subList(0, pageSize) : rows;
        String next = more ? KeysetCursor.encode(shown.get(shown.size() - 1).seq) : null;
        return new ArticlePage(shown.stream().map(a -> articles.view(a, false)).toList(), next);
    }
}
