package dev.claimtrail.ingest.auth;

import dev.claimtrail.ingest.infra.ProblemType;
import dev.claimtrail.ingest.infra.Problems;
import dev.claimtrail.ingest.infra.observability.IngestOutcomeFilter;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lets only configured feeds push articles: each sends its key in {@code X-API-Key}. A missing or
 * unknown key gets 401, a revoked feed's key 403, both as problem+json. The check is a Vert.x route
 * ahead of the body limits and of JAX-RS, so a stranger's request is refused from its headers alone:
 * its body is neither read nor buffered, and nothing is published. Only {@code /api/} is guarded;
 * health checks stay open for the platform. Keys are never logged, only feed names.
 */
@ApplicationScoped
public class FeedKeyRoute {

    public static final String HEADER = "X-API-Key";
    private static final Logger LOG = Logger.getLogger(FeedKeyRoute.class);

    private final FeedKeys keys;
    private final Set<String> revoked;

    public FeedKeyRoute(FeedKeyConfig config) {
        this.keys = FeedKeys.parse(config.feedKeys().orElse(List.of()));
        this.revoked = Set.copyOf(config.revokedFeeds().orElse(List.of()));
    }

    void warnIfOpen(@Observes StartupEvent start) {
        if (keys.isEmpty()) {
            LOG.warn("no feed keys are configured (claimtrail.auth.feed-keys): anyone who can reach ingest can push "
                    + "articles; configure keys for any deployment beyond a local one");
        }
    }

    void install(@Observes Router router) {
        if (keys.isEmpty()) {
            return;
        }
        // Before the body limit route (ROUTE_ORDER_UPLOAD_LIMIT - 1): strangers do not learn the limits.
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(this::requireFeedKey);
    }

    private void requireFeedKey(RoutingContext context) {
        String presented = context.request().getHeader(HEADER);
        if (presented == null || presented.isBlank()) {
            unauthorized(context, "this endpoint needs a feed key in the " + HEADER + " header");
            return;
        }
        Optional<String> feed = keys.feedOf(presented.strip());
        if (feed.isEmpty()) {
            LOG.info("refused a push with an unknown feed key");
            unauthorized(context, "the " + HEADER + " header holds no known feed key");
        } else if (revoked.contains(feed.get())) {
            LOG.infof("refused a push from revoked feed '%s'", feed.get());
            Problems.end(context, ProblemType.FORBIDDEN, "the key of feed '" + feed.get() + "' has been revoked");
        } else {
            context.put(IngestOutcomeFilter.FEED_ATTRIBUTE, feed.get()); // metrics count pushes per feed
            context.next();
        }
    }

    private static void unauthorized(RoutingContext context, String detail) {
        // RFC 9110: a 401 names the scheme to use; there is no registered one for API keys.
        Problems.end(context, ProblemType.UNAUTHORIZED, detail, "WWW-Authenticate", HEADER);
    }
}
