package dev.claimtrail.ingest.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Duration;
import java.util.Map;

/** Builds problem+json responses, for the JAX-RS mappers and for the raw HTTP route alike. */
public final class Problems {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Problems() {
    }

    public static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance);
    }

    /**
     * Serialised here rather than by the JAX-RS Jackson writer so the body and its
     * {@code application/problem+json} type never depend on content negotiation with the client's
     * {@code Accept} header.
     */
    public static String toJson(Problem problem) {
        try {
            return MAPPER.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record of strings always serialises", e);
        }
    }

    public static RestResponse<String> response(ProblemType type, String detail, String instance, Duration retryAfter) {
        return response(type, detail, instance, retryAfter, Map.of());
    }

    public static RestResponse<String> response(ProblemType type, String detail, String instance, Duration retryAfter,
                                                Map<String, Object> extensions) {
        RestResponse.ResponseBuilder<String> builder = builder(type, detail, instance);
        if (!extensions.isEmpty()) {
            ObjectNode body = MAPPER.valueToTree(of(type, detail, instance));
            extensions.forEach((name, value) -> body.set(name, MAPPER.valueToTree(value)));
            builder.entity(body.toString());
        }
        if (retryAfter != null) {
            builder.header("Retry-After", retryAfterSeconds(retryAfter));
        }
        return builder.build();
    }

    public static RestResponse.ResponseBuilder<String> builder(ProblemType type, String detail, String instance) {
        return RestResponse.ResponseBuilder
                .<String>create(type.status())
                .type(Problem.MEDIA_TYPE)
                .entity(toJson(of(type, detail, instance)));
    }

    /**
     * Answers from a Vert.x route, before any JAX-RS code (and before the body is read). The client may
     * still be sending the body we will not read: the connection is closed once the answer is out,
     * as Quarkus's own limit handler does.
     *
     * @param headers name, value, name, value, ... added to the answer
     */
    public static void end(RoutingContext context, ProblemType type, String detail, String... headers) {
        String body = toJson(of(type, detail, context.request().path()));
        context.response().endHandler(ignored -> context.request().connection().close());
        context.response()
                .setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            context.response().putHeader(headers[i], headers[i + 1]);
        }
        context.response().end(body);
    }

    /** Retry-After in delta-seconds, never 0 (which would invite an immediate retry storm). */
    public static String retryAfterSeconds(Duration retryAfter) {
        return Long.toString(Math.max(1, retryAfter.toSeconds()));
    }
}
