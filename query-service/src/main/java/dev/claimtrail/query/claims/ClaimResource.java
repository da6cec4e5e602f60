package dev.claimtrail.query.claims;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimtrail.query.infra.ProblemException;
import dev.claimtrail.query.infra.QueryConfig;
import dev.claimtrail.query.infra.QueryParams;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code /api/claims}: filtered claims, as cursor-paged JSON or as one ndjson or CSV stream. */
@Path("/api/claims")
@Tag(name = "claims")
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
    @Produces({MediaType.APPLICATION_JSON, NDJSON, ClaimCsv.MEDIA_TYPE})
    @Operation(summary = "Claims, filtered",
            description = "The served claims (newest extractor version of each article's newest revision) in the "
                    + "order they were recorded. JSON pages by default; `Accept: application/x-ndjson` or "
                    + "`format=ndjson` streams every match one object a line, `Accept: text/csv` or `format=csv` "
                    + "as CSV (RFC 4180; cells that a spreadsheet would run as a formula start with an apostrophe). "
                    + "Streams take the same filters and no page limit.")
    public Response list(@Parameter(description = "Claims of this article id") @QueryParam("articleId") String articleId,
                         @Parameter(description = "Claims of the article with this id in its feed") @QueryParam("externalId") String externalId,
                         @Parameter(description = "Substring of the source name, case and accents ignored: serdyukov") @QueryParam("source") String source,
                         @Parameter(description = "Entity id or alias as written, case ignored: ISKP, IS-KP") @QueryParam("subject") String subject,
                         @Parameter(description = "First day (ISO date) of the period the claim is dated in, inclusive; with it the list is in date order (by the last day of each claim's period)") @QueryParam("from") String from,
                         @Parameter(description = "Last day (ISO date), inclusive") @QueryParam("to") String to,
                         @Parameter(description = "Words in the content, PostgreSQL web-search syntax: militants -Taliban") @QueryParam("q") String text,
                         @Parameter(description = "Also claims of revisions and extractor versions no longer served") @QueryParam("history") boolean history,
                         @QueryParam("version") String version,
                         @Parameter(description = "The `next` of the previous page") @QueryParam("cursor") String cursor,
                         @Parameter(description = "Page size, 1 to the configured maximum (default 50)") @QueryParam("limit") String limit,
                         @Parameter(description = "json, ndjson or csv; overrides Accept") @QueryParam("format") String format,
                         HttpHeaders headers) {
        ClaimFilter filter = new ClaimFilter(QueryParams.text(articleId), QueryParams.text(externalId),
                QueryParams.text(source), QueryParams.text(subject),
                QueryParams.date("from", from), QueryParams.date("to", to), QueryParams.text(text), history,
                QueryParams.text(version));
        ClaimQueryService.After after = ClaimCursor.decode(filter, cursor);
        String representation = representation(QueryParams.text(format), headers);
        if (NDJSON.equals(representation)) {
            return Response.ok(stream(filter, after), NDJSON).build();
        }
        if (ClaimCsv.MEDIA_TYPE.equals(representation)) {
            return Response.ok(csv(filter, after), ClaimCsv.MEDIA_TYPE + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"claims.csv\"").build();
        }
        int pageSize = QueryParams.limit(limit, config.defaultPageSize(), config.maxPageSize());
        // One row more than asked tells whether a next page exists without a count query.
        List<ClaimQueryService.Row> rows = claims.page(filter, after, pageSize + 1);
        boolean more = rows.size() > pageSize;
        List<ClaimQueryService.Row> shown = more ? rows.subList(0, pageSize) : rows;
        String next = more ? ClaimCursor.encode(filter, shown.get(shown.size() - 1)) : null;
        return Response.ok(new ClaimPage(shown.stream().map(ClaimQueryService.Row::claim).toList(), next),
                MediaType.APPLICATION_JSON).build();
    }

    /**
     * Every matching claim after the cursor (if any), one JSON object a line, written as it is read.
     * No page limit applies.
     */
    private StreamingOutput stream(ClaimFilter filter, ClaimQueryService.After after) {
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

    /** Every matching claim after the cursor as CSV, like the ndjson stream: no page limit, written as read. */
    private StreamingOutput csv(ClaimFilter filter, ClaimQueryService.After after) {
        return (OutputStream out) -> {
            try {
                out.write(ClaimCsv.header().getBytes(StandardCharsets.UTF_8));
                claims.forEach(filter, after, config.maxPageSize(), claim -> {
                    try {
                        out.write(ClaimCsv.row(claim).getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        };
    }

    /**
     * The media type to answer with: {@code format} (json, ndjson or csv) when given, for links and
     * clients that cannot set headers; else ndjson or CSV only when the client asks for it before (by
     * quality, then order) asking for JSON. A client that accepts anything gets JSON pages.
     */
    private static String representation(String format, HttpHeaders headers) {
        if (format != null) {
            switch (format.toLowerCase(java.util.Locale.ROOT)) {
                case "json":
                    return MediaType.APPLICATION_JSON;
                case "ndjson":
                    return NDJSON;
                case "csv":
                    return ClaimCsv.MEDIA_TYPE;
                default:
                    throw ProblemException.badRequest("format must be json, ndjson or csv, got '" + format + "'");
            }
        }
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if ("application".equals(type.getType()) && "json".equals(type.getSubtype())) {
                return MediaType.APPLICATION_JSON;
            }
            if ("application".equals(type.getType()) && "x-ndjson".equals(type.getSubtype())) {
                return NDJSON;
            }
            if ("text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
                return ClaimCsv.MEDIA_TYPE;
            }
        }
        return MediaType.APPLICATION_JSON;
    }
}
