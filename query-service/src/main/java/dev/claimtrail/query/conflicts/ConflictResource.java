package dev.claimtrail.query.conflicts;

import dev.claimtrail.query.infra.QueryConfig;
import dev.claimtrail.query.infra.QueryParams;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/conflicts}: the same figure credited to different sources. */
@Path("/api/conflicts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "conflicts")
public class ConflictResource {

    @Inject
    ConflictQueryService conflicts;

    @Inject
    QueryConfig config;

    /** Conflicts by subject then value; {@code next} is the cursor of the following page. */
    @GET
    @Operation(summary = "Attribution conflicts: one figure about one entity credited to different sources in "
            + "different articles", description = "By subject, then value; cursor-paged.")
    public ConflictQueryService.ConflictPage list(@Parameter(description = "Conflicts about this entity id") @QueryParam("subject") String subject,
                                                  @Parameter(description = "The `next` of the previous page") @QueryParam("cursor") String cursor,
                                                  @Parameter(description = "Page size (default 50)") @QueryParam("limit") String limit) {
        return conflicts.page(QueryParams.text(subject), cursor,
                QueryParams.limit(limit, config.defaultPageSize(), config.maxPageSize()));
    }
}
