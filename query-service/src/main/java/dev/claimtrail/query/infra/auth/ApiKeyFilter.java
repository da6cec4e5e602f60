package dev.claimtrail.query.infra.auth;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimtrail.query.infra.Problem;
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

import java.util.List;
import java.util.Optional;

/**
 * Checks the {@code X-API-Key} of every API request against the role its resource needs: reader for
 * everything, operator for {@link OperatorOnly} resources. A role with no key configured is open (reads
 * on the local run). Missing or unknown key → 401 with {@code WWW-Authenticate: X-API-Key}; a known key
 * without the role (a reader on an operator endpoint) → 403. Both problem+json. Only JAX-RS resources
 * pass here: health checks and the dashboard's static files stay open. Keys are never logged.
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
        if (!keys.has(Role.READER)) {
            LOG.warn("no reader keys are configured (claimtrail.auth.reader-keys): the query API is open to anyone "
                    + "who can reach it; configure keys for any deployment beyond a local one");
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
            return problem(request, 403, "/problems/forbidden", "Forbidden",
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
        return problem(request, 401, "/problems/unauthorized", "An API key is required", detail)
                .header("WWW-Authenticate", HEADER).build();
    }

    private Response.ResponseBuilder problem(ContainerRequestContext request, int status, String type, String title, String detail) {
        String body;
        try {
            body = mapper.writeValueAsString(new Problem(type, title, status, detail, request.getUriInfo().getRequestUri().getRawPath()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record always serialises", e);
        }
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
    }
}
