package dev.claimtrail.query.denials;

import dev.claimtrail.query.infra.KeysetCursor;
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

/** {@code /api/denials}: denials with the claims they contradict. */
@Path("/api/denials")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "denials")
public class DenialResource {

    @Inject
    DenialQueryService denials;

    @Inject
    QueryConfig config;

    @GET
    @Operation(summary = "Denials, each with the assertions it contradicts",
            description = "Linked by shared subjects, or for a denial that names none (\"denied the presence of "
                    + "terrorist groups in Afghanistan\") by place and what it denies; from another source, within "
                    + "the configured window. Cursor-paged in recording order.")
    public DenialQueryService.DenialPage list(@Parameter(description = "Denials about this entity id or alias") @QueryParam("subject") String subject,
                                              @Parameter(description = "The `next` of the previous page") @QueryParam("cursor") String cursor,
                                              @Parameter(description = "Page size (default 50)") @QueryParam("limit") String limit) {
        return denials.page(QueryParams.text(subject), KeysetCursor.decode(cursor),
                QueryParams.limit(limit, config.defaultPageSize(), config.maxPageSize()));
    }
}
