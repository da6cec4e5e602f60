package dev.claimtrail.query.live;

import dev.claimtrail.query.infra.ProblemException;
import dev.claimtrail.query.infra.QueryParams;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.Locale;

/**
 * {@code /api/stream}: server-sent events of claims as they become served ({@code event: claim}, the
 * claim as /api/claims gives it) and of stories formed, changed or dissolved ({@code event: story}).
 * Each event's id is its position; a client that reconnects with {@code Last-Event-ID} (browsers do
 * this by themselves) or {@code ?since=} first gets exactly the events it missed.
 */
@Path(LiveStream.PATH)
@Tag(name = "live")
public class LiveResource {

    @Inject
    LiveStream stream;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-sent events of claims as they become served and of stories formed, changed or "
            + "dissolved",
            description = "`event: claim` carries the claim as /api/claims gives it; `event: story` the story's id, "
                    + "change (new, changed, removed), counts and member ids. `id` is the event's position: "
                    + "reconnect with `Last-Event-ID` (or `since`) to get exactly what was missed first. An id that "
                    + "can no longer be resumed from gets `event: reset`; reload, then follow. Comment lines keep "
                    + "idle streams open.")
    public void stream(@Parameter(description = "The id of the last event received; wins over `since`") @HeaderParam("Last-Event-ID") String lastEventId,
                       @Parameter(description = "Resume after this event id") @QueryParam("since") String since,
                       @Parameter(description = "Only events about this entity id or alias (removed stories always pass)") @QueryParam("subject") String subject,
                       @Parameter(description = "Only claim or only story events") @QueryParam("kind") String kind,
                       @Context SseEventSink sink,
                       @Context Sse sse) {
        // The header wins: a browser reconnecting keeps the URL it first used, ?since= included.
        Long resumeAfter = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            resumeAfter = eventId("Last-Event-ID", lastEventId);
        } else if (since != null && !since.isBlank()) {
            resumeAfter = eventId("since", since);
        }
        String kindFilter = QueryParams.text(kind);
        if (kindFilter != null && !kindFilter.equals(LiveEvents.CLAIM) && !kindFilter.equals(LiveEvents.STORY)) {
            throw ProblemException.badRequest("kind must be '" + LiveEvents.CLAIM + "' or '" + LiveEvents.STORY
                    + "', got '" + kind + "'");
        }
        String subjectFilter = QueryParams.text(subject);
        stream.subscribe(sink, sse, resumeAfter, new LiveStream.Filter(kindFilter,
                subjectFilter == null ? null : subjectFilter.toLowerCase(Locale.ROOT)));
    }

    private static long eventId(String name, String value) {
        try {
            long id = Long.parseLong(value.trim());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badRequest(name + " must be an event id this stream sent, got '" + value + "'");
    }
}
