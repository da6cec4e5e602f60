package dev.claimtrail.query.rebuild;

import dev.claimtrail.query.infra.ProblemException;
import dev.claimtrail.query.infra.auth.OperatorOnly;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Operators start a rebuild of the read models and follow its progress ({@code ./claimtrail rebuild}
 * does both). The rebuild runs in the background: starting it answers 202 at once.
 */
@Path("/api/admin/rebuilds")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    @Inject
    RebuildService rebuilds;

    /** Starts a rebuild; the body may be absent or {@code {"from": null}} for a rebuild from the start of the logs. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(RebuildRequest request, @Context UriInfo uri) {
        Instant from = request == null ? null : parseFrom(request.from());
        RebuildStatus status = rebuilds.start(from);
        return Response.accepted(status).location(uri.getAbsolutePathBuilder().path(status.id()).build()).build();
    }

    @GET
    public List<RebuildStatus> list() {
        return rebuilds.list();
    }

    @GET
    @Path("{id}")
    public RebuildStatus get(@PathParam("id") String id) {
        return rebuilds.get(id);
    }

    private static Instant parseFrom(String from) {
        if (from == null || from.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(from.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("'from' must be an ISO-8601 timestamp with an offset, such as "
                    + "2024-03-01T00:00:00Z; got '" + from + "'.");
        }
    }
}
