package dev.claimtrail.query.articles;

import dev.claimtrail.query.infra.KeysetCursor;
import dev.claimtrail.query.infra.ProblemException;
import dev.claimtrail.query.infra.QueryConfig;
import dev.claimtrail.query.infra.QueryParams;
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
    public ArticleView get(@PathParam("id") String id) {
        return articles.find(id)
                .orElseThrow(() -> ProblemException.notFound("no article with id '" + id + "'"));
    }

    @GET
    public ArticlePage list(@QueryParam("externalId") String externalId,
                            @QueryParam("url") String url,
                            @QueryParam("cursor") String cursor,
                            @QueryParam("limit") String limit) {
        int pageSize = QueryParams.limit(limit, config.defaultPageSize(), config.maxPageSize());
        List<ArticleEntity> rows = articles.page(QueryParams.text(externalId), QueryParams.text(url),
                KeysetCursor.decode(cursor), pageSize + 1);
        boolean more = rows.size() > pageSize;
        List<ArticleEntity> shown = more ? rows.subList(0, pageSize) : rows;
        String next = more ? KeysetCursor.encode(shown.get(shown.size() - 1).seq) : null;
        return new ArticlePage(shown.stream().map(a -> articles.view(a, false)).toList(), next);
    }
}
