package dev.claimtrail.claims.infra.auth;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimtrail.auth.ApiKeys;
import dev.claimtrail.auth.ApiKeys.Caller;
import dev.claimtrail.auth.ApiKeys.Role;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the {@code X-API-Key} of every API request against the role its resource needs: reader for
 * everything, operator for {@link OperatorOnly} resources. A role with no key configured is open (reads
 * on the local run). Missing or unknown key → 401 with {@code WWW-Authenticate: X-API-Key}; a known key
 * without the role (a reader on an operator endpoint) → 403. Both problem+json. Only JAX-RS resources
 * pass here: health checks stay open. Keys are never logged.
 */
@ApplicationScoped
public class ApiKeyFilter {

    public static final String HEADER = "X-API-Key";
    private static final Logger LOG = Logger.getLogger(ApiKeyFilter.class);

    private final ApiKeys keys;
    private final ObjectMapper mapper;

    public ApiKeyFilter(AuthConfig config, ObjectMapper mapper) {
        this.keys = ApiKeys.parse(config.readerKeys().orElse(List.of()), config.operatorKeys().orElse(List.of()));
        this.mapper = mapper;
    }

    void warnIfOpen(@Observes StartupEvent start) {
        if (!keys.has(Role.OPERATOR)) {
            LOG.warn("no operator keys are configured (claimtrail.auth.operator-keys): anyone who can reach this "
                    + "service can run the extractor on any text; configure keys for any deployment beyond a local one");
        }
    }

    @ServerRequestFilter
    public Response authorize(ContainerRequestContext request, ResourceInfo resource) {
        Role needed = needsOperator(resource) ? Role.OPERATOR : Role.READER;
        if (!keys.has(needed)) {
            return null;
        }
        String presented = request.getHeaderString(HEADER);
        if (presented == null || presented.isBlank()) {
            return unauthorized(request, "this endpoint needs an API key in the " + HEADER + " header");
        }
        Optional<Caller> caller = keys.callerOf(presented.strip());
        if (caller.isEmpty()) {
            LOG.info("refused a request with an unknown API key");
            return unauthorized(request, "the " + HEADER + " header holds no known API key");
        }
        if (!caller.get().role().grants(needed)) {
            LOG.infof("refused '%s' (%s) on an operator endpoint", caller.get().name(), caller.get().role());
            return problem(request, 403, "about:blank", "Forbidden",
                    "the key of '" + caller.get().name() + "' does not grant the operator role this endpoint needs").build();
        }
        return null;
    }

    private static boolean needsOperator(ResourceInfo resource) {
        return (resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(OperatorOnly.class))
                || (resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(OperatorOnly.class));
    }

    private Response unauthorized(ContainerRequestContext request, String detail) {
        // RFC 9110: a 401 names the scheme to use; there is no registered one for API keys.
        return problem(request, 401, "about:blank", "Unauthorized", detail)
                .header("WWW-Authenticate", HEADER).build();
    }

    private Response.ResponseBuilder problem(ContainerRequestContext request, int status, String type, String title, String detail) {
        // The same shape as ProblemMapper's, serialised here so the media type never depends on content negotiation.
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getUriInfo().getRequestUri().getRawPath());
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
        return Response.status(status).type("application/problem+json").entity(body);
    }
}
