package dev.claimtrail.ingest.infra;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;

/**
 * Enforces {@code quarkus.http.limits.max-body-size} with a problem+json answer. Quarkus's own limit
 * check runs in Vert.x routes before any JAX-RS code and answers with an empty 413 that no exception
 * mapper sees. This route runs just before it: a body announced as too large is refused before it is
 * read, and a chunked body (no announced size) is read through a bounded body handler that stops it
 * as soon as it grows past the limit. Either way the client gets a problem naming the limit.
 */
@ApplicationScoped
public class RequestBodyLimitRoute {

    private final long maxBodyBytes;
    private final BodyHandler boundedBodyReader;

    public RequestBodyLimitRoute(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.boundedBodyReader = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
    }

    void install(@Observes Router router) {
        router.route()
                .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(this::limitBody)
                .failureHandler(this::answerChunkedTooLarge);
    }

    private void limitBody(RoutingContext context) {
        String announced = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (announced != null) {
            if (announcedLength(announced) > maxBodyBytes) {
                answerTooLarge(context, "the request body has " + announced.strip() + " bytes");
            } else {
                context.next();
            }
            return;
        }
        String transferEncoding = context.request().getHeader(HttpHeaders.TRANSFER_ENCODING);
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            // Buffers the body for the JAX-RS layer, which reads it from the routing context.
            boundedBodyReader.handle(context);
        } else {
            context.next();
        }
    }

    private void answerChunkedTooLarge(RoutingContext context) {
        if (context.statusCode() == ProblemType.PAYLOAD_TOO_LARGE.status() && !context.response().headWritten()) {
            answerTooLarge(context, "the request body is over the limit");
        } else {
            context.next();
        }
    }

    private void answerTooLarge(RoutingContext context, String size) {
        String detail = size + "; at most " + maxBodyBytes + " bytes are accepted";
        String body = Problems.toJson(Problems.of(ProblemType.PAYLOAD_TOO_LARGE, detail, context.request().path()));
        // The client may still be sending the body we will not read: close the connection once the
        // answer is out, as Quarkus's own limit handler does.
        context.response().endHandler(ignored -> context.request().connection().close());
        context.response()
                .setStatusCode(ProblemType.PAYLOAD_TOO_LARGE.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }

    private static long announcedLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1; // the HTTP codec rejects malformed lengths itself
        }
    }
}
