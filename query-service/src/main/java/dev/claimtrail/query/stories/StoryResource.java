package dev.claimtrail.query.stories;

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

/** {@code /api/stories}: the same statement reported by several articles. */
@Path("/api/stories")
@Produces(MediaType.APPLICATION_JSON)
public class StoryResource {

    @Inject
    StoryQueryService stories;

    @Inject
    QueryConfig config;

    @GET
    public StoryViews.StoryPage list(@QueryParam("subject") String subject,
                                     @QueryParam("source") String source,
                                     @QueryParam("from") String from,
                                     @QueryParam("to") String to,
                                     @QueryParam("cursor") String cursor,
                                     @QueryParam("limit") String limit) {
        StoryQueryService.Filter filter = new StoryQueryService.Filter(QueryParams.text(subject),
                QueryParams.text(source), QueryParams.date("from", from), QueryParams.date("to", to));
        return stories.page(filter, cursor, QueryParams.limit(limit, config.defaultPageSize(), config.maxPageSize()));
    }

    @GET
    @Path("/{id}")
    public StoryViews.StoryDetail get(@PathParam("id") String id) {
        StoryViews.StoryDetail story = stories.story(id);
        if (story == null) {
            throw ProblemException.notFound("no story '" + id + "'");
        }
        return story;
    }
}
