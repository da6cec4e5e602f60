package dev.claimtrail.query.figures;

import dev.claimtrail.query.infra.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** {@code /api/subjects/{id}/figures}: an entity's figures over time. */
@Path("/api/subjects/{id}/figures")
@Produces(MediaType.APPLICATION_JSON)
public class FigureResource {

    public record Timeline(String subject, List<FigureQueryService.FigurePoint> items) {
    }

    @Inject
    FigureQueryService figures;

    @GET
    public Timeline timeline(@PathParam("id") String id) {
        if (!figures.known(id)) {
            throw ProblemException.notFound("no served claim is about '" + id + "'");
        }
        return new Timeline(id, figures.timeline(id));
    }
}
