package dev.claimtrail.query.figures;

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

/** {@code /api/subjects/{id}/figures}: an entity's figures over time. */
@Path("/api/subjects/{id}/figures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "figures")
public class FigureResource {

    /** {@code next} is the cursor of the following page of the timeline, null on the last one. */
    public record Timeline(String subject, List<FigureQueryService.FigurePoint> items, String next) {
    }

    @Inject
    FigureQueryService figures;

    @Inject
    QueryConfig config;

    @GET
    @Operation(summary = "Every served figure about one entity, by the date it was given, cursor-paged",
            description = "Dated by when it was said where the text says so, else by publication; undated last. 404 "
                    + "when no served claim is about the entity.")
    public Timeline timeline(@Parameter(description = "Entity id, case ignored (\"ISKP\")") @PathParam("id") String id,
                             @Parameter(description = "The `next` of the previous page") @QueryParam("cursor") String cursor,
                             @Parameter(description = "Page size (default 50)") @QueryParam("limit") String limit) {
        int pageSize = QueryParams.limit(limit, config.defaultPageSize(), config.maxPageSize());
        if (!figures.known(id)) {
            throw ProblemException.notFound("no served claim is about '" + id + "'");
        }
        FigureQueryService.Page page = figures.timeline(id, cursor, pageSize);
        return new Timeline(id, page.items(), page.next());
    }
}
