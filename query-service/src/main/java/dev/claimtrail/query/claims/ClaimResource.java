package dev.claimtrail.query.claims;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimtrail.query.infra.KeysetCursor;
import dev.claimtrail.query.infra.QueryConfig;
import dev.claimtrail.query.infra.QueryParams;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** {@code /api/claims}: filtered claims, as cursor-paged JSON or as one ndjson stream. */
@Path("/api/claims")
public class ClaimResource {

    public static final String NDJSON = "application/x-ndjson";

    /** A page of claims; {@code next} is the cursor of the following page, null on the last one. */
    public record ClaimPage(List<ClaimView> items, String next) {
    }

    @Inject
    ClaimQueryService claims;

    @Inject
    QueryConfig config;

    @Inject
    ObjectMapper mapper;

    @GET
    @Produces({MediaType.APPLICATION_JSON, NDJSON})
    public Response list(@QueryParam("articleId") String articleId,
                         @QueryParam("externalId") String externalId,
                         @QueryParam("source") String source,
                         @QueryParam("subject") String subject,
                         @QueryParam("from") String from,
                         @QueryParam("to") String to,
                         @QueryParam("q") String text,
                         @QueryParam("history") boolean history,
                         @QueryParam("cursor") String cursor,
                         @QueryParam("limit") String limit,
                         HttpHeaders headers) {
        ClaimFilter filter = new ClaimFilter(QueryParams.text(articleId), QueryParams.text(externalId),
                QueryParams.text(source), QueryParams.text(subject),
                QueryParams.date("from", from), QueryParams.date("to", to), QueryParams.text(text), history);
        long after = KeysetCursor.decode(cursor);
        if (wantsNdjson(headers)) {
            return Response.ok(stream(filter, after), NDJSON).build();
        }
        int pageSize = QueryParams.limit(limit, config.defaultPageSize(), config.maxPageSize());
        // One row more than asked tells whether a next page exists without a count query.
        List<ClaimQueryService.Row> rows = claims.page(filter, after, pageSize + 1);
        boolean more = rows.size() > pageSize;
        List<ClaimQueryService.Row> shown = more ? rows.subList(0, pageSize) : rows;
        String next = more ? KeysetCursor.encode(shown.get(shown.size() - 1).seq()) : null;
        return Response.ok(new ClaimPage(shown.stream().map(ClaimQueryService.Row::claim).toList(), next),
                MediaType.APPLICATION_JSON).build();
    }

    /**
     * Every matching claim after the cursor (if any), one JSON object a line, written as it is read.
     * No page limit applies.
     */
    private StreamingOutput stream(ClaimFilter filter, long after) {
        return (OutputStream out) -> {
            try {
                claims.forEach(filter, after, config.maxPageSize(), claim -> {
                    try {
                        out.write(mapper.writeValueAsBytes(claim));
                        out.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause(); // the client went away: stop reading the database
            }
        };
    }

    /**
     * ndjson only when the client asks for it before (by quality, then order) asking for JSON; a
     * client that accepts anything gets JSON pages.
     */
    private static boolean wantsNdjson(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (!"application".equals(type.getType())) {
                continue;
            }
            if ("json".equals(type.getSubtype())) {
                return false;
            }
            if ("x-ndjson".equals(type.getSubtype())) {
                return true;
            }
        }
        return false;
    }
}
