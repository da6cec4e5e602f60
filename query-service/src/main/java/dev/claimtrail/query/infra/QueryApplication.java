package dev.claimtrail.query.infra;

import dev.claimtrail.query.infra.auth.ApiKeyFilter;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The REST application, here only to carry the OpenAPI document's header (served at {@code /q/openapi},
 * shown by the Swagger UI at {@code /q/swagger-ui}): SmallRye OpenAPI reads it from the Application class.
 * It declares no classes, so every resource is served as without it.
 */
@OpenAPIDefinition(
        info = @Info(title = "Claimtrail query API", version = "0.1",
                description = "Attributed claims from news articles (who said what, when, about whom) and the views "
                        + "built on them: stories reported by several outlets, attribution conflicts, denials, "
                        + "figure timelines, sources and entities. Lists are cursor-paged: pass `next` back as "
                        + "`cursor`. Errors are RFC 9457 problem details.",
                license = @License(name = "GPL-3.0-or-later", url = "https://www.gnu.org/licenses/gpl-3.0.html")),
        security = @SecurityRequirement(name = QueryApplication.API_KEY),
        tags = {
                @Tag(name = "claims", description = "Attributed claims, filtered, as pages, ndjson or CSV"),
                @Tag(name = "articles", description = "Articles and their served text"),
                @Tag(name = "stories", description = "One statement reported by several articles"),
                @Tag(name = "conflicts", description = "One figure credited to different sources"),
                @Tag(name = "denials", description = "Denials with the claims they contradict"),
                @Tag(name = "figures", description = "An entity's figures over time"),
                @Tag(name = "sources", description = "Who is quoted, and about what"),
                @Tag(name = "live", description = "Server-sent events of new claims and stories")})
@SecurityScheme(securitySchemeName = QueryApplication.API_KEY, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = ApiKeyFilter.HEADER,
        description = "A reader key (an operator key also reads). Needed once reader keys are configured; "
                + "a local run without keys is open.")
public class QueryApplication extends Application {

    public static final String API_KEY = "apiKey";
}
