package dev.claimtrail.claims.admin;

import dev.claimtrail.claims.infra.auth.OperatorOnly;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Operator actions of claims-service. Listing dead letters is query-service's (it reads every dead-letter
 * topic); re-running extraction on one is this service's, since only it has the extractor.
 */
@Path("/api/admin")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    RedriveService redrive;

    /**
     * Re-extracts a dead-lettered article of this instance's consumer group. 409 for a letter of another
     * group, 422 while extraction still fails; a second redrive is a no-op ({@code already-redriven}).
     */
    @POST
    @Path("/dead-letters/{id}/redrive")
    public RedriveService.RedriveResult redrive(@PathParam("id") String id) {
        return redrive.redrive(LetterId.parse(id));
    }
}
