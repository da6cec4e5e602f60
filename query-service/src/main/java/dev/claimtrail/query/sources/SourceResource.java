package dev.claimtrail.query.sources;

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

/** {@code /api/sources} and {@code /api/entities}: who is quoted, and about what. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sources")
public class SourceResource {

    @Inject
    SourceQueryService queries;

    @Inject
    QueryConfig config;

    @GET
    @Path("/sources")
    @Operation(summary = "Quoted sources with their claim counts, spellings of one name merged, cursor-paged by name")
    public SourceQueryService.Page<SourceQueryService.SourceSummary> sources(@Parameter(description = "The `next` of the previous page") @QueryParam("cursor") String cursor,
                                                                             @Parameter(description = "Page size (default 50)") @QueryParam("limit") String limit) {
        return queries.sources(cursor, QueryParams.limit(limit, config.defaultPageSize(), config.maxPageSize()));
    }

    @GET
    @Path("/entities")
    @Operation(summary = "Entities claims are about, with every alias seen and counts, cursor-paged by id")
    public SourceQueryService.Page<SourceQueryService.EntitySummary> entities(@Parameter(description = "The `next` of the previous page") @QueryParam("cursor") String cursor,
                                                                              @Parameter(description = "Page size (default 50)") @QueryParam("limit") String limit) {
        return queries.entities(cursor, QueryParams.limit(limit, config.defaultPageSize(), config.maxPageSize()));
    }
}
