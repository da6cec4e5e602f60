package dev.claimtrail.query.stories;

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

/** {@code /api/stories}: the same statement reported by several articles. */
@Path("/api/stories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stories")
public class StoryResource {

    @Inject
    StoryQueryService stories;

    @Inject
    QueryConfig config;

    @GET
    @Operation(summary = "Stories, newest first report first, cursor-paged",
            description = "A story is one statement reported by several articles: who said it as each outlet names "
                    + "the source, the outlets, the dates and the first report's content.")
    public StoryViews.StoryPage list(@Parameter(description = "Stories with a member about this entity id or alias") @QueryParam("subject") String subject,
                                     @Parameter(description = "Stories with a member whose source (or its organisation) contains this") @QueryParam("source") String source,
                                     @Parameter(description = "Stories dated on or after this ISO date") @QueryParam("from") String from,
                                     @Parameter(description = "Stories dated on or before this ISO date") @QueryParam("to") String to,
                                     @Parameter(description = "The `next` of the previous page") @QueryParam("cursor") String cursor,
                                     @Parameter(description = "Page size (default 50)") @QueryParam("limit") String limit) {
        StoryQueryService.Filter filter = new StoryQueryService.Filter(QueryParams.text(subject),
                QueryParams.text(source), QueryParams.date("from", from), QueryParams.date("to", to));
        return stories.page(filter, cursor, QueryParams.limit(limit, config.defaultPageSize(), config.maxPageSize()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One story with every report in report order, its figures as each report words them, "
            + "and why its members were linked")
    public StoryViews.StoryDetail get(@PathParam("id") String id) {
        StoryViews.StoryDetail story = stories.story(id);
        if (story == null) {
            throw ProblemException.notFound("no story '" + id + "'");
        }
        return story;
    }
}
