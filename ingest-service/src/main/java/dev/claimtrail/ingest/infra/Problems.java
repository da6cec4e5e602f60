package dev.claimtrail.ingest.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Duration;

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
        RestResponse.ResponseBuilder<String> builder = builder(type, detail, instance);
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

    /** Retry-After in delta-seconds, never 0 (which would invite an immediate retry storm). */
    public static String retryAfterSeconds(Duration retryAfter) {
        return Long.toString(Math.max(1, retryAfter.toSeconds()));
    }
}
