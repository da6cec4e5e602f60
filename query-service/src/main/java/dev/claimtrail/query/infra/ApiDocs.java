package dev.claimtrail.query.infra;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The one relaxation of the content security policy: for the Swagger UI at {@code /q/swagger-ui}, which
 * shows the OpenAPI document at {@code /q/openapi} (described in {@link QueryApplication}).
 */
@ApplicationScoped
public class ApiDocs {

    /** Where Quarkus serves the Swagger UI (quarkus.swagger-ui.path). */
    static final String SWAGGER_UI = "/q/swagger-ui";

    /**
     * The service's policy with inline script and style allowed. Swagger UI's page starts it from an
     * inline script and styles elements inline; it shows only this API's own description, never article
     * text, so only its path gets this. The dashboard and the API keep the strict policy.
     */
    static final String SWAGGER_UI_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    void relaxCspForSwaggerUi(@Observes Filters filters) {
        filters.register(rc -> {
            String path = rc.normalizedPath();
            if (path.equals(SWAGGER_UI) || path.startsWith(SWAGGER_UI + "/")) {
                // set as the headers go out, so that it replaces the service-wide header whenever that was set
                rc.addHeadersEndHandler(v -> rc.response().headers().set("Content-Security-Policy", SWAGGER_UI_CSP));
            }
            rc.next();
        }, 1000);
    }
}
