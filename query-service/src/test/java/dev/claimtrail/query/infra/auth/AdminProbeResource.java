package dev.claimtrail.query.infra.auth;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A stand-in for the operator endpoints to come (admin, replay): what they will need is the annotation. */
@Path("/api/admin/probe")
@OperatorOnly
public class AdminProbeResource {

    @GET
    public String probe() {
        return "ok";
    }
}
