package dev.claimtrail.query.denials;

import dev.claimtrail.query.infra.KeysetCursor;
import dev.claimtrail.query.infra.QueryConfig;
import dev.claimtrail.query.infra.QueryParams;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/denials}: denials with the claims they contradict. */
@Path("/api/denials")
@Produces(MediaType.APPLICATION_JSON)
public class DenialResource {

    @Inject
    DenialQueryService denials;

    @Inject
    QueryConfig config;

    @GET
    public DenialQueryService.DenialPage list(@QueryParam("subject") String subject,
                                              @QueryParam("cursor") String cursor,
                                              @QueryParam("limit") String limit) {
        return denials.page(QueryParams.text(subject), KeysetCursor.decode(cursor),
                QueryParams.limit(limit, config.defaultPageSize(), config.maxPageSize()));
    }
}
