package dev.claimtrail.claims.infra;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The service's one RFC 9457 mapping: every error leaves as application/problem+json, with a
 * precise detail for client errors and nothing internal (no class names, no stack traces).
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String detail = status >= 500 ? "the server could not handle the request" : e.getMessage();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        return problem(status, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), detail, uri);
    }

    @ServerExceptionMapper
    public Response jsonProcessing(com.fasterxml.jackson.core.JsonProcessingException e, UriInfo uri) {
        return problem(400, "Bad Request", "the body is not valid JSON of the expected shape: " + e.getOriginalMessage(), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.error("unexpected failure", e);
        return problem(500, "Internal Server Error", "the server could not handle the request", uri);
    }

    static Response problem(int status, String title, String detail, UriInfo uri) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (uri != null) {
            body.put("instance", uri.getPath());
        }
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }
}
