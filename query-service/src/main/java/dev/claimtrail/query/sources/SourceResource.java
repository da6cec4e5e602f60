package dev.claimtrail.query.sources;

import dev.claimtrail.query.infra.QueryConfig;
import dev.claimtrail.query.infra.QueryParams;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/sources} and {@code /api/entities}: who is quoted, and about what. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

    @Inject
    SourceQueryService queries;

    @Inject
    QueryConfig config;

    @GET
    @Path("/sources")
    public SourceQueryService.Page<SourceQueryService.SourceSummary> sources(@QueryParam("cursor") String cursor,
                                                                             @QueryParam("limit") String limit) {
        return queries.sources(cursor, QueryParams.limit(limit, config.defaultPageSize(), config.maxPageSize()));
    }

    @GET
    @Path("/entities")
    public SourceQueryService.Page<SourceQueryService.EntitySummary> entities(@QueryParam("cursor") String cursor,
                                                                              @QueryParam("limit") String limit) {
        return queries.entities(cursor, QueryParams.limit(limit, config.defaultPageSize(), config.maxPageSize()));
    }
}
