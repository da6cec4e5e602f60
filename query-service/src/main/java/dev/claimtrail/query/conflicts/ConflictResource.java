package dev.claimtrail.query.conflicts;

import dev.claimtrail.query.infra.QueryConfig;
import dev.claimtrail.query.infra.QueryParams;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** {@code /api/conflicts}: the same figure credited to different sources. */
@Path("/api/conflicts")
@Produces(MediaType.APPLICATION_JSON)
public class ConflictResource {

    /** The conflicts found, by subject then value. */
    public record ConflictList(List<ConflictQueryService.Conflict> items) {
    }

    @Inject
    ConflictQueryService conflicts;

    @Inject
    QueryConfig config;

    @GET
    public ConflictList list(@QueryParam("subject") String subject, @QueryParam("limit") String limit) {
        return new ConflictList(conflicts.conflicts(QueryParams.text(subject),
                QueryParams.limit(limit, config.defaultPageSize(), config.maxPageSize())));
    }
}
