package dev.claimtrail.ingest.infra;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;
import java.util.Set;

/**
 * Enforces the body size limits with a problem+json answer. Quarkus's own limit check
 * ({@code quarkus.http.limits.max-body-size}, the hard ceiling) runs in Vert.x routes before any JAX-RS
 * code and answers with an empty 413 that no exception mapper sees. This route runs just before it: a
 * body announced as too large is refused before it is read, and a chunked body (no announced size) is
 * read through a bounded body handler that stops it as soon as it grows past the limit. Either way
 * the client gets a problem naming the limit.
 *
 * <p>Bulk bodies (NDJSON, RSS/Atom) carry many articles and get their own, larger limit
 * ({@code claimtrail.ingest.max-bulk-body-size}); one article gets {@code claimtrail.ingest.max-body-size}.
 */
@ApplicationScoped
public class RequestBodyLimitRoute {

    private static final Set<String> BULK_TYPES = Set.of("application/x-ndjson", "application/rss+xml",
            "application/atom+xml", "application/xml", "text/xml");

    private final long maxBodyBytes;
    private final long maxBulkBodyBytes;
    private final BodyHandler boundedBodyReader;
    private final BodyHandler boundedBulkBodyReader;

    public RequestBodyLimitRoute(IngestConfig config) {
        this.maxBodyBytes = config.maxBodySize().asLongValue();
        this.maxBulkBodyBytes = config.maxBulkBodySize().asLongValue();
        this.boundedBodyReader = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
        this.boundedBulkBodyReader = BodyHandler.create(false).setBodyLimit(maxBulkBodyBytes);
    }

    void install(@Observes Router router) {
        router.route()
                .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(this::limitBody)
                .failureHandler(this::answerChunkedTooLarge);
    }

    private void limitBody(RoutingContext context) {
        boolean bulk = isBulk(context.request().getHeader(HttpHeaders.CONTENT_TYPE));
        long limit = bulk ? maxBulkBodyBytes : maxBodyBytes;
        String announced = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (announced != null) {
            if (announcedLength(announced) > limit) {
                answerTooLarge(context, "the request body has " + announced.strip() + " bytes", limit);
            } else {
                context.next();
            }
            return;
        }
        String transferEncoding = context.request().getHeader(HttpHeaders.TRANSFER_ENCODING);
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            // Buffers the body for the JAX-RS layer, which reads it from the routing context.
            (bulk ? boundedBulkBodyReader : boundedBodyReader).handle(context);
        } else {
            context.next();
        }
    }

    private static boolean isBulk(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
        return BULK_TYPES.contains(type);
    }

    private void answerChunkedTooLarge(RoutingContext context) {
        if (context.statusCode() == ProblemType.PAYLOAD_TOO_LARGE.status() && !context.response().headWritten()) {
            long limit = isBulk(context.request().getHeader(HttpHeaders.CONTENT_TYPE)) ? maxBulkBodyBytes : maxBodyBytes;
            answerTooLarge(context, "the request body is over the limit", limit);
        } else {
            context.next();
        }
    }

    private void answerTooLarge(RoutingContext context, String size, long limit) {
        Problems.end(context, ProblemType.PAYLOAD_TOO_LARGE, size + "; at most " + limit + " bytes are accepted");
    }

    private static long announcedLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1; // the HTTP codec rejects malformed lengths itself
        }
    }
}
