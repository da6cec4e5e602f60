package dev.claimtrail.query.admin;

import dev.claimtrail.query.admin.DeadLetterService.DeadLetterDetail;
import dev.claimtrail.query.admin.DeadLetterService.DeadLetterView;
import dev.claimtrail.query.admin.DeadLetterService.LetterId;
import dev.claimtrail.query.admin.RedriveService.RedriveResult;
import dev.claimtrail.query.admin.StatusService.Status;
import dev.claimtrail.query.infra.QueryParams;
import dev.claimtrail.query.infra.auth.OperatorOnly;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.util.List;

/**
 * The operator API of the logs: status, dead letters, replay. Read-only except the redrive of this
 * service's own dead letters. Everything here needs an operator key once operator keys are configured.
 */
@Path("/api/admin")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    public static final String NDJSON = "application/x-ndjson";

    @Inject
    StatusService status;

    @Inject
    DeadLetterService deadLetters;

    @Inject
    RedriveService redrive;

    @Inject
    ReplayService replay;

    /** End offsets per topic and partition, lag per consumer group, dead letters, articles, extractor versions. */
    @GET
    @Path("/status")
    public Status status() {
        return status.status();
    }

    /**
     * Extractor versions only, with the number of article revisions each has to process: what
     * {@code reextract} polls for its progress, without touching Kafka.
     */
    @GET
    @Path("/extractor-versions")
    public StatusService.Versions extractorVersions() {
        return status.versionsWithTarget();
    }

    /** Every dead letter of {@code articles.dlq} and {@code claims.dlq}, optionally of one topic or status. */
    @GET
    @Path("/dead-letters")
    public List<DeadLetterView> deadLetters(@QueryParam("topic") String topic, @QueryParam("status") String state) {
        return deadLetters.list(QueryParams.text(topic), QueryParams.text(state));
    }

    /** One dead letter with all its headers and the original value. */
    @GET
    @Path("/dead-letters/{id}")
    public DeadLetterDetail deadLetter(@PathParam("id") String id) {
        return deadLetters.show(LetterId.parse(id));
    }

    /**
     * Applies a dead letter of one of this service's projections again. 409 for a letter of another
     * consumer group, 422 while it still cannot be decoded; a second redrive is a no-op.
     */
    @POST
    @Path("/dead-letters/{id}/redrive")
    public RedriveResult redrive(@PathParam("id") String id) {
        return redrive.redrive(LetterId.parse(id));
    }

    /**
     * The records of {@code topic} from {@code from} (inclusive) to {@code to} (exclusive), ISO-8601
     * instants, as NDJSON. Without {@code from} the topic's start, without {@code to} its current end.
     */
    @GET
    @Path("/replay")
    @Produces(NDJSON)
    public Response replay(@QueryParam("topic") String topic, @QueryParam("from") String from,
                           @QueryParam("to") String to) {
        ReplayService.Window window = replay.window(topic, from, to);
        StreamingOutput body = out -> replay.write(window, out);
        return Response.ok(body, NDJSON).build();
    }
}
